import * as Y from 'yjs';
import type { DocSession } from '../../sync/docSession.ts';

/** How long the Undo of a removal stays available (a little longer than the toast). */
const UNDO_WINDOW_MS = 10_000;

/**
 * Runs `remove` (a `session.change` with the session's origin) and resolves,
 * once the removal is committed on this device, with a function that undoes
 * exactly that removal, for the Undo button of a toast. A short-lived
 * Y.UndoManager over `scope` records only this one transaction: it stops
 * tracking the session's origin right after, so later edits are never undone
 * by it, and colleagues' edits never were. The page-wide undo (Ctrl+Z), which
 * tracks the same origin, still works too.
 */
export function removeWithUndo(
  session: DocSession,
  scope: ConstructorParameters<typeof Y.UndoManager>[0],
  remove: () => Promise<unknown>,
): Promise<() => void> {
  const origin = session.origin;
  const manager = new Y.UndoManager(scope, { trackedOrigins: new Set([origin]) });
  const timer = setTimeout(() => manager.destroy(), UNDO_WINDOW_MS);
  const forget = () => {
    clearTimeout(timer);
    manager.destroy();
  };
  let removed: Promise<unknown>;
  try {
    removed = remove();
  } catch (error) {
    forget();
    throw error;
  } finally {
    manager.trackedOrigins.delete(origin);
  }
  return removed.then(
    () => () => {
      manager.undo();
      forget();
    },
    (error: unknown) => {
      forget();
      throw error;
    },
  );
}
