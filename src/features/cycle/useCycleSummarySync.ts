import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { readCycle } from '../../model/cycleDoc.ts';
import { summarizeCycleDoc } from '../../model/cycleSummary.ts';
import type { CycleId, CycleSnapshot, CycleSummary } from '../../model/cycleTypes.ts';
import { touchesOnlyObservationLogs } from '../../model/eventLog.ts';
import { readDeletedCycleIds } from '../../model/roster.ts';
import { putCycleSummary, readCycleSummaries } from '../../model/teamDoc.ts';
import type { DocSession } from '../../sync/docSession.ts';

/** How long after the last local change the team document's summary is written. */
export const SUMMARY_DEBOUNCE_MS = 1_000;
/**
 * The same while observing (changes only to observation logs): a summary folds every event of
 * the cycle, which must not land between two taps; leaving the page in the app writes it at once.
 */
export const SUMMARY_OBSERVING_MS = 30_000;

const SUMMARY_ORIGIN = { kind: 'user', action: 'cycle-summary' };

/** The roster's deleted cycles (none while the roster is not open). */
export type DeletedCycles = { has(cycleId: string): boolean };

const NONE_DELETED: DeletedCycles = new Set<string>();

/**
 * Brings the team document's summary of the cycle up to date unless it already
 * is; `lastActivityAt` is kept from the stored entry (or `now` for a new one).
 * Never writes for a cycle the roster records as deleted (`deleted`): a device
 * still holding it open would otherwise write a summary nobody needs (the list
 * hides it anyway). Returns whether it wrote.
 */
export function repairCycleSummary(
  teamDoc: Y.Doc,
  deleted: DeletedCycles,
  cycleId: CycleId,
  cycleDoc: Y.Doc,
  now: string,
): boolean {
  if (deleted.has(cycleId)) return false;
  const snapshot = readCycle(cycleDoc);
  if (snapshot.meta.title === '' || snapshot.meta.createdAt === '') return false;
  const stored = readCycleSummaries(teamDoc, deleted).find((entry) => entry.cycleId === cycleId);
  const next = summarizeCycleDoc(cycleDoc, cycleId, stored?.lastActivityAt ?? now, now);
  if (stored && sameSummary(stored, next)) return false;
  putCycleSummary(teamDoc, next, SUMMARY_ORIGIN);
  return true;
}

/** Records local activity on the cycle in its summary; never for a deleted cycle. Returns whether it wrote. */
export function touchCycleSummary(
  teamDoc: Y.Doc,
  deleted: DeletedCycles,
  cycleId: CycleId,
  cycleDoc: Y.Doc,
  now: string,
): boolean {
  if (deleted.has(cycleId)) return false;
  const snapshot = readCycle(cycleDoc);
  if (snapshot.meta.title === '') return false;
  putCycleSummary(teamDoc, summarizeCycleDoc(cycleDoc, cycleId, now, now), SUMMARY_ORIGIN);
  return true;
}

/** Equal but for the activity time (which only a local edit moves), whatever the key order. */
function sameSummary(a: CycleSummary, b: CycleSummary): boolean {
  return canonical({ ...a, lastActivityAt: '' }) === canonical({ ...b, lastActivityAt: '' });
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : 1)))
      : field,
  );

function deletedIn(roster: Y.Doc | null): DeletedCycles {
  return roster ? readDeletedCycleIds(roster) : NONE_DELETED;
}

/**
 * Writes the summary through the team session (nobody's undoable edit); a
 * page leaving after its team session closed writes nothing.
 */
function writeSummary(
  team: DocSession,
  roster: Y.Doc | null,
  cycleId: CycleId,
  cycleDoc: Y.Doc,
  write: typeof touchCycleSummary,
): void {
  if (team.closed) return;
  void team
    .change(
      (teamDoc) => write(teamDoc, deletedIn(roster), cycleId, cycleDoc, new Date().toISOString()),
      SUMMARY_ORIGIN,
    )
    .catch(() => {});
}

/**
 * Keeps the cycle's entry in the team document current (the team page and the
 * PLG's year list cycles without opening them), on every page of a cycle:
 * after local edits (debounced, lastActivityAt = now), and whenever title, stage, research lessons or runs taught differ from
 * the stored entry (keeping its lastActivityAt). Remote changes do not bump the
 * activity time: the colleague who made them writes it. A deleted cycle
 * (tombstone in the roster, read at the time of each write) is never written again.
 */
export function useCycleSummarySync(
  cycleId: CycleId | null,
  cycleSession: DocSession | null,
  team: DocSession | null,
  rosterSession: DocSession | null,
  cycle: CycleSnapshot | null,
  enabled: boolean,
): void {
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cycleDoc = cycleSession?.doc ?? null;
  const roster = rosterSession?.doc ?? null;

  // Local edits: bump last activity, debounced.
  useEffect(() => {
    if (!enabled || !cycleId || !cycleDoc || !team) return;
    const write = () => {
      pending.current = null;
      writeSummary(team, roster, cycleId, cycleDoc, touchCycleSummary);
    };
    // 'afterTransaction', not 'update': a listener of 'update' makes Yjs encode every
    // transaction's changes, the whole document when it loads from IndexedDB.
    const onTransaction = (tr: Y.Transaction) => {
      if (!tr.local || tr.changed.size === 0) return;
      if (pending.current !== null) clearTimeout(pending.current);
      const wait = touchesOnlyObservationLogs(cycleDoc, tr)
        ? SUMMARY_OBSERVING_MS
        : SUMMARY_DEBOUNCE_MS;
      pending.current = setTimeout(write, wait);
    };
    // No write on 'pagehide': document work while the page unloads kept the next page from
    // starting at all (localDurability.reload e2e, 2 of 3 runs). A summary a closing page
    // misses is repaired the next time any page of the cycle opens (below).
    cycleDoc.on('afterTransaction', onTransaction);
    return () => {
      cycleDoc.off('afterTransaction', onTransaction);
      if (pending.current !== null) {
        clearTimeout(pending.current);
        write();
      }
    };
  }, [enabled, cycleId, cycleDoc, team, roster]);

  // Repair: the stored entry is missing or out of date (edits from a device that never opened the team page).
  // What the summary is made of; the repair below runs again whenever it changes.
  const summaryKey =
    cycle && cycle.meta.title !== '' && cycle.meta.createdAt !== ''
      ? JSON.stringify([
          cycle.meta.title,
          cycle.meta.stage,
          cycle.researchLessons.length,
          cycle.runs.map((run) => run.date),
        ])
      : '';
  useEffect(() => {
    if (!enabled || !cycleId || !cycleDoc || !team || summaryKey === '') return;
    const timer = setTimeout(
      () => writeSummary(team, roster, cycleId, cycleDoc, repairCycleSummary),
      SUMMARY_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [enabled, cycleId, cycleDoc, team, roster, summaryKey]);
}
