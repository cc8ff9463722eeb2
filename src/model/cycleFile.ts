import * as v from 'valibot';
import * as Y from 'yjs';
import { CYCLE_SCHEMA_VERSION, cycleMetaMap, readCycle } from './cycleDoc.ts';
import type { ModelContext } from './cycleTypes.ts';
import { observedRuns, readRunEvents } from './eventLog.ts';
import type { MemberId } from './ids.ts';

/**
 * A whole cycle as a JSON file another team can import as a new cycle: the
 * plan, predictions, runs, observations, debriefs and impact note. The JSON
 * names what it holds (readable before importing); the content itself is the
 * cycle document's state (`state`, base64), so nothing is lost or changed in
 * translation and the import is validated like any update.
 *
 * Real pupil names live only on the device that typed them, never in the
 * cycle document, so a cycle file cannot contain them. Photos stay with the
 * team that took them.
 */

export const CYCLE_FILE_FORMAT = 'leskring-cycle';
export const CYCLE_FILE_VERSION = 1;
/** Largest file accepted: 32 MB (a cycle of 5,000 events is well under 1 MB). */
export const MAX_CYCLE_FILE_BYTES = 32 * 1024 * 1024;

export const CYCLE_IMPORT_ERROR_REASONS = [
  'empty', // a file of zero bytes
  'too-large', // over MAX_CYCLE_FILE_BYTES
  'not-json', // not JSON text
  'not-a-cycle', // JSON, but not a Leskring cycle file
  'newer-version', // made by a newer version of Leskring
  'corrupt', // the state is not a complete cycle document
] as const;
export type CycleImportErrorReason = (typeof CYCLE_IMPORT_ERROR_REASONS)[number];

export type CycleFileFacts = {
  readonly title: string;
  readonly researchLessons: number;
  readonly runs: number;
  readonly events: number;
};

const FileSchema = v.object({
  format: v.literal(CYCLE_FILE_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: v.string(),
  title: v.string(),
  researchLessons: v.number(),
  runs: v.number(),
  events: v.number(),
  state: v.pipe(v.string(), v.minLength(1), v.regex(/^[A-Za-z0-9+/]+={0,2}$/)),
});

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function factsOf(doc: Y.Doc): CycleFileFacts {
  const cycle = readCycle(doc);
  let events = 0;
  for (const runId of observedRuns(doc)) events += readRunEvents(doc, runId).length;
  return {
    title: cycle.meta.title,
    researchLessons: cycle.researchLessons.length,
    runs: cycle.runs.length,
    events,
  };
}

/** The cycle file's text (JSON). */
export function exportCycleFile(doc: Y.Doc, exportedAt: string): string {
  return JSON.stringify(
    {
      format: CYCLE_FILE_FORMAT,
      version: CYCLE_FILE_VERSION,
      exportedAt,
      ...factsOf(doc),
      state: toBase64(Y.encodeStateAsUpdate(doc)),
    },
    null,
    2,
  );
}

export type CycleFileCheck =
  | ({ readonly ok: true; readonly state: Uint8Array } & CycleFileFacts)
  | { readonly ok: false; readonly reason: CycleImportErrorReason };

/** Checks a cycle file before anything is created; never throws. */
export function checkCycleFile(text: string): CycleFileCheck {
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if (text.length > MAX_CYCLE_FILE_BYTES) return { ok: false, reason: 'too-large' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const format = (raw as { format?: unknown } | null)?.format;
  const version = (raw as { version?: unknown } | null)?.version;
  if (format !== CYCLE_FILE_FORMAT) return { ok: false, reason: 'not-a-cycle' };
  if (typeof version === 'number' && version > CYCLE_FILE_VERSION)
    return { ok: false, reason: 'newer-version' };
  const parsed = v.safeParse(FileSchema, raw);
  if (!parsed.success) return { ok: false, reason: 'not-a-cycle' };
  let state: Uint8Array;
  const scratch = new Y.Doc();
  try {
    state = fromBase64(parsed.output.state);
    Y.applyUpdate(scratch, state);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null)
    return { ok: false, reason: 'corrupt' };
  const meta = cycleMetaMap(scratch);
  const schemaVersion = meta.get('schemaVersion');
  if (typeof schemaVersion === 'number' && schemaVersion > CYCLE_SCHEMA_VERSION)
    return { ok: false, reason: 'newer-version' };
  const facts = factsOf(scratch);
  if (facts.title.trim() === '' || facts.researchLessons === 0)
    return { ok: false, reason: 'corrupt' };
  return { ok: true, state, ...facts };
}

/**
 * Writes a checked file's cycle into a new, empty cycle document as
 * `importer`'s new cycle (created now, at the first stage it had). Call it
 * before initCycleDoc, which then fills only what the file lacks.
 */
export function importCycleState(
  doc: Y.Doc,
  state: Uint8Array,
  importer: MemberId,
  ctx: ModelContext,
): void {
  Y.applyUpdate(doc, state, ctx.origin);
  doc.transact(() => {
    // Set after the file's own values, so they win on every replica: this is a new cycle.
    const meta = cycleMetaMap(doc);
    meta.set('createdAt', ctx.now());
    meta.set('createdBy', importer);
  }, ctx.origin);
}
