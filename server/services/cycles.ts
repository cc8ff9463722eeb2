import type { CycleId } from '../../src/model/cycleTypes.ts';
import { isCycleDocId, teamScopedDocName } from '../../src/model/docName.ts';
import { tombstoneDocument } from './deletedDocuments.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { ServiceError } from './errors.ts';
import { deleteCyclePhotos, type PhotoStorage } from './photos.ts';

/**
 * Deletes a cycle for the whole team (facilitators only; photos are deleted
 * with their cycle). In this order, so that nothing can bring it back in
 * between:
 *   1. one transaction: the tombstone (`deleted_documents`) and the removal of
 *      the document's stored updates and snapshot;
 *   2. the loaded document, if any, is discarded and its connections closed
 *      (devices reconnect and are refused as deleted);
 *   3. the cycle's photos, except those another cycle still links;
 *   4. the roster (built from the tombstones), so every device hides and purges
 *      it, and the team document drops its summary.
 * Idempotent: deleting again repeats the harmless steps and keeps the first
 * tombstone. Resolves with whether this call recorded the tombstone. The
 * roster's reserved id is no cycle (bad_request).
 */
export async function deleteCycle(
  deps: ServiceDeps,
  storage: PhotoStorage,
  actor: Actor,
  cycleId: CycleId,
): Promise<{ deleted: boolean }> {
  if (actor.role !== 'facilitator') {
    throw new ServiceError('forbidden', 'only a facilitator may delete a cycle');
  }
  if (!isCycleDocId(cycleId)) throw new ServiceError('bad_request', 'not a cycle id');
  const name = teamScopedDocName(actor.teamId, cycleId);
  const deletedAt = deps.now().toISOString();
  const deleted = await deps.db.transaction((tx) =>
    tombstoneDocument(tx, {
      name,
      teamId: actor.teamId,
      deletedBy: actor.memberId,
      deletedAt,
      kind: 'cycle',
    }),
  );
  deps.documents.discard(name);
  await deleteCyclePhotos(deps, storage, actor, cycleId);
  await Promise.all([
    deps.roster.refresh(actor.teamId),
    deps.teamDocs.dropCycleSummary(actor.teamId, cycleId),
  ]);
  return { deleted };
}
