import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { RunId } from '../../model/cycleTypes.ts';
import {
  foldEvents,
  type ObservationEvent,
  onRunLogChange,
  readRunEvents,
} from '../../model/eventLog.ts';

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
  const cache = useRef<{ doc: Y.Doc | null; runId: RunId | null; dirty: boolean; value: RunLog }>({
    doc: null,
    runId: null,
    dirty: true,
    value: EMPTY,
  });

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const stop = onRunLogChange(doc, runId, () => {
        cache.current.dirty = true;
        onChange();
      });
      // The stored state may have loaded between the render and this subscription.
      cache.current.dirty = true;
      return stop;
    },
    [doc, runId],
  );

  const getSnapshot = (): RunLog => {
    const c = cache.current;
    if (c.doc !== doc || c.runId !== runId || c.dirty) {
      c.doc = doc;
      c.runId = runId;
      c.dirty = false;
      if (!doc) c.value = EMPTY;
      else {
        const events = readRunEvents(doc, runId);
        c.value = { events, effective: foldEvents(events).effective };
      }
    }
    return c.value;
  };

  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
