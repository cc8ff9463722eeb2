import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ApiErrorCode } from '../model/apiErrors.ts';
import type { CycleId } from '../model/cycleTypes.ts';
import type { TeamId } from '../model/ids.ts';
import { PHOTO_SIGNATURE_BYTES, type PhotoType, sniffPhotoType, toHex } from '../model/photos.ts';
import { db } from './db.ts';

/**
 * Photos of pupil work on this device (issue 6 point 5): taken here and waiting
 * for or past their upload, or downloaded from the team so they show offline.
 * A photo is named by the SHA-256 of its bytes, as on the server, so the same
 * bytes are one record per team. The upload itself is src/sync/photoOutbox.ts.
 */

/**
 * pending: waiting for an upload (again, after a network failure), or for its
 * link to a cycle it was used in since;
 * uploading: an upload is under way (or was cut off, and is retried like pending);
 * uploaded: the server has it, linked to every cycle in `cycleIds`;
 * failed: the server refused it (`error` says why).
 */
export type PhotoStatus = 'pending' | 'uploading' | 'uploaded' | 'failed';

export type PhotoRecord = {
  readonly teamId: TeamId;
  /** SHA-256 of the bytes, 64 lowercase hex digits. */
  readonly hash: string;
  /**
   * The cycles this device used the photo in (multiEntry index). The server
   * links a photo to each cycle it was uploaded for and deletes its file only
   * once no cycle links it, so the same bytes used in a second cycle are
   * uploaded again for that cycle. Empty for a download whose cycle was not given.
   */
  readonly cycleIds: readonly CycleId[];
  /** The cycles of `cycleIds` whose upload the server confirmed. */
  readonly uploadedCycleIds: readonly CycleId[];
  readonly type: PhotoType;
  /** Size in bytes. */
  readonly bytes: number;
  readonly blob: Blob;
  readonly status: PhotoStatus;
  /** Why the server refused it; null unless status is 'failed'. */
  readonly error: ApiErrorCode | null;
  readonly createdAt: string;
  /** When this device's upload succeeded; null otherwise (and for downloads). */
  readonly uploadedAt: string | null;
  readonly origin: 'local' | 'downloaded';
};

/** A refused photo, with the same code the server would give (`not_an_image`). */
export class PhotoError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'PhotoError';
    this.code = code;
  }
}

/** Checks bytes as the server will: an image of a PHOTO_TYPES type, named by its SHA-256. */
export async function describePhotoBytes(
  buffer: ArrayBuffer,
): Promise<{ hash: string; type: PhotoType }> {
  const type = sniffPhotoType(
    new Uint8Array(buffer, 0, Math.min(buffer.byteLength, PHOTO_SIGNATURE_BYTES)),
  );
  if (type === null) throw new PhotoError('not_an_image', 'not a JPEG, PNG or WebP image');
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return { hash: toHex(new Uint8Array(digest)), type };
}

/**
 * Stores a record unless the team already has these bytes, in one transaction;
 * resolves with the record that is stored once it committed. When it has them,
 * `cycleId` is added to their cycles, waiting for its own upload.
 */
async function putIfAbsent(record: PhotoRecord, cycleId: CycleId | null): Promise<PhotoRecord> {
  return db.transaction('rw', db.photos, async () => {
    const existing = await db.photos.get([record.teamId, record.hash]);
    if (!existing) {
      await db.photos.add(record);
      return record;
    }
    if (cycleId === null || existing.cycleIds.includes(cycleId)) return existing;
    const cycleIds = [...existing.cycleIds, cycleId];
    // A refusal is about the bytes or the member, so it holds for the new cycle too.
    const status = existing.status === 'uploaded' ? 'pending' : existing.status;
    await db.photos.update([record.teamId, record.hash], { cycleIds, status });
    return { ...existing, cycleIds, status };
  });
}

/**
 * Keeps a photo taken on this device for upload: refuses anything that is not
 * a JPEG, PNG or WebP image by its bytes (PhotoError 'not_an_image'), names it
 * by the SHA-256 of its bytes and stores it as 'pending'. Idempotent: the same
 * bytes again give the record already stored, whatever its state; used in
 * another cycle, they are kept once and uploaded again for that cycle.
 * Resolves once the write committed.
 */
export async function addLocalPhoto(
  teamId: TeamId,
  cycleId: CycleId,
  blob: Blob,
): Promise<PhotoRecord> {
  const buffer = await blob.arrayBuffer();
  const { hash, type } = await describePhotoBytes(buffer);
  return putIfAbsent(
    {
      teamId,
      hash,
      cycleIds: [cycleId],
      uploadedCycleIds: [],
      type,
      bytes: buffer.byteLength,
      blob: new Blob([buffer], { type }),
      status: 'pending',
      error: null,
      createdAt: new Date().toISOString(),
      uploadedAt: null,
      origin: 'local',
    },
    cycleId,
  );
}

/**
 * Keeps a photo downloaded from the team so it shows offline afterwards; the
 * caller has checked that `hash` names these bytes. A photo already on this
 * device is left as it is.
 */
export async function addDownloadedPhoto(
  teamId: TeamId,
  cycleId: CycleId | null,
  input: { hash: string; type: PhotoType; buffer: ArrayBuffer },
): Promise<PhotoRecord> {
  const cycleIds = cycleId === null ? [] : [cycleId];
  return putIfAbsent(
    {
      teamId,
      hash: input.hash,
      // A colleague uploaded it for this cycle; kept so that deleting the cycle removes it here too.
      cycleIds,
      uploadedCycleIds: cycleIds,
      type: input.type,
      bytes: input.buffer.byteLength,
      blob: new Blob([input.buffer], { type: input.type }),
      status: 'uploaded',
      error: null,
      createdAt: new Date().toISOString(),
      uploadedAt: null,
      origin: 'downloaded',
    },
    null,
  );
}

export function getPhoto(teamId: TeamId, hash: string): Promise<PhotoRecord | undefined> {
  return db.photos.get([teamId, hash]);
}

/**
 * Photos still to upload, oldest first: 'pending' ones and 'uploading' ones
 * (an upload cut off when the app closed is simply tried again; the server is
 * idempotent).
 */
export async function listPendingPhotos(): Promise<PhotoRecord[]> {
  const records = await db.photos.where('status').anyOf('pending', 'uploading').toArray();
  return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Records an upload state; `uploadedAt` is set when it becomes 'uploaded'
 * (every cycle of the photo then counts as confirmed) and `error` is kept only
 * for 'failed'. A photo that is not stored stays absent.
 */
export async function setPhotoStatus(
  teamId: TeamId,
  hash: string,
  status: PhotoStatus,
  error: ApiErrorCode | null = null,
): Promise<void> {
  await db.photos
    .where(':id')
    .equals([teamId, hash])
    .modify((record: Mutable<PhotoRecord>) => {
      record.status = status;
      record.error = status === 'failed' ? error : null;
      if (status === 'uploaded') {
        record.uploadedAt = new Date().toISOString();
        record.uploadedCycleIds = [...record.cycleIds];
      }
    });
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The cycles of a photo whose upload the server has not confirmed yet. */
export function cyclesToUpload(record: PhotoRecord): CycleId[] {
  return record.cycleIds.filter((cycleId) => !record.uploadedCycleIds.includes(cycleId));
}

/**
 * Records that the server has the photo linked to `cycleId`. Once every cycle
 * of the photo is confirmed it becomes 'uploaded'; until then its state is left
 * to the upload under way.
 */
export async function confirmPhotoCycle(
  teamId: TeamId,
  hash: string,
  cycleId: CycleId,
): Promise<void> {
  await db.photos
    .where(':id')
    .equals([teamId, hash])
    .modify((record: Mutable<PhotoRecord>) => {
      if (!record.uploadedCycleIds.includes(cycleId)) {
        record.uploadedCycleIds = [...record.uploadedCycleIds, cycleId];
      }
      if (cyclesToUpload(record).length === 0 && record.status !== 'failed') {
        record.status = 'uploaded';
        record.error = null;
        record.uploadedAt = new Date().toISOString();
      }
    });
}

/**
 * Ends an upload pass for a photo that was not refused: 'uploaded' when every
 * cycle is confirmed, else back to 'pending' (a cycle added while it was
 * uploading, or a network failure half-way).
 */
export async function settlePhotoUpload(teamId: TeamId, hash: string): Promise<void> {
  await db.photos
    .where(':id')
    .equals([teamId, hash])
    .modify((record: Mutable<PhotoRecord>) => {
      if (record.status === 'failed') return;
      const done = cyclesToUpload(record).length === 0;
      record.status = done ? 'uploaded' : 'pending';
      record.error = null;
      if (done && record.uploadedAt === null) record.uploadedAt = new Date().toISOString();
    });
}

/**
 * Forgets that a photo belongs to `cycleId` (the cycle was deleted). A photo
 * left in no cycle, or left only with cycles already confirmed, needs no more
 * uploads; one used in no cycle at all is removed from this device, unless it
 * is a download kept without a cycle.
 */
async function unlinkCycle(record: PhotoRecord, cycleId: CycleId): Promise<void> {
  const key: [string, string] = [record.teamId, record.hash];
  const cycleIds = record.cycleIds.filter((each) => each !== cycleId);
  if (cycleIds.length === 0) {
    await db.photos.delete(key);
    return;
  }
  const uploadedCycleIds = record.uploadedCycleIds.filter((each) => each !== cycleId);
  const done = cycleIds.every((each) => uploadedCycleIds.includes(each));
  await db.photos.update(key, {
    cycleIds,
    uploadedCycleIds,
    ...(done && record.status === 'pending' ? { status: 'uploaded' as const } : {}),
  });
}

/** Photos of a cycle on this device, oldest first. */
export async function listCyclePhotos(teamId: TeamId, cycleId: CycleId): Promise<PhotoRecord[]> {
  const records = await db.photos.where('cycleIds').equals(cycleId).toArray();
  return records
    .filter((record) => record.teamId === teamId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Deletes every photo of the team on this device (leaving the team). Resolves with how many. */
export function forgetTeamPhotos(teamId: TeamId): Promise<number> {
  return db.photos
    .where('[teamId+hash]')
    .between([teamId, Dexie.minKey], [teamId, Dexie.maxKey])
    .delete();
}

/**
 * Removes a deleted cycle from this device's photos: each photo loses the
 * cycle, and a photo that was only in that cycle is deleted. A photo also used
 * in another cycle stays. Resolves with the number of photos deleted.
 */
export async function forgetCyclePhotos(teamId: TeamId, cycleId: CycleId): Promise<number> {
  return db.transaction('rw', db.photos, async () => {
    let deleted = 0;
    for (const record of await listCyclePhotos(teamId, cycleId)) {
      if (record.cycleIds.length === 1) deleted += 1;
      await unlinkCycle(record, cycleId);
    }
    return deleted;
  });
}

/**
 * Drops one cycle from one photo: the server said that cycle no longer exists
 * (deleted while the photo waited), so its upload is pointless.
 */
export async function dropPhotoCycle(
  teamId: TeamId,
  hash: string,
  cycleId: CycleId,
): Promise<void> {
  await db.transaction('rw', db.photos, async () => {
    const record = await getPhoto(teamId, hash);
    if (record?.cycleIds.includes(cycleId)) await unlinkCycle(record, cycleId);
  });
}

/**
 * Puts photos the server refused for one of `codes` back to 'pending': a
 * refusal that can pass (a team's full photo space, after a facilitator
 * deleted a cycle). Returns how many.
 */
export function retryRefusedPhotos(codes: readonly ApiErrorCode[]): Promise<number> {
  return db.photos
    .where('status')
    .equals('failed')
    .filter((record) => record.error !== null && codes.includes(record.error))
    .modify({ status: 'pending', error: null });
}

/** A photo's upload state for the UI. */
export type PhotoUploadState = Pick<PhotoRecord, 'status' | 'error' | 'origin'>;

/**
 * Live upload state of a photo: undefined while loading, null when this device
 * does not have it. With `cycleId`, the state of its upload for that cycle:
 * a photo already on the server but not yet linked to a second cycle is
 * 'uploaded' in the first and 'pending' in the second.
 */
export function usePhotoStatus(
  teamId: TeamId,
  hash: string,
  cycleId: CycleId | null = null,
): PhotoUploadState | null | undefined {
  return useLiveQuery(async () => {
    const record = await getPhoto(teamId, hash);
    return record ? photoUploadState(record, cycleId) : null;
  }, [teamId, hash, cycleId]);
}

/** See {@link usePhotoStatus}. */
export function photoUploadState(record: PhotoRecord, cycleId: CycleId | null): PhotoUploadState {
  const { status, error, origin } = record;
  if (cycleId !== null && record.uploadedCycleIds.includes(cycleId) && status !== 'failed') {
    return { status: 'uploaded', error: null, origin };
  }
  return { status, error, origin };
}
