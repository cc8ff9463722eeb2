import type * as Y from 'yjs';
import { type CycleMetaPatch, updateCycleMeta } from '../../model/cycleDoc.ts';
import type { ModelContext } from '../../model/cycleTypes.ts';

/** Writes a meta patch; false when the model refuses it as invalid (a RangeError), so the field can say so. */
export function tryUpdateMeta(doc: Y.Doc, patch: CycleMetaPatch, ctx: ModelContext): boolean {
  try {
    updateCycleMeta(doc, patch, ctx);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** Parses typed lesson minutes; NaN for anything but a whole number. */
export function parseMinutes(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
