import type * as Y from 'yjs';
import type { RunId } from '../../model/cycleTypes.ts';
import {
  foldEvents,
  type ObservationEvent,
  onRunLogChange,
  readRunEvents,
} from '../../model/eventLog.ts';
import { useRunRead } from '../../sync/useRunRead.ts';

export type RunLog = {
  /** Every observer's events as stored (corrections included), sorted. */
  readonly events: readonly ObservationEvent[];
  /** What was effectively recorded: undos and edits applied. */
  readonly effective: readonly ObservationEvent[];
};

const EMPTY: RunLog = { events: [], effective: [] };

/**
 * The merged, folded observation log of a run, re-read only when one of the
 * run's logs changes (a tap elsewhere in the cycle, or an edit of the plan,
 * does not re-read 5,000 events).
 */
export function useRunLog(doc: Y.Doc | null, runId: RunId): RunLog {
  return useRunRead(doc, runId, onRunLogChange, readRunLog, EMPTY);
}

function readRunLog(doc: Y.Doc, runId: RunId): RunLog {
  const events = readRunEvents(doc, runId);
  return { events, effective: foldEvents(events).effective };
}
