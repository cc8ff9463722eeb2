import * as Y from 'yjs';
import {
  casePupilsMap,
  isYMap,
  phasesOf,
  predictionsOf,
  researchLessonMap,
  researchLessonsMap,
} from './cycleDoc.ts';
import type {
  CasePupil,
  CasePupilId,
  ModelContext,
  Phase,
  PhaseId,
  ResearchLesson,
  ResearchLessonId,
} from './cycleTypes.ts';

/**
 * The prediction grid: per research lesson, case pupil × phase → a Y.Text with
 * what the team expects this pupil to do or find hard.
 *
 * Cells are created eagerly, never while typing: two people who each created
 * "the same" cell would make two Y.Texts under one key, and the text of the one
 * that loses the merge would vanish. Adding a phase creates its cells for all
 * pupils, adding a pupil creates its cells for all phases of every research
 * lesson; `ensurePredictionCells` repairs the cells that a concurrent (offline)
 * phase add and pupil add both missed.
 */

export function predictionKey(pupilId: string, phaseId: string): string {
  return `${pupilId}:${phaseId}`;
}

/** The shared text of one cell, or null while it does not exist (yet). */
export function predictionText(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  pupilId: CasePupilId,
  phaseId: PhaseId,
): Y.Text | null {
  const rl = researchLessonMap(doc, rlId);
  const text = rl === null ? undefined : predictionsOf(rl)?.get(predictionKey(pupilId, phaseId));
  return text instanceof Y.Text ? text : null;
}

function missingCells(doc: Y.Doc, rl: Y.Map<unknown>): string[] {
  const phases = phasesOf(rl);
  const predictions = predictionsOf(rl);
  if (phases === null || predictions === null) return [];
  const missing: string[] = [];
  for (const [pupilId, pupil] of casePupilsMap(doc).entries()) {
    if (!isYMap(pupil)) continue;
    for (const [phaseId, phase] of phases.entries()) {
      if (!isYMap(phase)) continue;
      const key = predictionKey(pupilId, phaseId);
      if (!(predictions.get(key) instanceof Y.Text)) missing.push(key);
    }
  }
  return missing;
}

/** Creates the empty cells of one pupil for all phases of every research lesson (inside a transaction). */
export function createCellsForPupil(doc: Y.Doc, pupilId: CasePupilId): void {
  for (const rl of researchLessonsMap(doc).values()) {
    if (!isYMap(rl)) continue;
    const phases = phasesOf(rl);
    const predictions = predictionsOf(rl);
    if (phases === null || predictions === null) continue;
    for (const phaseId of phases.keys()) {
      const key = predictionKey(pupilId, phaseId);
      if (!(predictions.get(key) instanceof Y.Text)) predictions.set(key, new Y.Text());
    }
  }
}

/**
 * Creates every missing cell (case pupil × phase) of a research lesson and
 * returns how many it created; 0 and no transaction when none is missing.
 */
export function ensurePredictionCells(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  ctx: ModelContext,
): number {
  const rl = researchLessonMap(doc, rlId);
  if (rl === null) return 0;
  const missing = missingCells(doc, rl);
  if (missing.length === 0) return 0;
  doc.transact(() => {
    const predictions = predictionsOf(rl);
    if (predictions === null) return;
    for (const key of missing) predictions.set(key, new Y.Text());
  }, ctx.origin);
  return missing.length;
}

export type PredictionRow = {
  readonly pupil: CasePupil;
  readonly cells: readonly { readonly phase: Phase; readonly text: string }[];
};

/** The grid to render: one row per case pupil, one cell per phase in plan order (missing = ''). */
export function predictionGrid(rl: ResearchLesson, pupils: readonly CasePupil[]): PredictionRow[] {
  return pupils.map((pupil) => ({
    pupil,
    cells: rl.phases.map((phase) => ({
      phase,
      text: rl.predictions.get(predictionKey(pupil.id, phase.id)) ?? '',
    })),
  }));
}
