import type { RunId } from '../../model/cycleTypes.ts';
import { appendDebriefEntry, type DebriefEntry, type DebriefInput } from '../../model/debrief.ts';
import type { MemberId } from '../../model/ids.ts';
import type { DocSession } from '../docSession.ts';

/**
 * Writing into a run's debrief: each command appends one entry to the run's
 * debrief log at once, in the caller's task, and resolves once it is
 * committed on this device. Throws a RangeError for an entry that breaks the
 * rules (said in the UI), rejects on a closed or deleted document.
 */
export function writeDebrief(
  session: DocSession,
  runId: RunId,
  by: MemberId,
  input: DebriefInput,
): { readonly entry: DebriefEntry; readonly saved: Promise<DebriefEntry> } {
  let entry: DebriefEntry | null = null;
  const saved = session.change((doc, ctx) => {
    entry = appendDebriefEntry(doc, runId, by, input, ctx);
    return entry;
  });
  if (entry === null) {
    saved.catch(() => {});
    throw new Error(`the document ${session.name} is closed`);
  }
  return { entry, saved };
}

/** Several entries in one edit (starting a debrief: its protocol, first step and chair). */
export function writeDebriefAll(
  session: DocSession,
  runId: RunId,
  by: MemberId,
  inputs: readonly DebriefInput[],
): Promise<DebriefEntry[]> {
  return session.change((doc, ctx) =>
    inputs.map((input) => appendDebriefEntry(doc, runId, by, input, ctx)),
  );
}
