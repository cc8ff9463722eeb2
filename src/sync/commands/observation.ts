import type { RunId } from '../../model/cycleTypes.ts';
import {
  appendEvent,
  type EventInput,
  type ObservationEvent,
  type StartInput,
  startObservation,
} from '../../model/eventLog.ts';
import type { MemberId } from '../../model/ids.ts';
import { type AnswerInput, recordInterviewAnswer } from '../../model/interviews.ts';
import { setObserver } from '../../model/runs.ts';
import type { DocSession } from '../docSession.ts';

/**
 * Writing observations into a cycle. Each command edits the document at once,
 * in the caller's task (a tap's handler), and resolves once the edit is
 * committed on this device: only then may a screen say "saved", and a tab
 * closed right after the tap still has it when it opens again.
 */

export type Recorded = {
  /** The event as written, at once: a tap shows it in its next frame. */
  readonly event: ObservationEvent;
  /** Resolves once the event is committed on this device. */
  readonly saved: Promise<void>;
};

/**
 * Appends an event to the observer's log of the run, as this device's edit.
 * Throws a RangeError for an event that breaks the rules of its kind, and
 * an Error when the document was closed or deleted meanwhile.
 */
export function recordObservation(
  session: DocSession,
  runId: RunId,
  observer: MemberId,
  input: EventInput,
): Recorded {
  let event = null as ObservationEvent | null;
  const saved = session.change((doc, ctx) => {
    event = appendEvent(doc, runId, observer, input, ctx);
  });
  if (event === null) {
    saved.catch(() => {}); // refused without writing: said by the throw below
    throw new Error(`the document ${session.name} is closed`);
  }
  return { event, saved };
}

/**
 * Starts the observer's log of the run (the start event and, when the run has
 * none yet, the kijkwijzer version) and, with `listAsObserver`, lists them as
 * an observer of the run who follows the whole class, in one edit.
 */
export function startObserving(
  session: DocSession,
  runId: RunId,
  observer: MemberId,
  input: StartInput & { readonly listAsObserver: boolean },
): Promise<ObservationEvent> {
  const { listAsObserver, ...start } = input;
  return session.change((doc, ctx) => {
    if (listAsObserver) setObserver(doc, runId, observer, [], ctx);
    return startObservation(doc, runId, observer, start, ctx);
  });
}

/**
 * Notes, corrects or clears the member's interview answer; resolves with the
 * event written, or null when the answer did not change.
 */
export function answerInterview(
  session: DocSession,
  runId: RunId,
  observer: MemberId,
  input: AnswerInput,
): Promise<ObservationEvent | null> {
  return session.change((doc, ctx) => recordInterviewAnswer(doc, runId, observer, input, ctx));
}
