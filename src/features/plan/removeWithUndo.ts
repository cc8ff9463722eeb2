import * as Y from 'yjs';

/** How long the Undo of a removal stays available (a little longer than the toast). */
const UNDO_WINDOW_MS = 10_000;

/**
 * Runs `remove` (a model writer using `origin`) and returns a function that
 * undoes exactly that removal, for the Undo button of a toast. A short-lived
 * Y.UndoManager over `scope` records only this one transaction: it stops
 * tracking `origin` right after, so later edits are never undone by it, and
 * colleagues' edits never were. The page-wide undo (Ctrl+Z) still works too.
 */
export function removeWithUndo(
  scope: ConstructorParameters<typeof Y.UndoManager>[0],
  origin: object,
  remove: () => void,
): () => void {
  const manager = new Y.UndoManager(scope, { trackedOrigins: new Set([origin]) });
  try {
    remove();
  } finally {
    manager.trackedOrigins.delete(origin);
  }
  const timer = setTimeout(() => manager.destroy(), UNDO_WINDOW_MS);
  return () => {
    clearTimeout(timer);
    manager.undo();
    manager.destroy();
  };
}
