import { useEffect, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { CycleId } from '../../model/cycleTypes.ts';
import { isCycleDocId, teamScopedDocName } from '../../model/docName.ts';
import { parseTeamId, type TeamId } from '../../model/ids.ts';
import {
  DOCUMENT_DELETED_REASON,
  isCycleDeleted,
  readDeletedCycleIds,
} from '../../model/roster.ts';
import { removeCycleSummary } from '../../model/teamDoc.ts';
import { forgetJournal } from '../../store/eventJournal.ts';
import type { LocalMembership } from '../../store/memberships.ts';
import { forgetCyclePhotos } from '../../store/photos.ts';
import { deletePupilNamesOfCycle } from '../../store/pupilNames.ts';
import { ApiError, deleteCycle } from '../../sync/api.ts';
import { subscribeDocConnections } from '../../sync/connectionState.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { deleteIndexedDb, localDbName, peekDoc } from '../../sync/openDoc.ts';

/**
 * Deleting a cycle (issue 6: photos go with their cycle). The server deletes
 * it for the team and refuses its document from then on; every device then
 * removes what it kept of it: the y-indexeddb copy, the photos only this
 * cycle used, the real pupil names and the observation journal. A device
 * learns of it only from the server: the tombstone in the roster (which only
 * the server writes) or the server refusing the document as deleted,
 * whichever comes first. Never from the team document: any teacher can write
 * that one, and a forged tombstone there would purge unsynced work everywhere.
 */

const DELETE_ORIGIN = { kind: 'user', action: 'delete-cycle' };

/** Why deleting could not start or failed; every one has a translated sentence. */
export type DeleteFailure = 'offline' | 'forbidden' | 'failed';

export class CycleDeleteError extends Error {
  readonly reason: DeleteFailure;
  constructor(reason: DeleteFailure, cause?: unknown) {
    super(`deleting the cycle failed: ${reason}`, { cause });
    this.name = 'CycleDeleteError';
    this.reason = reason;
  }
}

const purged = new Set<string>();

/**
 * Removes what this device keeps of a deleted cycle: photos only it used,
 * real pupil names, journal entries and the document's own database (deleted
 * once no page holds it open any more). Idempotent; once per session.
 */
export async function purgeLocalCycle(teamId: TeamId, cycleId: CycleId): Promise<void> {
  const docName = teamScopedDocName(teamId, cycleId);
  if (purged.has(docName)) return;
  purged.add(docName);
  try {
    await Promise.all([
      forgetCyclePhotos(teamId, cycleId),
      deletePupilNamesOfCycle(cycleId),
      forgetJournal(docName),
      deleteIndexedDb(localDbName(docName)),
    ]);
  } catch (error) {
    purged.delete(docName);
    throw error;
  }
}

/**
 * Deletes the cycle for the whole team (facilitator, online): the server
 * first, so nothing is deleted here unless it is gone there too (the server
 * then records it in the roster); then its summary in this device's team
 * document, so the list drops it at once, and this device's copy. A team not
 * yet registered has its cycles on this device only, which are deleted here.
 * Rejects with CycleDeleteError.
 */
export async function deleteCycleForTeam(
  membership: LocalMembership,
  cycleId: CycleId,
  teamDoc: Y.Doc | null,
): Promise<void> {
  if (membership.role !== 'facilitator' || membership.status === 'removed') {
    throw new CycleDeleteError('forbidden');
  }
  if (membership.status === 'active') {
    if (!membership.token) throw new CycleDeleteError('forbidden');
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      throw new CycleDeleteError('offline');
    }
    try {
      await deleteCycle(membership.teamId, membership.token, cycleId);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'network') {
        throw new CycleDeleteError('offline', error);
      }
      if (
        error instanceof ApiError &&
        (error.code === 'forbidden' || error.code === 'unauthorized')
      ) {
        throw new CycleDeleteError('forbidden', error);
      }
      throw new CycleDeleteError('failed', error);
    }
  }
  if (teamDoc) removeCycleSummary(teamDoc, cycleId, DELETE_ORIGIN);
  await purgeLocalCycle(membership.teamId, cycleId);
}

// ── documents the server refused as deleted, this session ───────────────────

const refused = new Set<string>();
const refusedListeners = new Set<() => void>();
const watchedProviders = new WeakSet<object>();

function markRefused(docName: string): void {
  if (refused.has(docName)) return;
  refused.add(docName);
  for (const listener of [...refusedListeners]) listener();
}

/** Starts listening to the document's provider, including one created later. */
function watchProvider(docName: string): void {
  const provider = peekDoc(docName)?.provider;
  if (!provider || watchedProviders.has(provider)) return;
  watchedProviders.add(provider);
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
    if (reason === DOCUMENT_DELETED_REASON) markRefused(docName);
  });
}

function useRefusedAsDeleted(docName: string | null): boolean {
  // openDoc announces a new provider (synchronously) before it authenticates, so this catches the first refusal.
  useEffect(() => {
    if (!docName) return;
    watchProvider(docName);
    return subscribeDocConnections(() => watchProvider(docName));
  }, [docName]);
  return useSyncExternalStore(
    (listener) => {
      refusedListeners.add(listener);
      return () => refusedListeners.delete(listener);
    },
    () => docName !== null && refused.has(docName),
  );
}

/**
 * True once the cycle is known to be deleted: a tombstone in the roster, or
 * the server refusing its document as deleted. Then this device's copy is
 * purged (once). Call it before opening the cycle document, and skip opening
 * it when true.
 */
export function useCycleDeleted(
  teamId: string | null,
  cycleId: string | null,
  roster: Y.Doc | null,
): boolean {
  const team = parseTeamId(teamId);
  const docName = team && isCycleDocId(cycleId) ? teamScopedDocName(team, cycleId) : null;
  const tombstoned =
    useYSnapshot(roster, (doc) => (cycleId ? isCycleDeleted(doc, cycleId) : false), [cycleId]) ??
    false;
  const refusedHere = useRefusedAsDeleted(docName);
  const deleted = docName !== null && (tombstoned || refusedHere);
  useEffect(() => {
    if (!deleted || !team || !isCycleDocId(cycleId)) return;
    void purgeLocalCycle(team, cycleId).catch((error: unknown) =>
      console.warn('could not remove the deleted cycle from this device', error),
    );
  }, [deleted, team, cycleId]);
  return deleted;
}

/**
 * Purges what this device keeps of every cycle the roster records as deleted,
 * and of no other: the roster is the only document no member can write.
 */
export async function purgeDeletedCycles(teamId: TeamId, roster: Y.Doc): Promise<void> {
  const ids = [...readDeletedCycleIds(roster)].filter(isCycleDocId);
  await Promise.all(ids.map((cycleId) => purgeLocalCycle(teamId, cycleId)));
}

/**
 * Purges every deleted cycle of the team this device still holds something
 * of, e.g. one deleted while this device was away and never opened since.
 */
export function usePurgeDeletedCycles(teamId: TeamId | null, roster: Y.Doc | null): void {
  const ids = useYSnapshot(roster, (doc) => [...readDeletedCycleIds(doc)].sort().join(' '));
  useEffect(() => {
    if (!teamId || !roster || !ids) return;
    void purgeDeletedCycles(teamId, roster).catch((error: unknown) =>
      console.warn('could not remove a deleted cycle from this device', error),
    );
  }, [teamId, roster, ids]);
}
