import type * as Y from 'yjs';
import type { CasePupil, CasePupilId, ModelContext, QuestionId, Run, RunId } from './cycleTypes.ts';
import {
  appendEvent,
  type EventInput,
  foldEvents,
  MAX_EVENT_TEXT,
  type ObservationEvent,
  readLog,
} from './eventLog.ts';
import { isId, type MemberId } from './ids.ts';

/**
 * Pupil interviews after the lesson (issue 6 point 7). An answer is an
 * observation event of the member who asked: a `note` whose item is
 * `interview:<questionId>` and whose pupil is the case pupil, appended to
 * that member's own log of the run. Corrections are `edit` and `undo` events
 * on one's own answer, so members answering the same question offline never
 * overwrite each other: every member's answer is kept.
 */

export const INTERVIEW_ITEM_PREFIX = 'interview:';

/** The item id under which answers to a question are recorded. */
export const interviewItemId = (questionId: QuestionId): string =>
  `${INTERVIEW_ITEM_PREFIX}${questionId}`;

/** Whether an event's item id names an interview question (and not a kijkwijzer item). */
export function isInterviewItemId(itemId: string | undefined): boolean {
  return itemId !== undefined && interviewQuestionOf(itemId) !== null;
}

/** The question id inside an interview item id, or null for any other item id. */
export function interviewQuestionOf(itemId: string): QuestionId | null {
  if (!itemId.startsWith(INTERVIEW_ITEM_PREFIX)) return null;
  const id = itemId.slice(INTERVIEW_ITEM_PREFIX.length);
  return isId(id) ? (id as QuestionId) : null;
}

/** Whether a recorded event is an interview answer (they are shown apart from the lesson's timeline). */
export const isInterviewEvent = (event: ObservationEvent): boolean =>
  event.kind === 'note' && event.pupilId !== undefined && isInterviewItemId(event.itemId);

export type InterviewAnswer = {
  /** The id of the answer's first event: the target of later corrections. */
  readonly eventId: string;
  readonly questionId: QuestionId;
  readonly pupilId: CasePupilId;
  readonly observer: MemberId;
  /** The text with every edit applied. */
  readonly text: string;
  /** Wall clock of the first answer (ISO). */
  readonly at: string;
  readonly seq: number;
};

/** Answers keyed by `answerKey(questionId, pupilId)`. */
export type InterviewAnswers = ReadonlyMap<string, readonly InterviewAnswer[]>;

export const answerKey = (questionId: QuestionId, pupilId: CasePupilId): string =>
  `${questionId}|${pupilId}`;

/**
 * Every effective interview answer of a run, per question and pupil, oldest
 * first (then by observer). `events` may be the run's events as read (undo
 * and edit events are applied here) or already folded. A member normally
 * has one answer per question and pupil; two made on different devices
 * offline are both kept.
 */
export function readInterviewAnswers(events: readonly ObservationEvent[]): InterviewAnswers {
  const relevant = events.filter(
    (event) => event.kind === 'undo' || event.kind === 'edit' || isInterviewEvent(event),
  );
  const out = new Map<string, InterviewAnswer[]>();
  for (const event of foldEvents(relevant).effective) {
    if (!isInterviewEvent(event) || event.itemId === undefined || event.pupilId === undefined)
      continue;
    const questionId = interviewQuestionOf(event.itemId);
    if (questionId === null || event.text === undefined) continue;
    const pupilId = event.pupilId as CasePupilId;
    const key = answerKey(questionId, pupilId);
    const list = out.get(key) ?? [];
    list.push({
      eventId: event.id,
      questionId,
      pupilId,
      observer: event.observer,
      text: event.text,
      at: event.at,
      seq: event.seq,
    });
    out.set(key, list);
  }
  for (const list of out.values())
    list.sort(
      (a, b) => a.at.localeCompare(b.at) || a.observer.localeCompare(b.observer) || a.seq - b.seq,
    );
  return out;
}

/** The member's latest answer among `answers` (the one their corrections go to), or null. */
export function ownAnswer(
  answers: readonly InterviewAnswer[] | undefined,
  observer: MemberId,
): InterviewAnswer | null {
  let latest: InterviewAnswer | null = null;
  for (const answer of answers ?? [])
    if (
      answer.observer === observer &&
      (latest === null ||
        answer.at > latest.at ||
        (answer.at === latest.at && answer.seq > latest.seq))
    )
      latest = answer;
  return latest;
}

/**
 * Whom the interview questions are for: the case pupils the run's observers
 * follow, in the cycle's order, or every case pupil when no observer follows
 * one.
 */
export function interviewPupils(run: Run, casePupils: readonly CasePupil[]): CasePupil[] {
  const followed = new Set(run.observers.flatMap((observer) => observer.casePupilIds));
  if (followed.size === 0) return [...casePupils];
  const chosen = casePupils.filter((pupil) => followed.has(pupil.id));
  return chosen.length > 0 ? chosen : [...casePupils];
}

export type AnswerInput = {
  readonly questionId: QuestionId;
  readonly pupilId: CasePupilId;
  readonly text: string;
};

/**
 * The event that turns the member's `current` answer into `text`: a new note,
 * an edit of the current answer, an undo when the text was cleared, or null
 * when nothing changes. Text is trimmed; `t` is the member's lesson clock.
 * Throws a RangeError for a text over MAX_EVENT_TEXT characters.
 */
export function interviewEventFor(
  current: InterviewAnswer | null,
  input: AnswerInput,
  t: number,
): EventInput | null {
  const text = input.text.trim();
  if (text.length > MAX_EVENT_TEXT)
    throw new RangeError(`an answer is at most ${MAX_EVENT_TEXT} characters`);
  if (current === null) {
    if (text === '') return null;
    return {
      kind: 'note',
      t,
      phaseId: null,
      itemId: interviewItemId(input.questionId),
      pupilId: input.pupilId,
      text,
    };
  }
  if (text === current.text) return null;
  if (text === '') return { kind: 'undo', t, phaseId: null, target: current.eventId };
  return { kind: 'edit', t, phaseId: null, target: current.eventId, text };
}

/** The lesson clock to record an interview answer at: the member's latest `t` in the run, or 0. */
export function interviewClock(ownLog: readonly ObservationEvent[]): number {
  return ownLog.reduce((latest, event) => Math.max(latest, event.t), 0);
}

/**
 * Records the member's answer to a question for a pupil in their own log of
 * the run (see `interviewEventFor`) and returns the event written, or null
 * when the answer did not change. Screens call it through the answerInterview
 * command, which says "saved" once the edit is committed on the device.
 */
export function recordInterviewAnswer(
  doc: Y.Doc,
  runId: RunId,
  observer: MemberId,
  input: AnswerInput,
  ctx: ModelContext,
): ObservationEvent | null {
  const own = readLog(doc, runId, observer);
  const answers = readInterviewAnswers(own).get(answerKey(input.questionId, input.pupilId));
  const event = interviewEventFor(ownAnswer(answers, observer), input, interviewClock(own));
  return event === null ? null : appendEvent(doc, runId, observer, event, ctx);
}
