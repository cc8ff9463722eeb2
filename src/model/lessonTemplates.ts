import type * as Y from 'yjs';
import { applyRewrites, orderOf, phasesOf, researchLessonMap } from './cycleDoc.ts';
import type { ModelContext, PhaseId, ResearchLessonId } from './cycleTypes.ts';
import { createCellsForPhase, MAX_PHASES, newPhaseMap } from './phases.ts';
import { positionAtEnd } from './positions.ts';

/**
 * Lesson-plan templates. A template is a list of phase keys with planned
 * minutes; the UI supplies the localized titles. EDI (explicit direct
 * instruction): lesson goal, activating prior knowledge, instruction, guided
 * practice, closing (checking the goal), independent practice, 50 minutes in
 * all.
 */
export const LESSON_TEMPLATES = {
  edi: [
    { key: 'lessonGoal', minutes: 2 },
    { key: 'activation', minutes: 5 },
    { key: 'instruction', minutes: 10 },
    { key: 'guidedPractice', minutes: 10 },
    { key: 'closing', minutes: 3 },
    { key: 'independentPractice', minutes: 20 },
  ],
  blank: [],
} as const;

export type LessonTemplateKey = keyof typeof LESSON_TEMPLATES;
export type LessonTemplatePhaseKey = (typeof LESSON_TEMPLATES)['edi'][number]['key'];
export const LESSON_TEMPLATE_KEYS = Object.keys(LESSON_TEMPLATES) as LessonTemplateKey[];

/**
 * Appends the template's phases (titled from `titles[key]`, falling back to
 * the key) with their prediction cells, in one transaction; returns their ids.
 */
export function applyTemplate(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  template: LessonTemplateKey,
  titles: Readonly<Record<string, string>>,
  ctx: ModelContext,
): PhaseId[] {
  const rl = researchLessonMap(doc, rlId);
  const phases = rl === null ? null : phasesOf(rl);
  if (rl === null || phases === null)
    throw new RangeError(`research lesson ${rlId} does not exist`);
  const steps: readonly { key: string; minutes: number }[] = LESSON_TEMPLATES[template];
  if (steps === undefined) throw new RangeError(`unknown template ${String(template)}`);
  if (phases.size + steps.length > MAX_PHASES) throw new RangeError(`at most ${MAX_PHASES} phases`);
  const ids: PhaseId[] = [];
  if (steps.length === 0) return ids;
  doc.transact(() => {
    for (const step of steps) {
      const id = ctx.newId() as PhaseId;
      const placement = positionAtEnd(orderOf(phases));
      applyRewrites(phases, placement.rewrites);
      const title = (titles[step.key] ?? step.key).trim().slice(0, 200);
      phases.set(
        id,
        newPhaseMap({
          position: placement.position,
          minutes: step.minutes,
          copiedFrom: null,
          texts: { title },
        }),
      );
      createCellsForPhase(rl, id);
      ids.push(id);
    }
  }, ctx.origin);
  return ids;
}
