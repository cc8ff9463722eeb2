import * as Y from 'yjs';
import {
  applyRewrites,
  casePupilsMap,
  isYMap,
  newText,
  orderOf,
  phaseMap,
  phasesOf,
  predictionsOf,
  requireInteger,
  requireText,
  researchLessonMap,
  textIn,
} from './cycleDoc.ts';
import {
  type ModelContext,
  PHASE_TEXT_FIELDS,
  type PhaseId,
  type PhaseTextField,
  type ResearchLessonId,
  type ResponseId,
} from './cycleTypes.ts';
import { positionAtEnd, positionFor } from './positions.ts';
import { predictionKey } from './predictions.ts';

/**
 * The lesson plan of a research lesson: a table of phases. Phases live in a
 * Y.Map keyed by id and are ordered by a fractional `position` (positions.ts),
 * so reordering never deletes and re-inserts a phase and concurrent moves,
 * edits and deletes merge without duplicates.
 */

export const MAX_PHASE_MINUTES = 240;
export const DEFAULT_PHASE_MINUTES = 5;
export const MAX_PHASES = 40;

export type PhaseInput = {
  readonly title?: string;
  /** Planned minutes, integer 0–240; default 5. */
  readonly minutes?: number;
  /** Insert after this phase; null = at the start; undefined (or an unknown phase) = at the end. */
  readonly after?: PhaseId | null;
};

function requirePhases(doc: Y.Doc, rlId: ResearchLessonId): Y.Map<unknown> {
  const rl = researchLessonMap(doc, rlId);
  const phases = rl === null ? null : phasesOf(rl);
  if (phases === null) throw new RangeError(`research lesson ${rlId} does not exist`);
  return phases;
}

/** A phase Y.Map with all its shared types (used by addPhase, templates and version copy). */
export function newPhaseMap(init: {
  position: string;
  minutes: number;
  copiedFrom: PhaseId | null;
  texts?: Partial<Record<PhaseTextField, string>>;
}): Y.Map<unknown> {
  const phase = new Y.Map<unknown>();
  phase.set('position', init.position);
  phase.set('minutes', init.minutes);
  phase.set('copiedFrom', init.copiedFrom);
  for (const field of PHASE_TEXT_FIELDS) phase.set(field, newText(init.texts?.[field] ?? ''));
  phase.set('responses', new Y.Map());
  return phase;
}

/** Creates the empty prediction cells of one phase for every current case pupil. */
export function createCellsForPhase(rl: Y.Map<unknown>, phaseId: PhaseId): void {
  const predictions = predictionsOf(rl);
  if (predictions === null) return;
  const doc = rl.doc;
  if (doc === null) return;
  for (const [pupilId, entry] of casePupilsMap(doc).entries()) {
    if (!isYMap(entry)) continue;
    const key = predictionKey(pupilId, phaseId);
    if (!(predictions.get(key) instanceof Y.Text)) predictions.set(key, new Y.Text());
  }
}

/**
 * Adds a phase (with its empty prediction cells for every case pupil) and
 * returns its id. Throws RangeError for a missing research lesson, bad
 * minutes, a title over 200 characters or more than 40 phases.
 */
export function addPhase(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  input: PhaseInput,
  ctx: ModelContext,
): PhaseId {
  const phases = requirePhases(doc, rlId);
  const minutes = requireInteger(
    input.minutes ?? DEFAULT_PHASE_MINUTES,
    'phase minutes',
    0,
    MAX_PHASE_MINUTES,
  );
  const title = requireText(input.title ?? '', 'phase title', 200);
  if (phases.size >= MAX_PHASES) throw new RangeError(`at most ${MAX_PHASES} phases`);
  const id = ctx.newId() as PhaseId;
  doc.transact(() => {
    const order = orderOf(phases);
    let index = order.length;
    if (input.after === null) index = 0;
    else if (input.after !== undefined) {
      const at = order.findIndex((p) => p.id === input.after);
      if (at >= 0) index = at + 1;
    }
    const placement = positionFor(order, index);
    applyRewrites(phases, placement.rewrites);
    phases.set(
      id,
      newPhaseMap({ position: placement.position, minutes, copiedFrom: null, texts: { title } }),
    );
    const rl = researchLessonMap(doc, rlId);
    if (rl !== null) createCellsForPhase(rl, id);
  }, ctx.origin);
  return id;
}

/** Removes a phase and its prediction cells; does nothing if it is already gone. */
export function removePhase(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  phaseId: PhaseId,
  ctx: ModelContext,
): void {
  const rl = researchLessonMap(doc, rlId);
  const phases = rl === null ? null : phasesOf(rl);
  if (rl === null || phases === null || !phases.has(phaseId)) return;
  doc.transact(() => {
    phases.delete(phaseId);
    const predictions = predictionsOf(rl);
    if (predictions === null) return;
    for (const key of [...predictions.keys()]) {
      if (key.endsWith(`:${phaseId}`)) predictions.delete(key);
    }
  }, ctx.origin);
}

/**
 * Moves a phase so that it stands at `toIndex` of the resulting order
 * (clamped to the list). Only its `position` is rewritten (plus, rarely, the
 * positions of neighbours that share a key after concurrent inserts).
 */
export function movePhase(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  phaseId: PhaseId,
  toIndex: number,
  ctx: ModelContext,
): void {
  const phases = requirePhases(doc, rlId);
  const phase = phases.get(phaseId);
  if (!isYMap(phase)) return;
  const order = orderOf(phases);
  const from = order.findIndex((p) => p.id === phaseId);
  const rest = order.filter((p) => p.id !== phaseId);
  const to = Math.max(0, Math.min(rest.length, Math.trunc(Number.isFinite(toIndex) ? toIndex : 0)));
  if (from === to) return;
  doc.transact(() => {
    const placement = positionFor(rest, to);
    applyRewrites(phases, placement.rewrites);
    phase.set('position', placement.position);
  }, ctx.origin);
}

/** Sets the planned minutes of a phase (integer 0–240); does nothing if the phase is gone. */
export function setPhaseMinutes(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  phaseId: PhaseId,
  minutes: number,
  ctx: ModelContext,
): void {
  const valid = requireInteger(minutes, 'phase minutes', 0, MAX_PHASE_MINUTES);
  const phase = phaseMap(doc, rlId, phaseId);
  if (phase === null || phase.get('minutes') === valid) return;
  doc.transact(() => phase.set('minutes', valid), ctx.origin);
}

/** The shared text of one field of a phase, for a text input to bind to (see textBinding.ts). */
export function phaseText(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  phaseId: PhaseId,
  field: PhaseTextField,
): Y.Text | null {
  const phase = phaseMap(doc, rlId, phaseId);
  return phase === null ? null : textIn(phase, field);
}

function responsesOf(doc: Y.Doc, rlId: ResearchLessonId, phaseId: PhaseId): Y.Map<unknown> | null {
  const phase = phaseMap(doc, rlId, phaseId);
  const responses = phase?.get('responses');
  return isYMap(responses) ? responses : null;
}

/** Appends an empty anticipated pupil response (with the teacher's answer) to a phase. */
export function addResponse(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  phaseId: PhaseId,
  ctx: ModelContext,
): ResponseId {
  const phase = phaseMap(doc, rlId, phaseId);
  if (phase === null) throw new RangeError(`phase ${phaseId} does not exist`);
  const id = ctx.newId() as ResponseId;
  doc.transact(() => {
    let responses = phase.get('responses');
    if (!isYMap(responses)) {
      responses = new Y.Map<unknown>();
      phase.set('responses', responses);
    }
    if (!isYMap(responses)) return;
    const placement = positionAtEnd(orderOf(responses));
    applyRewrites(responses, placement.rewrites);
    responses.set(id, newResponseMap(placement.position));
  }, ctx.origin);
  return id;
}

export function newResponseMap(position: string, response = '', answer = ''): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  entry.set('position', position);
  entry.set('response', newText(response));
  entry.set('answer', newText(answer));
  return entry;
}

export function removeResponse(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  phaseId: PhaseId,
  responseId: ResponseId,
  ctx: ModelContext,
): void {
  const responses = responsesOf(doc, rlId, phaseId);
  if (responses === null || !responses.has(responseId)) return;
  doc.transact(() => responses.delete(responseId), ctx.origin);
}

export function responseText(
  doc: Y.Doc,
  rlId: ResearchLessonId,
  phaseId: PhaseId,
  responseId: ResponseId,
  field: 'response' | 'answer',
): Y.Text | null {
  const entry = responsesOf(doc, rlId, phaseId)?.get(responseId);
  return isYMap(entry) ? textIn(entry, field) : null;
}

/** Sum of the planned minutes. */
export function totalMinutes(phases: readonly { readonly minutes: number }[]): number {
  return phases.reduce((sum, phase) => sum + phase.minutes, 0);
}
