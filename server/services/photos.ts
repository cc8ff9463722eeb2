import { createHash } from 'node:crypto';
import type { CycleId } from '../../src/model/cycleTypes.ts';
import { isCycleDocId, teamScopedDocName } from '../../src/model/docName.ts';
import {
  hasSignature,
  isPhotoHash,
  isPhotoType,
  PHOTO_SIGNATURE_BYTES,
  PHOTO_TYPES,
  type PhotoType,
} from '../../src/model/photos.ts';
import { canEdit } from '../../src/model/roles.ts';
import type { Sql } from '../db/database.ts';
import { isDocumentDeleted, isDocumentStored } from './deletedDocuments.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { ServiceError } from './errors.ts';
import type { PhotoBytes } from './photoBytes.ts';

// The photo rules are shared with the client (src/model/photos.ts); re-exported for the HTTP layer.
export { hasSignature, isPhotoHash, isPhotoType, PHOTO_TYPES, type PhotoType };

/** Default largest photo, in bytes (8 MiB). */
export const DEFAULT_PHOTO_MAX_BYTES = 8 * 1024 * 1024;

/** Default room for one team's photos, in bytes (1 GiB). */
export const DEFAULT_PHOTO_QUOTA_PER_TEAM_BYTES = 1024 * 1024 * 1024;

/** Where photos' bytes live, how large one may be and how much room a team has. */
export type PhotoStorage = {
  /** The bytes: files under `DATA_DIR/photos` or rows in the database (photoBytes.ts). */
  readonly store: PhotoBytes;
  /** Largest photo accepted, in bytes. @default DEFAULT_PHOTO_MAX_BYTES */
  readonly maxBytes: number;
  /** Bytes all photos of one team may take together. @default DEFAULT_PHOTO_QUOTA_PER_TEAM_BYTES */
  readonly quotaBytes: number;
};

export type StoredPhoto = {
  readonly hash: string;
  readonly bytes: number;
  readonly type: PhotoType;
};

function notAnImage(type: PhotoType): ServiceError {
  return new ServiceError('not_an_image', `the bytes are not a ${type} image`);
}

function tooLarge(storage: PhotoStorage): ServiceError {
  return new ServiceError('payload_too_large', `a photo may be at most ${storage.maxBytes} bytes`);
}

/**
 * Stores a photo of the actor's team for a cycle. The bytes are handed to the
 * store while they arrive and hashed; only once the whole body has arrived
 * are they stored under their SHA-256, so an upload cut off halfway leaves no
 * photo (and no temporary file). The photo is recorded in the database first,
 * then its bytes stored (`photo_data` refers to its `photos` row); when the
 * bytes cannot be stored, what this call recorded is taken back.
 * Refuses guests (forbidden), a deleted cycle (not_found), a cycle whose
 * document the server does not have (cycle_unknown: a photo would otherwise
 * hang on a cycle id anyone can make up; the client retries once the cycle
 * has synced), bytes over `storage.maxBytes` as soon as the limit is passed
 * (payload_too_large), bytes that do not start with the signature of `type`
 * (not_an_image) and a new photo that would take the team's photos past
 * `storage.quotaBytes` (quota_exceeded). Idempotent: the same bytes give the
 * same hash; `created` is false when the team already had the photo (the
 * cycle link is added either way, also at a full quota).
 */
export async function storePhoto(
  deps: ServiceDeps,
  storage: PhotoStorage,
  actor: Actor,
  input: { cycleId: CycleId; type: PhotoType; body: AsyncIterable<Uint8Array> },
): Promise<{ photo: StoredPhoto; created: boolean }> {
  if (!canEdit(actor.role)) throw new ServiceError('forbidden', 'guests may not upload photos');
  await refuseDeletedCycle(deps.db, actor, input.cycleId);
  if (!(await isDocumentStored(deps.db, teamScopedDocName(actor.teamId, input.cycleId)))) {
    throw new ServiceError('cycle_unknown', 'the server has no document of this cycle (yet)');
  }
  const upload = await storage.store.receive(actor.teamId);
  try {
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    for await (const chunk of input.body) {
      size += chunk.length;
      if (size > storage.maxBytes) throw tooLarge(storage);
      if (head.length < PHOTO_SIGNATURE_BYTES) {
        head = Buffer.concat([head, chunk.subarray(0, PHOTO_SIGNATURE_BYTES - head.length)]);
        if (head.length >= PHOTO_SIGNATURE_BYTES && !hasSignature(head, input.type)) {
          throw notAnImage(input.type);
        }
      }
      hash.update(chunk);
      await upload.write(chunk);
    }
    if (!hasSignature(head, input.type)) throw notAnImage(input.type);

    const photo: StoredPhoto = { hash: hash.digest('hex'), bytes: size, type: input.type };
    const now = deps.now().toISOString();
    const recorded = await deps.db.transaction(async (tx) => {
      // The cycle may have been deleted while the bytes arrived.
      await refuseDeletedCycle(tx, actor, input.cycleId);
      await refuseOverQuota(tx, storage, actor, photo);
      const insert = await tx.run(
        'INSERT INTO photos (team_id, hash, type, bytes, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        actor.teamId,
        photo.hash,
        photo.type,
        photo.bytes,
        now,
      );
      const link = await tx.run(
        'INSERT INTO photo_cycles (team_id, cycle_id, hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        actor.teamId,
        input.cycleId,
        photo.hash,
        now,
      );
      return { created: insert.changes > 0, linked: link.changes > 0 };
    });
    try {
      await upload.store(photo.hash);
    } catch (error) {
      await unrecord(deps, actor, input.cycleId, photo.hash, recorded);
      throw error;
    }
    return { photo, created: recorded.created };
  } catch (error) {
    await upload.discard();
    throw error;
  }
}

/**
 * Takes back what storePhoto recorded when the bytes could not be stored
 * after all (a full disk), so that no row names a photo nobody can download
 * and the upload can simply be tried again. The photo row stays when another
 * cycle links it meanwhile.
 */
async function unrecord(
  deps: ServiceDeps,
  actor: Actor,
  cycleId: CycleId,
  hash: string,
  recorded: { readonly created: boolean; readonly linked: boolean },
): Promise<void> {
  if (!recorded.created && !recorded.linked) return;
  try {
    await deps.db.transaction(async (tx) => {
      if (recorded.linked) {
        await tx.run(
          'DELETE FROM photo_cycles WHERE team_id = ? AND cycle_id = ? AND hash = ?',
          actor.teamId,
          cycleId,
          hash,
        );
      }
      if (!recorded.created) return;
      const linked = await tx.get(
        'SELECT 1 FROM photo_cycles WHERE team_id = ? AND hash = ? LIMIT 1',
        actor.teamId,
        hash,
      );
      if (!linked) {
        await tx.run('DELETE FROM photos WHERE team_id = ? AND hash = ?', actor.teamId, hash);
      }
    });
  } catch {
    // Left recorded: the same bytes uploaded again store what is missing.
  }
}

/** A new photo that would take the team's photos past the quota (quota_exceeded). */
async function refuseOverQuota(
  sql: Sql,
  storage: PhotoStorage,
  actor: Actor,
  photo: StoredPhoto,
): Promise<void> {
  const known = await sql.get(
    'SELECT 1 FROM photos WHERE team_id = ? AND hash = ?',
    actor.teamId,
    photo.hash,
  );
  if (known) return;
  const used = Number(
    (
      await sql.get(
        'SELECT coalesce(sum(bytes), 0) AS used FROM photos WHERE team_id = ?',
        actor.teamId,
      )
    )?.used ?? 0,
  );
  if (used + photo.bytes > storage.quotaBytes) {
    throw new ServiceError(
      'quota_exceeded',
      `the team's photos may take at most ${storage.quotaBytes} bytes (${used} in use)`,
    );
  }
}

/**
 * A photo is never linked to a deleted cycle: it would outlive the cycle
 * (not_found), nor to the roster's reserved id, which is no cycle (bad_request).
 */
async function refuseDeletedCycle(sql: Sql, actor: Actor, cycleId: CycleId): Promise<void> {
  if (!isCycleDocId(cycleId)) throw new ServiceError('bad_request', 'not a cycle id');
  if (await isDocumentDeleted(sql, teamScopedDocName(actor.teamId, cycleId))) {
    throw new ServiceError('not_found', 'the cycle was deleted');
  }
}

/**
 * A photo of the actor's team (guests included): its type and size, or a
 * not_found refusal when the team does not have it. Its bytes are in
 * `PhotoStorage.store`.
 */
export async function findPhoto(
  deps: ServiceDeps,
  actor: Actor,
  hash: string,
): Promise<StoredPhoto> {
  const row = await deps.db.get(
    'SELECT type, bytes FROM photos WHERE team_id = ? AND hash = ?',
    actor.teamId,
    hash,
  );
  if (!row || !isPhotoType(row.type)) throw new ServiceError('not_found', 'no such photo');
  return { hash, type: row.type, bytes: Number(row.bytes) };
}

/**
 * Deletes a cycle's photos (facilitators only): removes the cycle's links,
 * then every photo of the team no longer linked to any cycle, rows and bytes.
 * Photos shared with another cycle stay. Resolves with the hashes deleted.
 */
export async function deleteCyclePhotos(
  deps: ServiceDeps,
  storage: PhotoStorage,
  actor: Actor,
  cycleId: CycleId,
): Promise<string[]> {
  if (actor.role !== 'facilitator') {
    throw new ServiceError('forbidden', "only a facilitator may delete a cycle's photos");
  }
  if (!isCycleDocId(cycleId)) throw new ServiceError('bad_request', 'not a cycle id');
  const orphans = await deps.db.transaction(async (tx) => {
    const rows = await tx.all(
      'SELECT hash FROM photo_cycles WHERE team_id = ? AND cycle_id = ?',
      actor.teamId,
      cycleId,
    );
    await tx.run(
      'DELETE FROM photo_cycles WHERE team_id = ? AND cycle_id = ?',
      actor.teamId,
      cycleId,
    );
    const unlinked: string[] = [];
    for (const hash of rows.map((row) => String(row.hash))) {
      const linked = await tx.get(
        'SELECT 1 FROM photo_cycles WHERE team_id = ? AND hash = ? LIMIT 1',
        actor.teamId,
        hash,
      );
      if (linked) continue;
      await tx.run('DELETE FROM photos WHERE team_id = ? AND hash = ?', actor.teamId, hash);
      unlinked.push(hash);
    }
    return unlinked;
  });
  for (const hash of orphans) {
    // Bytes that cannot be removed are unreachable without their row; the same
    // bytes uploaded again reuse them, since the name is their hash.
    try {
      // An upload of the same bytes may have recorded the photo again since the transaction.
      const again = await deps.db.get(
        'SELECT 1 FROM photos WHERE team_id = ? AND hash = ?',
        actor.teamId,
        hash,
      );
      if (!again) await storage.store.remove(actor.teamId, hash);
    } catch {
      // left behind, harmless (see above)
    }
  }
  return orphans;
}
