import * as Y from 'yjs';
import {
  applyRewrites,
  casePupilsMap,
  isYMap,
  newText,
  orderOf,
  predictionsOf,
  requireText,
  researchLessonsMap,
  runsMap,
  textIn,
} from './cycleDoc.ts';
import { type CasePupilId, MAX_CASE_PUPILS, type ModelContext } from './cycleTypes.ts';
import { positionAtEnd, positionFor } from './positions.ts';
import { createCellsForPupil } from './predictions.ts';

/**
 * Case pupils: at most six pseudonyms with a short profile, the only pupil
 * names that ever enter a shared document. Real names stay on the device
 * (src/store), never here.
 */

export type CasePupilInput = { readonly pseudonym: string; readonly profile?: string };

/**
 * Adds a case pupil at the end, with its empty prediction cells for every
 * phase of every research lesson. Throws RangeError beyond MAX_CASE_PUPILS or
 * for a pseudonym that is empty or over 60 characters.
 */
export function addCasePupil(doc: Y.Doc, input: CasePupilInput, ctx: ModelContext): CasePupilId {
  const pseudonym = requireText(input.pseudonym, 'pseudonym', 60, 1);
  const profile = requireText(input.profile ?? '', 'profile', 2000);
  const pupils = casePupilsMap(doc);
  const count = [...pupils.values()].filter(isYMap).length;
  if (count >= MAX_CASE_PUPILS) throw new RangeError(`at most ${MAX_CASE_PUPILS} case pupils`);
  const id = ctx.newId() as CasePupilId;
  doc.transact(() => {
    const placement = positionAtEnd(orderOf(pupils));
    applyRewrites(pupils, placement.rewrites);
    const entry = new Y.Map<unknown>();
    entry.set('position', placement.position);
    entry.set('pseudonym', newText(pseudonym));
    entry.set('profile', newText(profile));
    pupils.set(id, entry);
    createCellsForPupil(doc, id);
  }, ctx.origin);
  return id;
}

/** Removes a case pupil with its prediction cells in every research lesson and its observer assignments. */
export function removeCasePupil(doc: Y.Doc, id: CasePupilId, ctx: ModelContext): void {
  const pupils = casePupilsMap(doc);
  if (!pupils.has(id)) return;
  doc.transact(() => {
    pupils.delete(id);
    for (const rl of researchLessonsMap(doc).values()) {
      const predictions = isYMap(rl) ? predictionsOf(rl) : null;
      if (predictions === null) continue;
      for (const key of [...predictions.keys()]) {
        if (key.startsWith(`${id}:`)) predictions.delete(key);
      }
    }
    for (const run of runsMap(doc).values()) {
      const observers = isYMap(run) ? run.get('observers') : undefined;
      if (!isYMap(observers)) continue;
      for (const [memberId, followed] of [...observers.entries()]) {
        if (Array.isArray(followed) && followed.includes(id))
          observers.set(
            memberId,
            followed.filter((x) => x !== id),
          );
      }
    }
  }, ctx.origin);
}

/** Moves a case pupil to `toIndex` of the resulting order (clamped). */
export function moveCasePupil(
  doc: Y.Doc,
  id: CasePupilId,
  toIndex: number,
  ctx: ModelContext,
): void {
  const pupils = casePupilsMap(doc);
  const entry = pupils.get(id);
  if (!isYMap(entry)) return;
  const order = orderOf(pupils);
  const from = order.findIndex((p) => p.id === id);
  const rest = order.filter((p) => p.id !== id);
  const to = Math.max(0, Math.min(rest.length, Math.trunc(Number.isFinite(toIndex) ? toIndex : 0)));
  if (from === to) return;
  doc.transact(() => {
    const placement = positionFor(rest, to);
    applyRewrites(pupils, placement.rewrites);
    entry.set('position', placement.position);
  }, ctx.origin);
}

export function casePupilText(
  doc: Y.Doc,
  id: CasePupilId,
  field: 'pseudonym' | 'profile',
): Y.Text | null {
  const entry = casePupilsMap(doc).get(id);
  return isYMap(entry) ? textIn(entry, field) : null;
}
