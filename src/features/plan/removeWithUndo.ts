import * as Y from 'yjs';
import type { ModelContext } from '../../model/cycleTypes.ts';
import type { DocSession } from '../../sync/docSession.ts';

/** How long the Undo of a removal stays available (a little longer than the toast). */
const UNDO_WINDOW_MS = 10_000;

type UndoScope = ConstructorParameters<typeof Y.UndoManager>[0];

/**
 * Runs `remove` through the session and resolves, once the removal is
 * committed on this device, with a function that undoes exactly that removal,
 * for the Undo button of a toast. A short-lived Y.UndoManager over `scope`
 * records only this one transaction: it stops tracking the session's origin
 * right after, so later edits are never undone by it, and colleagues' edits
 * never were. The removal keeps the session's origin, so the page-wide undo
 * (Ctrl+Z) still works too.
 */
export function removeWithUndo(
  session: DocSession,
  scope: (doc: Y.Doc) => UndoScope,
  remove: (doc: Y.Doc, ctx: ModelContext) => void,
): Promise<() => void> {
  const origin = session.origin;
  const manager = new Y.UndoManager(scope(session.doc), { trackedOrigins: new Set([origin]) });
  const timer = setTimeout(() => manager.destroy(), UNDO_WINDOW_MS);
  const forget = () => {
    clearTimeout(timer);
    manager.destroy();
  };
  let removed: Promise<void>;
  try {
    removed = session.change(remove);
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
