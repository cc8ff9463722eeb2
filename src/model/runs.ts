import * as Y from 'yjs';
import {
  applyRewrites,
  casePupilsMap,
  isResearchLessonId,
  isRunDate,
  isYMap,
  newText,
  orderOf,
  requireText,
  researchLessonMap,
  runsMap,
  textIn,
} from './cycleDoc.ts';
import type {
  CasePupilId,
  ModelContext,
  QuestionId,
  ResearchLessonId,
  RunId,
} from './cycleTypes.ts';
import { isMemberId, type MemberId } from './ids.ts';
import { positionAtEnd } from './positions.ts';

/**
 * Runs: one enactment of a research lesson with its date, class, teaching
 * member, observers (each following some case pupils) and the questions for the
 * pupil interviews afterwards.
 */

export type RunInput = {
  readonly researchLessonId: ResearchLessonId;
  /** YYYY-MM-DD, or '' while not planned; default ''. */
  readonly date?: string;
  readonly className?: string;
  readonly teacherId?: MemberId | null;
};

function validDate(date: string): string {
  if (!isRunDate(date)) throw new RangeError('run date must be YYYY-MM-DD or empty');
  return date;
}

function validTeacher(teacherId: MemberId | null): MemberId | null {
  if (teacherId !== null && !isMemberId(teacherId)) throw new RangeError('not a member id');
  return teacherId;
}

function requireResearchLesson(doc: Y.Doc, rlId: ResearchLessonId): ResearchLessonId {
  if (!isResearchLessonId(rlId) || researchLessonMap(doc, rlId) === null)
    throw new RangeError(`research lesson ${String(rlId)} does not exist`);
  return rlId;
}

/** Plans a run of an existing research lesson; returns its id. */
export function planRun(doc: Y.Doc, input: RunInput, ctx: ModelContext): RunId {
  const researchLessonId = requireResearchLesson(doc, input.researchLessonId);
  const date = validDate(input.date ?? '');
  const className = requireText(input.className ?? '', 'class name', 60);
  const teacherId = validTeacher(input.teacherId ?? null);
  const id = ctx.newId() as RunId;
  doc.transact(() => {
    const run = new Y.Map<unknown>();
    run.set('researchLessonId', researchLessonId);
    run.set('date', date);
    run.set('className', className);
    run.set('teacherId', teacherId);
    run.set('createdAt', ctx.now());
    run.set('observers', new Y.Map());
    run.set('interviewQuestions', new Y.Map());
    runsMap(doc).set(id, run);
  }, ctx.origin);
  return id;
}

export type RunPatch = Partial<{
  date: string;
  className: string;
  teacherId: MemberId | null;
  researchLessonId: ResearchLessonId;
}>;

/** Replaces the given fields of a run (validated as in planRun); does nothing if the run is gone. */
export function updateRun(doc: Y.Doc, runId: RunId, patch: RunPatch, ctx: ModelContext): void {
  const out: Record<string, unknown> = {};
  if (patch.date !== undefined) out.date = validDate(patch.date);
  if (patch.className !== undefined) out.className = requireText(patch.className, 'class name', 60);
  if (patch.teacherId !== undefined) out.teacherId = validTeacher(patch.teacherId);
  if (patch.researchLessonId !== undefined)
    out.researchLessonId = requireResearchLesson(doc, patch.researchLessonId);
  const run = runsMap(doc).get(runId);
  if (!isYMap(run) || Object.keys(out).length === 0) return;
  doc.transact(() => {
    for (const [key, value] of Object.entries(out)) run.set(key, value);
  }, ctx.origin);
}

export function removeRun(doc: Y.Doc, runId: RunId, ctx: ModelContext): void {
  const runs = runsMap(doc);
  if (!runs.has(runId)) return;
  doc.transact(() => runs.delete(runId), ctx.origin);
}

function runMap(doc: Y.Doc, runId: RunId): Y.Map<unknown> | null {
  const run = runsMap(doc).get(runId);
  return isYMap(run) ? run : null;
}

function childMap(run: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const child = run.get(key);
  if (isYMap(child)) return child;
  const created = new Y.Map<unknown>();
  run.set(key, created);
  return created;
}

/**
 * Makes `memberId` an observer of the run who follows the given case pupils
 * (unknown and duplicate pupil ids are dropped; [] = the whole class).
 */
export function setObserver(
  doc: Y.Doc,
  runId: RunId,
  memberId: MemberId,
  casePupilIds: readonly CasePupilId[],
  ctx: ModelContext,
): void {
  if (!isMemberId(memberId)) throw new RangeError('not a member id');
  const run = runMap(doc, runId);
  if (run === null) throw new RangeError(`run ${runId} does not exist`);
  const pupils = casePupilsMap(doc);
  const followed = [...new Set(casePupilIds)].filter((id) => isYMap(pupils.get(id)));
  doc.transact(() => childMap(run, 'observers').set(memberId, followed), ctx.origin);
}

export function removeObserver(
  doc: Y.Doc,
  runId: RunId,
  memberId: MemberId,
  ctx: ModelContext,
): void {
  const observers = runMap(doc, runId)?.get('observers');
  if (!isYMap(observers) || !observers.has(memberId)) return;
  doc.transact(() => observers.delete(memberId), ctx.origin);
}

/** Appends an interview question (text up to 500 characters, may start empty); returns its id. */
export function addInterviewQuestion(
  doc: Y.Doc,
  runId: RunId,
  text: string,
  ctx: ModelContext,
): QuestionId {
  const valid = requireText(text, 'interview question', 500);
  const run = runMap(doc, runId);
  if (run === null) throw new RangeError(`run ${runId} does not exist`);
  const id = ctx.newId() as QuestionId;
  doc.transact(() => {
    const questions = childMap(run, 'interviewQuestions');
    const placement = positionAtEnd(orderOf(questions));
    applyRewrites(questions, placement.rewrites);
    const entry = new Y.Map<unknown>();
    entry.set('position', placement.position);
    entry.set('text', newText(valid));
    questions.set(id, entry);
  }, ctx.origin);
  return id;
}

export function removeInterviewQuestion(
  doc: Y.Doc,
  runId: RunId,
  questionId: QuestionId,
  ctx: ModelContext,
): void {
  const questions = runMap(doc, runId)?.get('interviewQuestions');
  if (!isYMap(questions) || !questions.has(questionId)) return;
  doc.transact(() => questions.delete(questionId), ctx.origin);
}

export function interviewQuestionText(
  doc: Y.Doc,
  runId: RunId,
  questionId: QuestionId,
): Y.Text | null {
  const entry = runMap(doc, runId)?.get('interviewQuestions');
  const question = isYMap(entry) ? entry.get(questionId) : undefined;
  return isYMap(question) ? textIn(question, 'text') : null;
}
