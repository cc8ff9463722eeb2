import * as Y from 'yjs';
import {
  applyRewrites,
  isYMap,
  orderOf,
  phaseMap,
  predictionsOf,
  researchLessonMap,
} from './cycleDoc.ts';
import type { ModelContext, PhaseId, ResearchLessonId } from './cycleTypes.ts';
import type { PlannedChange } from './debrief.ts';
import { newResponseMap } from './phases.ts';
import { positionAtEnd } from './positions.ts';
import { predictionKey } from './predictions.ts';

/**
 * Taking a finding's planned change into the next research lesson's plan with
 * one tap: the change's words are appended to the field it concerns in the
 * phase copied from the one the finding was about —
 *
 * - a change of the phase → the teacher's actions;
 * - a prediction for a case pupil → that pupil's prediction in the phase;
 * - a prediction for the class → a new anticipated pupil response;
 * - the observers' focus → the phase's observer focus.
 *
 * Which changes were taken is recorded per lesson in a top-level map of the
 * cycle document (`appliedChanges`, key `<rlId>:<changeId>` → when): a
 * top-level map never conflicts when two colleagues take changes offline at
 * once, which a map created inside the lesson on first use would.
 */

export const APPLIED_CHANGES = 'appliedChanges';

export const appliedChangesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(APPLIED_CHANGES);

const appliedKey = (rlId: ResearchLessonId, changeId: string): string => `${rlId}:${changeId}`;

/** The ids of the changes already taken into this lesson's plan. */
export function appliedChangesOf(doc: Y.Doc, rlId: ResearchLessonId): ReadonlySet<string> {
  const prefix = `${rlId}:`;
  const out = new Set<string>();
  for (const key of appliedChangesMap(doc).keys())
    if (key.startsWith(prefix)) out.add(key.slice(prefix.length));
  return out;
}

/** Appends `words` to a text as a line of its own. */
function appendLine(text: Y.Text, words: string): void {
  const current = text.toString();
  text.insert(
    text.length,
    current.trim() === '' ? words : `${current.endsWith('\n') ? '' : '\n'}${words}`,
  );
}

/**
 * Writes `change` into the phase `phaseId` of lesson `rlId` (the phase that
 * was copied from the one the change names) and records it as taken. Returns
 * false, writing nothing, when the phase is gone, the change was taken before
 * or its text is empty.
 */
export function applyPlannedChange(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  phaseId: PhaseId,
  change: PlannedChange,
  ctx: ModelContext,
): boolean {
  const words = change.text.trim();
  const rl = researchLessonMap(doc, rlId);
  const phase = phaseMap(doc, rlId, phaseId);
  const key = appliedKey(rlId, change.id);
  if (rl === null || phase === null || words === '' || appliedChangesMap(doc).has(key))
    return false;
  let written = false;
  doc.transact(() => {
    if (change.target === 'prediction' && change.pupilId === undefined) {
      let responses = phase.get('responses');
      if (!isYMap(responses)) {
        responses = new Y.Map<unknown>();
        phase.set('responses', responses);
      }
      if (!isYMap(responses)) return;
      const placement = positionAtEnd(orderOf(responses));
      applyRewrites(responses, placement.rewrites);
      responses.set(ctx.newId(), newResponseMap(placement.position, words));
    } else {
      const text =
        change.target === 'prediction'
          ? predictionsOf(rl)?.get(predictionKey(change.pupilId ?? '', phaseId))
          : phase.get(change.target === 'observerFocus' ? 'observerFocus' : 'teacherActions');
      if (!(text instanceof Y.Text)) return;
      appendLine(text, words);
    }
    appliedChangesMap(doc).set(key, ctx.now());
    written = true;
  }, ctx.origin);
  return written;
}
