import { useEffect } from 'react';
import type { CycleId } from '../../model/cycleTypes.ts';
import { isCycleDocId } from '../../model/docName.ts';
import type { TeamId } from '../../model/ids.ts';
import { isCycleDeleted, readDeletedCycleIds } from '../../model/roster.ts';
import { purgeDeletedCycles, purgeLocalCycle } from '../../sync/commands/cycle.ts';
import type { DocSession } from '../../sync/docSession.ts';
import { useYSnapshot } from '../../sync/hooks.ts';

/**
 * Whether the roster carries a tombstone for the cycle (only the server
 * writes the roster; see src/sync/commands/cycle.ts). Check it before opening
 * the cycle, and skip opening it when true.
 */
export function useCycleTombstoned(roster: DocSession | null, cycleId: string | null): boolean {
  return (
    useYSnapshot(
      roster?.doc ?? null,
      (doc) => (isCycleDocId(cycleId) ? isCycleDeleted(doc, cycleId) : false),
      [cycleId],
    ) ?? false
  );
}

/** Once `deleted`, removes what this device keeps of the cycle (once). */
export function usePurgeWhenDeleted(
  deleted: boolean,
  teamId: TeamId | null,
  cycleId: string | null,
): void {
  useEffect(() => {
    if (!deleted || !teamId || !isCycleDocId(cycleId)) return;
    void purgeLocalCycle(teamId, cycleId as CycleId).catch((error: unknown) =>
      console.warn('could not remove the deleted cycle from this device', error),
    );
  }, [deleted, teamId, cycleId]);
}

/**
 * Purges every deleted cycle of the team this device still holds something
 * of, e.g. one deleted while this device was away and never opened since.
 */
export function usePurgeDeletedCycles(teamId: TeamId | null, roster: DocSession | null): void {
  const doc = roster?.doc ?? null;
  const ids = useYSnapshot(doc, (d) => [...readDeletedCycleIds(d)].sort().join(' '));
  useEffect(() => {
    if (!teamId || !doc || !ids) return;
    void purgeDeletedCycles(teamId, doc).catch((error: unknown) =>
      console.warn('could not remove a deleted cycle from this device', error),
    );
  }, [teamId, doc, ids]);
}
