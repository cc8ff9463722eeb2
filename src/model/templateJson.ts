import * as v from 'valibot';
import type * as Y from 'yjs';
import type { ImportErrorReason } from './apiErrors.ts';
import type { ModelContext } from './cycleTypes.ts';
import type { MemberId } from './ids.ts';
import {
  createTemplate,
  type Template,
  TemplateSchema,
  validateTemplate,
  withNewIds,
} from './templates.ts';

/**
 * Kijkwijzers as JSON files (issue 6 point 2), for sharing between teams:
 *
 *   { "format": "leskring-kijkwijzer", "formatVersion": 1, "template": Template }
 *
 * An imported file is untrusted: it is size-checked, parsed with the schema
 * and the template rules, and always stored under new ids, so an import never
 * overwrites a template the team already has.
 */
export const TEMPLATE_FILE_FORMAT = 'leskring-kijkwijzer';
export const TEMPLATE_FILE_VERSION = 1;
/** Largest file accepted, in bytes (UTF-8). */
export const MAX_TEMPLATE_FILE_BYTES = 1_000_000;

export type ImportError = { readonly reason: ImportErrorReason; readonly path: string };
export type ParseTemplateResult =
  | { readonly ok: true; readonly template: Template }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

/** The file text of one template version (pretty-printed, stable key order). */
export function exportTemplateJson(t: Template): string {
  return `${JSON.stringify(
    { format: TEMPLATE_FILE_FORMAT, formatVersion: TEMPLATE_FILE_VERSION, template: t },
    null,
    2,
  )}\n`;
}

const EnvelopeSchema = v.object({ format: v.unknown(), formatVersion: v.unknown() });

const fail = (reason: ImportErrorReason, path = ''): ParseTemplateResult => ({
  ok: false,
  errors: [{ reason, path }],
});

/**
 * Reads a kijkwijzer file. Never throws: a bad file gives every reason found
 * with the path of the field (`template.sections.0.items.3.levels`).
 */
export function parseTemplateJson(text: string): ParseTemplateResult {
  if (
    text.length > MAX_TEMPLATE_FILE_BYTES ||
    new TextEncoder().encode(text).byteLength > MAX_TEMPLATE_FILE_BYTES
  )
    return fail('too-large');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('not-json');
  }
  const envelope = v.safeParse(EnvelopeSchema, data);
  if (!envelope.success || envelope.output.format !== TEMPLATE_FILE_FORMAT)
    return fail('wrong-format', 'format');
  if (envelope.output.formatVersion !== TEMPLATE_FILE_VERSION)
    return fail('unsupported-version', 'formatVersion');
  const body = (data as { template?: unknown }).template;
  const parsed = v.safeParse(TemplateSchema, body);
  if (!parsed.success) {
    const paths = new Set(
      parsed.issues.map((issue) => ['template', v.getDotPath(issue)].filter(Boolean).join('.')),
    );
    return { ok: false, errors: [...paths].map((path) => ({ reason: 'invalid-field', path })) };
  }
  const issues = validateTemplate(parsed.output);
  if (issues.length > 0)
    return {
      ok: false,
      errors: issues.map((issue) => ({ reason: 'invalid-field', path: `template.${issue.path}` })),
    };
  return { ok: true, template: parsed.output };
}

/**
 * Stores a parsed file's template in the team as a new template (new ids for
 * it, its sections and items; version 1; not marked built-in) and returns it.
 */
export function importTemplate(
  doc: Y.Doc,
  template: Template,
  ctx: ModelContext,
  createdBy: MemberId | null,
): Template {
  return createTemplate(doc, { ...withNewIds(template, ctx), builtIn: null }, ctx, createdBy);
}
