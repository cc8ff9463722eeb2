import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { readCycle } from '../../model/cycleDoc.ts';
import type { CycleSnapshot, ModelContext } from '../../model/cycleTypes.ts';
import { isCycleDocId, teamScopedDocName } from '../../model/docName.ts';
import { touchesOnlyObservationLogs } from '../../model/eventLog.ts';
import { newId, parseTeamId } from '../../model/ids.ts';
import { createCycleUndoManager } from '../../model/undo.ts';
import { replayJournal } from '../../store/eventJournal.ts';
import { useDoc, useYSnapshot } from '../../sync/hooks.ts';
import type { DocHandle } from '../../sync/openDoc.ts';

/**
 * loading: the document is opening (IndexedDB) or still empty while the server may send it;
 * ready: the cycle has content; missing: nothing arrived from this device or the server.
 */
export type CycleDocStatus = 'loading' | 'ready' | 'missing';

export type CycleDocState = {
  readonly handle: DocHandle | null;
  /** Null until the document is open; check `status` before showing "not found". */
  readonly cycle: CycleSnapshot | null;
  /** Every write of this page goes through this context, so undo tracks exactly this user's edits. */
  readonly ctx: ModelContext;
  /** This user's undo history for the page (never undoes colleagues' work); null before the document opened. */
  readonly undo: Y.UndoManager | null;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly status: CycleDocStatus;
  /** Server document name `<teamId>/<cycleId>`, or null for malformed ids. */
  readonly docName: string | null;
};

const ignoreTaps = (tr: Y.Transaction): boolean => touchesOnlyObservationLogs(tr.doc, tr);

/** Restored observation events are nobody's edit on this page: kept out of its undo history. */
const JOURNAL_ORIGIN = { kind: 'journal' };

/** How long an empty cycle document may wait for the server before the page says "not found". */
const MISSING_AFTER_MS = 6_000;

/** A cycle exists once its meta was written (initCycleDoc always sets createdAt and schemaVersion). */
export function cycleExists(cycle: CycleSnapshot | null): boolean {
  return cycle !== null && (cycle.meta.schemaVersion > 0 || cycle.meta.createdAt !== '');
}

/**
 * Opens the cycle document `<teamId>/<cycleId>` for a page: its live snapshot,
 * the model context with ONE stable origin object per page, and the per-user
 * Y.UndoManager over that origin, so it never undoes a colleague's edits.
 */
export function useCycleDoc(teamId: string | null, cycleId: string | null): CycleDocState {
  const team = parseTeamId(teamId);
  // The roster's reserved id is no cycle: its page is "not found".
  const docName = team !== null && isCycleDocId(cycleId) ? teamScopedDocName(team, cycleId) : null;
  useEffect(() => void (docName && performance.mark('leskring:cycle-open')), [docName]);
  const handle = useDoc(docName);
  const doc = handle?.doc ?? null;
  const cycle = useYSnapshot(doc, readCycle, [], ignoreTaps);

  const [origin] = useState(() => ({ kind: 'user', page: 'cycle' }));
  const ctx = useMemo<ModelContext>(
    () => ({ now: () => new Date().toISOString(), newId, origin }),
    [origin],
  );

  const [undo, setUndo] = useState<Y.UndoManager | null>(null);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    if (!doc) {
      setUndo(null);
      return;
    }
    const manager = createCycleUndoManager(doc, origin);
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
  }, [doc, origin]);

  const [localReady, setLocalReady] = useState<DocHandle | null>(null);
  useEffect(() => {
    let live = true;
    if (handle) void handle.whenLocalReady.then(() => live && setLocalReady(handle));
    return () => {
      live = false;
    };
  }, [handle]);

  // Observation taps whose own IndexedDB write was lost (tab closed at once) come back from the journal.
  useEffect(() => {
    if (!handle || !docName || localReady !== handle) return;
    void replayJournal(handle.doc, docName, JOURNAL_ORIGIN).catch((error: unknown) =>
      console.warn('could not replay the observation journal', error),
    );
  }, [handle, docName, localReady]);

  const exists = cycleExists(cycle);
  const [gaveUp, setGaveUp] = useState<DocHandle | null>(null);
  useEffect(() => {
    if (!handle || localReady !== handle || exists) return;
    const started = Date.now();
    const timer = setInterval(() => {
      // Nothing on this device: wait for the server's answer (or give up offline after a while).
      if (handle.provider?.isSynced || Date.now() - started > MISSING_AFTER_MS) {
        setGaveUp(handle);
        clearInterval(timer);
      }
    }, 250);
    return () => clearInterval(timer);
  }, [handle, localReady, exists]);

  let status: CycleDocStatus = 'loading';
  if (docName === null) status = 'missing';
  else if (exists && localReady === handle) status = 'ready';
  else if (handle && gaveUp === handle) status = 'missing';

  return {
    handle,
    cycle: doc ? cycle : null,
    ctx,
    undo: doc ? undo : null,
    canUndo: doc !== null && stacks.canUndo,
    canRedo: doc !== null && stacks.canRedo,
    status,
    docName,
  };
}
