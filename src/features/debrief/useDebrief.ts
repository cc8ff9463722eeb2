import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { RunId } from '../../model/cycleTypes.ts';
import {
  type DebriefState,
  foldDebrief,
  onDebriefChange,
  readDebriefLog,
} from '../../model/debrief.ts';

const EMPTY = foldDebrief([]);

/** The folded debrief of a run, re-read only when its log changes (taps elsewhere do not). */
export function useDebrief(doc: Y.Doc | null, runId: RunId): DebriefState {
  const cache = useRef<{
    doc: Y.Doc | null;
    runId: RunId | null;
    dirty: boolean;
    value: DebriefState;
  }>({ doc: null, runId: null, dirty: true, value: EMPTY });
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const stop = onDebriefChange(doc, runId, () => {
        cache.current.dirty = true;
        onChange();
      });
      cache.current.dirty = true;
      return stop;
    },
    [doc, runId],
  );
  const get = (): DebriefState => {
    const c = cache.current;
    if (c.doc !== doc || c.runId !== runId || c.dirty) {
      c.doc = doc;
      c.runId = runId;
      c.dirty = false;
      c.value = doc ? foldDebrief(readDebriefLog(doc, runId).entries) : EMPTY;
    }
    return c.value;
  };
  return useSyncExternalStore(subscribe, get, get);
}
