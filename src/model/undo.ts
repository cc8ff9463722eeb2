import * as Y from 'yjs';
import {
  baselinesMap,
  casePupilsMap,
  cycleMetaMap,
  cycleText,
  researchLessonsMap,
  runsMap,
} from './cycleDoc.ts';
import { CYCLE_TEXT_FIELDS } from './cycleTypes.ts';
import { meetingsMap } from './meetings.ts';
import { appliedChangesMap } from './planChanges.ts';

export type CycleUndoOptions = {
  /**
   * Further origins of this user's local edits to track, e.g. the origin the
   * rich-text editor binding uses for its transactions. Default none.
   */
  readonly trackedOrigins?: Iterable<unknown>;
  /** Edits closer together than this many milliseconds undo as one step; default 500 (Yjs). */
  readonly captureTimeout?: number;
};

/**
 * Per-user undo and redo over every part of a cycle (meta, baselines, the long
 * texts, research lessons, case pupils, runs). It tracks only transactions with
 * this user's `origin`, so it never undoes a colleague's work, which arrives
 * with the provider as origin. Observation logs, once they exist, stay out of
 * this scope: corrections there are events.
 */
export function createCycleUndoManager(
  doc: Y.Doc,
  origin: object,
  options: CycleUndoOptions = {},
): Y.UndoManager {
  const scope = [
    cycleMetaMap(doc),
    baselinesMap(doc),
    ...CYCLE_TEXT_FIELDS.map((field) => cycleText(doc, field)),
    researchLessonsMap(doc),
    casePupilsMap(doc),
    runsMap(doc),
    appliedChangesMap(doc),
    meetingsMap(doc),
  ];
  return new Y.UndoManager(scope, {
    trackedOrigins: new Set<unknown>([origin, ...(options.trackedOrigins ?? [])]),
    ...(options.captureTimeout === undefined ? {} : { captureTimeout: options.captureTimeout }),
  });
}
