import type * as Y from 'yjs';
import type { RunId } from './cycleTypes.ts';
import { runTemplatesMap } from './eventLog.ts';
import { isMemberId, type MemberId } from './ids.ts';
import {
  ITEM_KINDS,
  ITEM_SCOPES,
  type ItemKind,
  type ItemScope,
  normalizeItem,
  RATING_VALUES,
  type RatingLevel,
  type RatingValue,
  type Template,
  type TemplateId,
  type TemplateItem,
  type TemplateSection,
} from './templates.ts';

/**
 * The kijkwijzer copy a run is observed with, as every screen reads it. The
 * copy is a plain object written by whichever peer started first, possibly
 * with another app version or on purpose malformed, so it is read piece by
 * piece: a malformed item or section is left out (its records then show a
 * neutral label) instead of hiding the whole kijkwijzer, and reading never
 * throws.
 */

type Fields = Readonly<Record<string, unknown>>;

const fields = (value: unknown): Fields | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
const nonEmptyText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;
const isOneOf = <T extends string | number>(options: readonly T[], value: unknown): value is T =>
  (options as readonly unknown[]).includes(value);

function parseLevels(value: unknown): RatingLevel[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const levels = new Map<RatingValue, RatingLevel>();
  for (const raw of value) {
    const level = fields(raw);
    if (level === null || !isOneOf(RATING_VALUES, level.value) || levels.has(level.value)) continue;
    levels.set(level.value, {
      value: level.value,
      label: text(level.label),
      descriptor: text(level.descriptor),
    });
  }
  return RATING_VALUES.map((value) => levels.get(value) ?? { value, label: '', descriptor: '' });
}

function parseItem(raw: unknown): TemplateItem | null {
  const item = fields(raw);
  if (item === null || !nonEmptyText(item.id) || !isOneOf(ITEM_KINDS, item.kind)) return null;
  const kind: ItemKind = item.kind;
  // An unknown scope still names the item's records; on the live screen it counts for the class.
  const scope: ItemScope = isOneOf(ITEM_SCOPES, item.scope) ? item.scope : 'class';
  const description = optionalText(item.description);
  const levels = parseLevels(item.levels);
  const minutes = item.intervalMinutes;
  const prompt = optionalText(item.prompt);
  return normalizeItem({
    id: item.id,
    kind,
    scope,
    label: text(item.label),
    ...(description === undefined ? {} : { description }),
    ...(levels === undefined ? {} : { levels }),
    ...(typeof minutes === 'number' && Number.isFinite(minutes)
      ? { intervalMinutes: minutes }
      : {}),
    ...(prompt === undefined ? {} : { prompt }),
    // Team tallies point at a team by index, so a bad name keeps its place.
    ...(Array.isArray(item.teams) ? { teams: item.teams.map(text) } : {}),
  });
}

/**
 * A run's kijkwijzer copy as a Template, or null when it is absent or has no
 * id and integer version. Items without an id or with an unknown kind are
 * left out, as are repeated ids after the first; other missing texts read as ''.
 */
export function parseRunTemplate(raw: unknown): Template | null {
  const copy = fields(raw);
  if (copy === null || typeof copy.id !== 'string' || !Number.isInteger(copy.version)) return null;
  const seen = new Set<string>();
  const sections: TemplateSection[] = [];
  for (const [index, rawSection] of list(copy.sections).entries()) {
    const section = fields(rawSection);
    if (section === null) continue;
    const items: TemplateItem[] = [];
    for (const rawItem of list(section.items)) {
      const item = parseItem(rawItem);
      if (item === null || seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
    const phaseKey = optionalText(section.phaseKey);
    sections.push({
      id: nonEmptyText(section.id) ? section.id : `section-${index}`,
      title: text(section.title),
      ...(phaseKey === undefined ? {} : { phaseKey }),
      items,
    });
  }
  return {
    id: copy.id as TemplateId,
    version: copy.version as number,
    name: text(copy.name),
    description: text(copy.description),
    builtIn: typeof copy.builtIn === 'string' ? copy.builtIn : null,
    sections,
    createdAt: text(copy.createdAt),
    createdBy: isMemberId(copy.createdBy) ? (copy.createdBy as MemberId) : null,
  };
}

// The copy is a plain object that Yjs hands back unchanged until a peer replaces it, so each
// copy is parsed once and every reader gets the same Template (stable for React memos).
const parsed = new WeakMap<object, Template | null>();

/** The kijkwijzer the run is observed with (see parseRunTemplate), or null before anyone started. */
export function readRunTemplate(doc: Y.Doc, runId: RunId): Template | null {
  const raw = runTemplatesMap(doc).get(runId);
  if (typeof raw !== 'object' || raw === null) return null;
  let template = parsed.get(raw);
  if (template === undefined) {
    template = parseRunTemplate(raw);
    parsed.set(raw, template);
  }
  return template;
}

/** The items of a run's kijkwijzer by id, in kijkwijzer order. */
export function runItems(template: Template | null): ReadonlyMap<string, TemplateItem> {
  const items = new Map<string, TemplateItem>();
  for (const section of template?.sections ?? [])
    for (const item of section.items) items.set(item.id, item);
  return items;
}

/** The label of an item's rating level `value` ('' when it has none). */
export function levelLabel(item: TemplateItem | undefined, value: unknown): string {
  return item?.levels?.find((level) => level.value === value)?.label.trim() ?? '';
}
