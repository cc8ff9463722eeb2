import type * as Y from 'yjs';
import { initCycleDoc } from '../../model/cycleDoc.ts';
import { importCycleState } from '../../model/cycleFile.ts';
import { summarizeCycleDoc } from '../../model/cycleSummary.ts';
import type { CycleId, CycleSummary, ModelContext } from '../../model/cycleTypes.ts';
import { isCycleDocId, teamScopedDocName } from '../../model/docName.ts';
import { type MemberId, newDocId, type TeamId } from '../../model/ids.ts';
import { readDeletedCycleIds } from '../../model/roster.ts';
import { putCycleSummary, removeCycleSummary } from '../../model/teamDoc.ts';
import { forgetJournal } from '../../store/eventJournal.ts';
import type { LocalMembership } from '../../store/memberships.ts';
import { forgetCyclePhotos } from '../../store/photos.ts';
import { deletePupilNamesOfCycle } from '../../store/pupilNames.ts';
import { ApiError, deleteCycle as deleteCycleOnServer } from '../api.ts';
import { type DocSession, editDocLocally, purgeDoc } from '../docSession.ts';

/**
 * Creating and deleting cycles. Deleting: the server deletes the cycle for
 * the team and refuses its document from then on; every device then removes
 * what it kept of it: the stored copy, the photos only this cycle used, the
 * real pupil names and any journalled events. A device learns of it only from
 * the server: the tombstone in the roster (which only the server writes) or
 * the server refusing the document as deleted, whichever comes first. Never
 * from the team document: any teacher can write that one, and a forged
 * tombstone there would purge unsynced work everywhere.
 */

export type NewCycle = {
  readonly teamId: TeamId;
  readonly memberId: MemberId;
  readonly title: string;
  /** Extra content written right after initCycleDoc in the same edit (the example cycle). */
  readonly fill?: (doc: Y.Doc, ctx: ModelContext) => void;
  /** A checked cycle file's state (model/cycleFile.ts): the new cycle starts as its copy. */
  readonly imported?: Uint8Array;
};

/** Creating a cycle is nobody's undoable edit. */
const CREATE_ORIGIN = { kind: 'user', action: 'create-cycle' };
const DELETE_ORIGIN = { kind: 'user', action: 'delete-cycle' };

/**
 * Creates a cycle document on this device (committed before this resolves,
 * synced once a page opens it) and lists it in the team document. Returns the
 * new cycle's id.
 */
export async function createCycle(team: DocSession, input: NewCycle): Promise<CycleId> {
  const cycleId = newDocId();
  const out: { summary: CycleSummary | null } = { summary: null };
  await editDocLocally(
    teamScopedDocName(input.teamId, cycleId),
    (doc, ctx) => {
      if (input.imported) importCycleState(doc, input.imported, input.memberId, ctx);
      initCycleDoc(
        doc,
        { title: input.title, subject: '', yearGroup: '', createdBy: input.memberId },
        ctx,
      );
      input.fill?.(doc, ctx);
      out.summary = summarizeCycleDoc(doc, cycleId, ctx.now(), ctx.now());
    },
    CREATE_ORIGIN,
  );
  const summary = out.summary;
  if (summary)
    await team.change((doc) => putCycleSummary(doc, summary, CREATE_ORIGIN), CREATE_ORIGIN);
  return cycleId;
}

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
 * Removes what this device keeps of a deleted cycle: its document (the open
 * session says 'deleted'), photos only it used, real pupil names and
 * journalled events. Idempotent; once per page life.
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
      purgeDoc(docName),
    ]);
  } catch (error) {
    purged.delete(docName);
    throw error;
  }
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
  team: DocSession | null,
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
      await deleteCycleOnServer(membership.teamId, membership.token, cycleId);
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
  if (team && !team.closed) {
    await team.change((doc) => removeCycleSummary(doc, cycleId, DELETE_ORIGIN), DELETE_ORIGIN);
  }
  await purgeLocalCycle(membership.teamId, cycleId);
}
