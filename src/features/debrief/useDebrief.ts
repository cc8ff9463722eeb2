import type * as Y from 'yjs';
import type { RunId } from '../../model/cycleTypes.ts';
import {
  type DebriefState,
  foldDebrief,
  onDebriefChange,
  readDebriefLog,
} from '../../model/debrief.ts';
import { useRunRead } from '../../sync/useRunRead.ts';

const EMPTY = foldDebrief([]);

const readDebrief = (doc: Y.Doc, runId: RunId): DebriefState =>
  foldDebrief(readDebriefLog(doc, runId).entries);

/** The folded debrief of a run, re-read only when its log changes (taps elsewhere do not). */
export function useDebrief(doc: Y.Doc | null, runId: RunId): DebriefState {
  return useRunRead(doc, runId, onDebriefChange, readDebrief, EMPTY);
}
