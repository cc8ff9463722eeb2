import type { TFunction } from 'i18next';
import type { ImportError } from '../../model/templateJson.ts';

const INDEXED = new Set(['sections', 'items', 'levels', 'teams']);
const FIELDS = new Set([
  'template',
  'format',
  'formatVersion',
  'id',
  'version',
  'name',
  'description',
  'builtIn',
  'sections',
  'createdAt',
  'createdBy',
  'title',
  'phaseKey',
  'items',
  'kind',
  'scope',
  'label',
  'levels',
  'value',
  'descriptor',
  'intervalMinutes',
  'prompt',
  'teams',
]);

/**
 * A field path from parseTemplateJson (`template.sections.0.items.3.levels`)
 * in words: "section 1 › item 4 › the levels". Unknown parts stay as they are.
 */
export function describePath(t: TFunction, path: string): string {
  const parts = path.split('.').filter((part) => part.length > 0);
  if (parts[0] === 'template' && parts.length > 1) parts.shift();
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if (INDEXED.has(part) && next !== undefined && /^\d+$/.test(next)) {
      words.push(t(`templatesUi.path.${part}`, { n: Number(next) + 1 }));
      i++;
    } else if (FIELDS.has(part)) words.push(t(`templatesUi.path.fields.${part}`));
    else words.push(part);
  }
  return words.join(' › ');
}

/** One import error as a translated sentence naming the reason and, if known, where. */
export function importErrorMessage(t: TFunction, error: ImportError): string {
  return t(`errors.import.${error.reason}`, { path: describePath(t, error.path) });
}
