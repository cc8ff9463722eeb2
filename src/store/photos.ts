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
 * pending: waiting for an upload (again, after a network failure);
 * uploading: an upload is under way (or was cut off, and is retried like pending);
 * uploaded: the server has it; failed: the server refused it (`error` says why).
 */
export type PhotoStatus = 'pending' | 'uploading' | 'uploaded' | 'failed';

export type PhotoRecord = {
  readonly teamId: TeamId;
  /** SHA-256 of the bytes, 64 lowercase hex digits. */
  readonly hash: string;
  /** The cycle the photo was taken for; null for a download whose cycle was not given. */
  readonly cycleId: CycleId | null;
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
 * resolves with the record that is stored once it committed.
 */
async function putIfAbsent(record: PhotoRecord): Promise<PhotoRecord> {
  return db.transaction('rw', db.photos, async () => {
    const existing = await db.photos.get([record.teamId, record.hash]);
    if (existing) return existing;
    await db.photos.add(record);
    return record;
  });
}

/**
 * Keeps a photo taken on this device for upload: refuses anything that is not
 * a JPEG, PNG or WebP image by its bytes (PhotoError 'not_an_image'), names it
 * by the SHA-256 of its bytes and stores it as 'pending'. Idempotent: the same
 * bytes again give the record already stored, whatever its state. Resolves
 * once the write committed.
 */
export async function addLocalPhoto(
  teamId: TeamId,
  cycleId: CycleId,
  blob: Blob,
): Promise<PhotoRecord> {
  const buffer = await blob.arrayBuffer();
  const { hash, type } = await describePhotoBytes(buffer);
  return putIfAbsent({
    teamId,
    hash,
    cycleId,
    type,
    bytes: buffer.byteLength,
    blob: new Blob([buffer], { type }),
    status: 'pending',
    error: null,
    createdAt: new Date().toISOString(),
    uploadedAt: null,
    origin: 'local',
  });
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
  return putIfAbsent({
    teamId,
    hash: input.hash,
    cycleId,
    type: input.type,
    bytes: input.buffer.byteLength,
    blob: new Blob([input.buffer], { type: input.type }),
    status: 'uploaded',
    error: null,
    createdAt: new Date().toISOString(),
    uploadedAt: null,
    origin: 'downloaded',
  });
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
 * Records an upload state; `uploadedAt` is set when it becomes 'uploaded' and
 * `error` is kept only for 'failed'. A photo that is not stored stays absent.
 */
export async function setPhotoStatus(
  teamId: TeamId,
  hash: string,
  status: PhotoStatus,
  error: ApiErrorCode | null = null,
): Promise<void> {
  await db.photos.update([teamId, hash], {
    status,
    error: status === 'failed' ? error : null,
    ...(status === 'uploaded' ? { uploadedAt: new Date().toISOString() } : {}),
  });
}

/** A photo's upload state for the UI. */
export type PhotoUploadState = Pick<PhotoRecord, 'status' | 'error' | 'origin'>;

/**
 * Live upload state of a photo: undefined while loading, null when this device
 * does not have it. With `cycleId`, the state of its upload for that cycle.
 */
export function usePhotoStatus(
  teamId: TeamId,
  hash: string,
  cycleId: CycleId | null = null,
): PhotoUploadState | null | undefined {
  return useLiveQuery(async () => {
    const record = await getPhoto(teamId, hash);
    return record ? { status: record.status, error: record.error, origin: record.origin } : null;
  }, [teamId, hash, cycleId]);
}
