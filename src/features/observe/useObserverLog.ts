import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { RunId } from '../../model/cycleTypes.ts';
import {
  type FoldedObservation,
  foldEvents,
  type ObservationEvent,
  observationLogName,
  readLog,
  runObservers,
} from '../../model/eventLog.ts';
import type { MemberId } from '../../model/ids.ts';

export type ObserverLog = {
  /** This observer's own events, in log order. */
  readonly events: readonly ObservationEvent[];
  readonly folded: FoldedObservation;
  /** How many other members have a log for this run. */
  readonly colleagues: number;
};

/**
 * One observer's log of a run, live. Only this observer's array is read on
 * a change (entries are parsed once, see eventLog.ts), so a tap costs a
 * fold of one person's lesson, not of everyone's.
 */
export function useObserverLog(doc: Y.Doc, runId: RunId, observer: MemberId): ObserverLog {
  const store = useMemo(() => createStore(doc, runId, observer), [doc, runId, observer]);
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

function createStore(doc: Y.Doc, runId: RunId, observer: MemberId) {
  // Looked up, not created: creating the array would list this member as an observer.
  const ownName = observationLogName(runId, observer);
  const colleagues = () => runObservers(doc, runId).filter((m) => m !== observer).length;
  let cached: ObserverLog | null = null;
  return {
    get: (): ObserverLog => {
      if (cached === null) {
        const events = readLog(doc, runId, observer);
        cached = { events, folded: foldEvents(events), colleagues: colleagues() };
      }
      return cached;
    },
    subscribe: (onChange: () => void) => {
      const handler = (tr: Y.Transaction) => {
        if (tr.changed.size === 0) return;
        // A colleague's taps matter here only when they change how many colleagues observe.
        const ownLog = doc.share.get(ownName);
        const ownChanged = ownLog !== undefined && tr.changed.has(ownLog);
        if (!ownChanged && cached !== null && colleagues() === cached.colleagues) return;
        cached = null;
        onChange();
      };
      doc.on('afterTransaction', handler);
      return () => doc.off('afterTransaction', handler);
    },
  };
}
