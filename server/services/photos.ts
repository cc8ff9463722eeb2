import { createHash, randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CycleId } from '../../src/model/cycleTypes.ts';
import { isCycleDocId, teamScopedDocName } from '../../src/model/docName.ts';
import type { TeamId } from '../../src/model/ids.ts';
import {
  hasSignature,
  isPhotoHash,
  isPhotoType,
  PHOTO_SIGNATURE_BYTES,
  PHOTO_TYPES,
  type PhotoType,
} from '../../src/model/photos.ts';
import { canEdit } from '../../src/model/roles.ts';
import { noSpaceError } from '../db/faults.ts';
import { inTransaction, prepared } from '../db/open.ts';
import { isDocumentDeleted, isDocumentStored } from './deletedDocuments.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { ServiceError } from './errors.ts';

// The photo rules are shared with the client (src/model/photos.ts); re-exported for the HTTP layer.
export { hasSignature, isPhotoHash, isPhotoType, PHOTO_TYPES, type PhotoType };

/** Default largest photo, in bytes (8 MiB). */
export const DEFAULT_PHOTO_MAX_BYTES = 8 * 1024 * 1024;

/** Default room for one team's photos, in bytes (1 GiB). */
export const DEFAULT_PHOTO_QUOTA_PER_TEAM_BYTES = 1024 * 1024 * 1024;

/** Where photos live, how large one may be and how much room a team has. */
export type PhotoStorage = {
  /** `DATA_DIR/photos`; each team has a subdirectory named by its id. */
  readonly dir: string;
  /** Largest photo accepted, in bytes. @default DEFAULT_PHOTO_MAX_BYTES */
  readonly maxBytes: number;
  /** Bytes all photos of one team may take together. @default DEFAULT_PHOTO_QUOTA_PER_TEAM_BYTES */
  readonly quotaBytes: number;
  /** Fault injection for tests: while it returns true, writing a photo file fails with ENOSPC. */
  readonly failWrites?: () => boolean;
};

export type StoredPhoto = {
  readonly hash: string;
  readonly bytes: number;
  readonly type: PhotoType;
};

function teamDir(storage: PhotoStorage, teamId: TeamId): string {
  return join(storage.dir, teamId);
}

function notAnImage(type: PhotoType): ServiceError {
  return new ServiceError('not_an_image', `the bytes are not a ${type} image`);
}

function tooLarge(storage: PhotoStorage): ServiceError {
  return new ServiceError('payload_too_large', `a photo may be at most ${storage.maxBytes} bytes`);
}

/**
 * Stores a photo of the actor's team for a cycle. The bytes are streamed to a
 * temporary file in the team's photo directory while they are hashed; only
 * once the whole body has arrived is the file renamed to its SHA-256, so an
 * upload cut off halfway leaves neither a photo nor a temporary file.
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
  refuseDeletedCycle(deps, actor, input.cycleId);
  if (!isDocumentStored(deps.db, teamScopedDocName(actor.teamId, input.cycleId))) {
    throw new ServiceError('cycle_unknown', 'the server has no document of this cycle (yet)');
  }
  const dir = teamDir(storage, actor.teamId);
  await mkdir(dir, { recursive: true });
  const tempPath = join(dir, `.upload-${randomBytes(8).toString('hex')}`);
  const file = await open(tempPath, 'wx');
  let closed = false;
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
      if (storage.failWrites?.()) throw noSpaceError();
      await file.write(chunk);
    }
    if (!hasSignature(head, input.type)) throw notAnImage(input.type);
    await file.sync();
    await file.close();
    closed = true;

    const photo: StoredPhoto = { hash: hash.digest('hex'), bytes: size, type: input.type };
    const finalPath = join(dir, photo.hash);
    const now = deps.now().toISOString();
    // Synchronous from here on, so no deletion can interleave between the rows and the file.
    const created = inTransaction(deps.db, () => {
      // The cycle may have been deleted while the bytes arrived.
      refuseDeletedCycle(deps, actor, input.cycleId);
      refuseOverQuota(deps, storage, actor, photo);
      const insert = prepared(
        deps.db,
        'INSERT OR IGNORE INTO photos (team_id, hash, type, bytes, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(actor.teamId, photo.hash, photo.type, photo.bytes, now);
      prepared(
        deps.db,
        'INSERT OR IGNORE INTO photo_cycles (team_id, cycle_id, hash, created_at) VALUES (?, ?, ?, ?)',
      ).run(actor.teamId, input.cycleId, photo.hash, now);
      if (existsSync(finalPath)) unlinkSync(tempPath);
      else renameSync(tempPath, finalPath);
      return Number(insert.changes) > 0;
    });
    return { photo, created };
  } catch (error) {
    if (!closed) await file.close().catch(() => {});
    await rm(tempPath, { force: true });
    throw error;
  }
}

/** A new photo that would take the team's photos past the quota (quota_exceeded). */
function refuseOverQuota(
  deps: ServiceDeps,
  storage: PhotoStorage,
  actor: Actor,
  photo: StoredPhoto,
): void {
  const known = prepared(deps.db, 'SELECT 1 FROM photos WHERE team_id = ? AND hash = ?').get(
    actor.teamId,
    photo.hash,
  );
  if (known) return;
  const used = Number(
    prepared(deps.db, 'SELECT coalesce(sum(bytes), 0) AS used FROM photos WHERE team_id = ?').get(
      actor.teamId,
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
function refuseDeletedCycle(deps: ServiceDeps, actor: Actor, cycleId: CycleId): void {
  if (!isCycleDocId(cycleId)) throw new ServiceError('bad_request', 'not a cycle id');
  if (isDocumentDeleted(deps.db, teamScopedDocName(actor.teamId, cycleId))) {
    throw new ServiceError('not_found', 'the cycle was deleted');
  }
}

/**
 * A photo of the actor's team (guests included): its type, size and path,
 * or a not_found refusal when the team does not have it.
 */
export function findPhoto(
  deps: ServiceDeps,
  storage: PhotoStorage,
  actor: Actor,
  hash: string,
): StoredPhoto & { readonly path: string } {
  const row = prepared(
    deps.db,
    'SELECT type, bytes FROM photos WHERE team_id = ? AND hash = ?',
  ).get(actor.teamId, hash);
  if (!row || !isPhotoType(row.type)) throw new ServiceError('not_found', 'no such photo');
  return {
    hash,
    type: row.type,
    bytes: Number(row.bytes),
    path: join(teamDir(storage, actor.teamId), hash),
  };
}

/**
 * Deletes a cycle's photos (facilitators only): removes the cycle's links,
 * then every photo of the team no longer linked to any cycle, rows and files.
 * Photos shared with another cycle stay. Returns the hashes deleted.
 */
export function deleteCyclePhotos(
  deps: ServiceDeps,
  storage: PhotoStorage,
  actor: Actor,
  cycleId: CycleId,
): string[] {
  if (actor.role !== 'facilitator') {
    throw new ServiceError('forbidden', "only a facilitator may delete a cycle's photos");
  }
  if (!isCycleDocId(cycleId)) throw new ServiceError('bad_request', 'not a cycle id');
  const dir = teamDir(storage, actor.teamId);
  // Synchronous throughout, like the end of storePhoto, so the two never interleave.
  const orphans = inTransaction(deps.db, () => {
    const hashes = prepared(
      deps.db,
      'SELECT hash FROM photo_cycles WHERE team_id = ? AND cycle_id = ?',
    )
      .all(actor.teamId, cycleId)
      .map((row) => String(row.hash));
    prepared(deps.db, 'DELETE FROM photo_cycles WHERE team_id = ? AND cycle_id = ?').run(
      actor.teamId,
      cycleId,
    );
    const linked = prepared(
      deps.db,
      'SELECT 1 FROM photo_cycles WHERE team_id = ? AND hash = ? LIMIT 1',
    );
    const remove = prepared(deps.db, 'DELETE FROM photos WHERE team_id = ? AND hash = ?');
    const unlinked = hashes.filter((hash) => !linked.get(actor.teamId, hash));
    for (const hash of unlinked) remove.run(actor.teamId, hash);
    return unlinked;
  });
  for (const hash of orphans) {
    // A file that cannot be removed is unreachable without its row; the same
    // bytes uploaded again reuse it, since the name is their hash.
    try {
      rmSync(join(dir, hash), { force: true });
    } catch {
      // left behind, harmless (see above)
    }
  }
  return orphans;
}
