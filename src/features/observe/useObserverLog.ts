import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { RunId } from '../../model/cycleTypes.ts';
import {
  extendFold,
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
 * a change (entries are parsed once, see eventLog.ts) and a tap extends the
 * previous fold instead of folding the whole lesson again.
 */
export function useObserverLog(doc: Y.Doc, runId: RunId, observer: MemberId): ObserverLog {
  const store = useMemo(() => createStore(doc, runId, observer), [doc, runId, observer]);
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** Whether `next` is `prev` with entries appended (readLog hands out the same objects for the same entries). */
function extendsLog(prev: readonly ObservationEvent[], next: readonly ObservationEvent[]): boolean {
  if (next.length < prev.length) return false;
  for (let i = 0; i < prev.length; i++) if (prev[i] !== next[i]) return false;
  return true;
}

function createStore(doc: Y.Doc, runId: RunId, observer: MemberId) {
  // Looked up, not created: creating the array would list this member as an observer.
  const ownName = observationLogName(runId, observer);
  const colleagues = () => runObservers(doc, runId).filter((m) => m !== observer).length;
  let cached: ObserverLog | null = null;
  let previous: ObserverLog | null = null;
  return {
    get: (): ObserverLog => {
      if (cached === null) {
        const events = readLog(doc, runId, observer);
        cached = {
          events,
          folded:
            previous && extendsLog(previous.events, events)
              ? extendFold(previous.folded, events, events.slice(previous.events.length))
              : foldEvents(events),
          colleagues: colleagues(),
        };
        previous = cached;
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
