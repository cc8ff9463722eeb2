import * as Y from 'yjs';
import type { DocSession } from '../../sync/docSession.ts';

/** How long the Undo of a change stays available (a little longer than the toast). */
const UNDO_WINDOW_MS = 10_000;

/**
 * Runs `change` (a `session.change` with the session's origin: a removal, or
 * a finding's change taken into the plan) and resolves, once it is committed
 * on this device, with a function that undoes exactly that change, for the
 * Undo button of a toast. A short-lived
 * Y.UndoManager over `scope` records only this one transaction: it stops
 * tracking the session's origin right after, so later edits are never undone
 * by it, and colleagues' edits never were. The page-wide undo (Ctrl+Z), which
 * tracks the same origin, still works too.
 */
export function changeWithUndo(
  session: DocSession,
  scope: ConstructorParameters<typeof Y.UndoManager>[0],
  change: () => Promise<unknown>,
): Promise<() => void> {
  const origin = session.origin;
  const manager = new Y.UndoManager(scope, { trackedOrigins: new Set([origin]) });
  const timer = setTimeout(() => manager.destroy(), UNDO_WINDOW_MS);
  const forget = () => {
    clearTimeout(timer);
    manager.destroy();
  };
  let changed: Promise<unknown>;
  try {
    changed = change();
  } catch (error) {
    forget();
    throw error;
  } finally {
    manager.trackedOrigins.delete(origin);
  }
  return changed.then(
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
