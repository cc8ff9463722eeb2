import type * as Y from 'yjs';
import { type CycleMetaPatch, updateCycleMeta } from '../../model/cycleDoc.ts';
import type { ModelContext } from '../../model/cycleTypes.ts';
import type { DocSession } from '../../sync/docSession.ts';

/**
 * Applies an edit through the session; false when the model refuses it as
 * invalid (a RangeError, thrown before anything is written), so the field can
 * say so. The edit is committed on this device in the background; the page's
 * save status says when.
 */
export function tryChange(
  session: DocSession,
  edit: (doc: Y.Doc, ctx: ModelContext) => void,
): boolean {
  try {
    void session.change(edit);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** Writes a meta patch; false when the model refuses it as invalid. */
export function tryUpdateMeta(session: DocSession, patch: CycleMetaPatch): boolean {
  return tryChange(session, (doc, ctx) => updateCycleMeta(doc, patch, ctx));
}

/** Parses typed lesson minutes; NaN for anything but a whole number. */
export function parseMinutes(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
