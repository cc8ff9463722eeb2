import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readCycle } from '../../model/cycleDoc.ts';
import type { CycleSnapshot } from '../../model/cycleTypes.ts';
import { isCycleDocId, teamScopedDocName } from '../../model/docName.ts';
import { touchesOnlyObservationLogs } from '../../model/eventLog.ts';
import { parseTeamId } from '../../model/ids.ts';
import { createCycleUndoManager } from '../../model/undo.ts';
import type { DocSession, SessionStatus } from '../../sync/docSession.ts';
import { useOpenSession, useSessionState, useYSnapshot } from '../../sync/hooks.ts';

export type CycleDocState = {
  /** The cycle's session; null before it opened and for a malformed id. */
  readonly session: DocSession | null;
  /** Null until the document is open; check `status` before showing "not found". */
  readonly cycle: CycleSnapshot | null;
  /** This user's undo history for the cycle (never undoes colleagues' work); null before the document opened. */
  readonly undo: Y.UndoManager | null;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly status: SessionStatus;
  /** Server document name `<teamId>/<cycleId>`, or null for malformed ids. */
  readonly docName: string | null;
};

const ignoreTaps = (tr: Y.Transaction): boolean => touchesOnlyObservationLogs(tr.doc, tr);

/** The cycle's document name, or null for a malformed team or cycle id (and for the roster's id). */
export function cycleDocName(teamId: string | null, cycleId: string | null): string | null {
  const team = parseTeamId(teamId);
  return team !== null && isCycleDocId(cycleId) ? teamScopedDocName(team, cycleId) : null;
}

/**
 * The per-user undo history over a session's cycle: it tracks only the
 * session's origin, so it never undoes a colleague's edits.
 */
export function useCycleUndo(session: DocSession | null) {
  const [undo, setUndo] = useState<Y.UndoManager | null>(null);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    if (!session) {
      setUndo(null);
      return;
    }
    const manager = createCycleUndoManager(session.doc, session.origin);
    const refresh = () =>
      setStacks({
        canUndo: manager.undoStack.length > 0,
        canRedo: manager.redoStack.length > 0,
      });
    manager.on('stack-item-added', refresh);
    manager.on('stack-item-popped', refresh);
    manager.on('stack-cleared', refresh);
    setUndo(manager);
    refresh();
    return () => {
      manager.off('stack-item-added', refresh);
      manager.off('stack-item-popped', refresh);
      manager.off('stack-cleared', refresh);
      manager.destroy();
    };
  }, [session]);
  const live = session !== null && undo !== null;
  return {
    undo: live ? undo : null,
    canUndo: live && stacks.canUndo,
    canRedo: live && stacks.canRedo,
  };
}

/**
 * Opens the cycle document `<teamId>/<cycleId>` for a page: its session, its
 * live snapshot and this user's undo history. A null team id opens nothing.
 */
export function useCycleDoc(teamId: string | null, cycleId: string | null): CycleDocState {
  const docName = cycleDocName(teamId, cycleId);
  useEffect(() => void (docName && performance.mark('leskring:cycle-open')), [docName]);
  const session = useOpenSession(docName);
  const status = useSessionState(session, (state) => state.status);
  const cycle = useYSnapshot(session?.doc ?? null, readCycle, [], ignoreTaps);
  const undo = useCycleUndo(session);
  return {
    session,
    cycle: session ? cycle : null,
    ...undo,
    status: docName === null ? 'missing' : status,
    docName,
  };
}
