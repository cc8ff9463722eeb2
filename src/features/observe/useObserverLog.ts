import { useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import type { RunId } from '../../model/cycleTypes.ts';
import {
  extendFold,
  type FoldedObservation,
  foldEvents,
  logEntries,
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
 * One observer's log of a run, live. A tap appends to the log: then only the
 * appended entries are parsed and the previous fold is extended, so a tap on
 * a 5,000-event lesson costs what the tap added, not the lesson. Anything
 * else (another device of the same member merging entries in before this
 * device's own, an undo of the transaction) reads the log again.
 */
export function useObserverLog(doc: Y.Doc, runId: RunId, observer: MemberId): ObserverLog {
  const store = useMemo(() => createObserverLogStore(doc, runId, observer), [doc, runId, observer]);
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** Whether `next` is `prev` with entries appended (readLog hands out the same objects for the same entries). */
function extendsLog(prev: readonly ObservationEvent[], next: readonly ObservationEvent[]): boolean {
  if (next.length < prev.length) return false;
  for (let i = 0; i < prev.length; i++) if (prev[i] !== next[i]) return false;
  return true;
}

type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/** The entries a transaction appended at the end of `log`, or null when it changed it otherwise. */
function appendedBy(tr: Y.Transaction, log: SharedType): unknown[] | null {
  const event = tr.changedParentTypes.get(log)?.find((e) => e.target === log);
  if (!event || !(log instanceof Y.Array)) return null;
  const [first, second, ...rest] = event.changes.delta;
  const insert = second === undefined ? first : first?.retain !== undefined ? second : undefined;
  if (rest.length > 0 || !Array.isArray(insert?.insert)) return null;
  const appended: unknown[] = insert.insert;
  // At the end: what the log holds after the appended entries is nothing.
  const before = second === undefined ? 0 : (first?.retain ?? 0);
  return before + appended.length === log.length ? appended : null;
}

/** The external store behind {@link useObserverLog} (exported for its tests). */
export function createObserverLogStore(doc: Y.Doc, runId: RunId, observer: MemberId) {
  // Looked up, not created: creating the array would list this member as an observer.
  const ownName = observationLogName(runId, observer);
  const colleagues = () => runObservers(doc, runId).filter((m) => m !== observer).length;
  let cached: ObserverLog | null = null;
  let previous: ObserverLog | null = null;
  /** Raw entries appended to the own log since `previous` was read; null: read it all again. */
  let appended: unknown[] | null = null;
  const read = (): ObserverLog => {
    if (previous !== null && appended !== null) {
      const added = logEntries(appended, observer);
      const events = added.length === 0 ? previous.events : [...previous.events, ...added];
      const folded =
        added.length === 0 ? previous.folded : extendFold(previous.folded, events, added);
      return { events, folded, colleagues: colleagues() };
    }
    const events = readLog(doc, runId, observer);
    return {
      events,
      folded:
        previous && extendsLog(previous.events, events)
          ? extendFold(previous.folded, events, events.slice(previous.events.length))
          : foldEvents(events),
      colleagues: colleagues(),
    };
  };
  return {
    get: (): ObserverLog => {
      if (cached === null) {
        cached = read();
        previous = cached;
        appended = [];
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
        if (ownChanged && appended !== null) {
          const added = appendedBy(tr, ownLog);
          appended = added === null ? null : [...appended, ...added];
        }
        cached = null;
        onChange();
      };
      doc.on('afterTransaction', handler);
      return () => doc.off('afterTransaction', handler);
    },
  };
}
