import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { RunId } from '../model/cycleTypes.ts';

/**
 * A value read from one run's part of a cycle document (its observation logs,
 * its debrief log), cached and read again only after `follow` reports a
 * change there: a tap in another run or an edit of the plan does not re-read
 * thousands of entries. `follow` and `read` must be module-level functions
 * (their identity is not a dependency); `empty` stands in while there is no
 * document.
 */
export function useRunRead<T>(
  doc: Y.Doc | null,
  runId: RunId,
  follow: (doc: Y.Doc, runId: RunId, listener: () => void) => () => void,
  read: (doc: Y.Doc, runId: RunId) => T,
  empty: T,
): T {
  const cache = useRef<{ doc: Y.Doc | null; runId: RunId | null; dirty: boolean; value: T }>({
    doc: null,
    runId: null,
    dirty: true,
    value: empty,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow is module-level (see above)
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const stop = follow(doc, runId, () => {
        cache.current.dirty = true;
        onChange();
      });
      // The stored state may have loaded between the render and this subscription.
      cache.current.dirty = true;
      return stop;
    },
    [doc, runId],
  );

  const getSnapshot = (): T => {
    const c = cache.current;
    if (c.doc !== doc || c.runId !== runId || c.dirty) {
      c.doc = doc;
      c.runId = runId;
      c.dirty = false;
      c.value = doc ? read(doc, runId) : empty;
    }
    return c.value;
  };

  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
