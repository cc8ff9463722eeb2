import * as Y from 'yjs';
import { cycleMetaMap } from './cycleDoc.ts';
import type { RunId } from './cycleTypes.ts';
import { observationLogName, parseEvent, parseObservationLogName, readLog } from './eventLog.ts';
import type { MemberId } from './ids.ts';

/**
 * Sharing an observation log as a file when there is no network at all
 * (issue 6 point 8). The file is a Yjs update of the cycle document, so
 * importing it merges exactly as sync would: importing it twice, or also
 * receiving the same events from the server later, adds nothing.
 */

/** Largest log file accepted: 16 MB (a 5,000-event cycle is a few hundred KB). */
export const MAX_LOG_FILE_BYTES = 16 * 1024 * 1024;

export const LOG_IMPORT_ERROR_REASONS = [
  'empty', // a file of zero bytes
  'too-large', // over MAX_LOG_FILE_BYTES
  'corrupt', // not a Yjs update, truncated, or it depends on changes the file lacks
  'no-observations', // a valid update without a single observation event
  'other-cycle', // made from another cycle document than the one it is imported into
] as const;
export type LogImportErrorReason = (typeof LOG_IMPORT_ERROR_REASONS)[number];

export type LogFileContents = {
  /** Valid events per (run, observer) log in the file. */
  readonly logs: readonly { runId: RunId; observer: MemberId; events: number }[];
};

export type LogValidation =
  | ({ readonly ok: true } & LogFileContents)
  | { readonly ok: false; readonly reason: LogImportErrorReason };

/**
 * The file for sharing one observer's log of a run: the cycle document's
 * whole state (so it carries everything the log depends on). Throws a
 * RangeError when that observer has no events in the run.
 * TODO(issue 6): a per-observer subset would be smaller; Yjs has no public
 * API to encode one type's structs with their original ids.
 */
export function encodeRunLog(doc: Y.Doc, runId: RunId, observer: MemberId): Uint8Array {
  if (readLog(doc, runId, observer).length === 0)
    throw new RangeError(`no events of ${observer} in run ${runId}`);
  return Y.encodeStateAsUpdate(doc);
}

/** The id of the item that set `createdAt` in the cycle meta: the same on every replica of one cycle. */
function cycleFingerprint(doc: Y.Doc): string | null {
  const item = cycleMetaMap(doc)._map.get('createdAt');
  return item === undefined ? null : `${item.id.client}:${item.id.clock}`;
}

/**
 * Checks a log file before it is imported, without touching any document:
 * size, that it decodes into a complete Yjs update, that it holds at least
 * one valid observation event and, given the `target` document, that both
 * come from the same cycle. Never throws.
 */
export function validateLogUpdate(update: Uint8Array, target?: Y.Doc): LogValidation {
  if (update.byteLength === 0) return { ok: false, reason: 'empty' };
  if (update.byteLength > MAX_LOG_FILE_BYTES) return { ok: false, reason: 'too-large' };
  const scratch = new Y.Doc();
  try {
    Y.decodeUpdate(update);
    if (target !== undefined) Y.applyUpdate(scratch, Y.encodeStateAsUpdate(target));
    Y.applyUpdate(scratch, update);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null)
    return { ok: false, reason: 'corrupt' };
  const alone = new Y.Doc();
  Y.applyUpdate(alone, update);
  if (target !== undefined) {
    // Another cycle's file carries its own `createdAt` item. Compare the file's own item, not the
    // merged winner: which of two concurrent map entries wins depends on random client ids.
    const ours = cycleFingerprint(target);
    const theirs = cycleFingerprint(alone);
    if (ours !== null && theirs !== null && theirs !== ours)
      return { ok: false, reason: 'other-cycle' };
  }
  const logs: { runId: RunId; observer: MemberId; events: number }[] = [];
  for (const name of [...alone.share.keys()].sort()) {
    const parsed = parseObservationLogName(name);
    if (parsed === null) continue;
    const entries = alone.getArray(observationLogName(parsed.runId, parsed.observer)).toArray();
    const events = entries.filter((raw) => {
      const event = parseEvent(raw);
      return event !== null && event.observer === parsed.observer;
    }).length;
    if (events > 0) logs.push({ ...parsed, events });
  }
  if (logs.length === 0) return { ok: false, reason: 'no-observations' };
  return { ok: true, logs };
}

/**
 * Validates a log file against `doc` and, when it is valid, merges it in one
 * update with the given origin (an `import` origin, so undo ignores it).
 */
export function importLogUpdate(doc: Y.Doc, update: Uint8Array, origin: object): LogValidation {
  const result = validateLogUpdate(update, doc);
  if (result.ok) Y.applyUpdate(doc, update, origin);
  return result;
}
