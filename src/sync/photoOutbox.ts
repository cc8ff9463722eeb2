import * as v from 'valibot';
import { type ApiErrorCode, isApiErrorCode } from '../model/apiErrors.ts';
import type { CycleId } from '../model/cycleTypes.ts';
import type { TeamId } from '../model/ids.ts';
import { isPhotoHash } from '../model/photos.ts';
import { getMembership } from '../store/memberships.ts';
import {
  addDownloadedPhoto,
  addLocalPhoto,
  confirmPhotoCycle,
  cyclesToUpload,
  describePhotoBytes,
  dropPhotoCycle,
  getPhoto,
  listPendingPhotos,
  type PhotoRecord,
  retryRefusedPhotos,
  setPhotoStatus,
  settlePhotoUpload,
} from '../store/photos.ts';
import { ApiError, isTransientApiFailure } from './api.ts';
import { backgroundRetry } from './backgroundRetry.ts';
import { apiBaseUrl, requestTimeoutMs, serverFetch } from './serverUrl.ts';

/**
 * The photo outbox (issue 6 point 5): photos kept in Dexie by
 * src/store/photos.ts are uploaded in the background whenever the server can be
 * reached, soon after they are taken (Safari may evict the storage of a site
 * unused for 7 days, so the device must not stay the only copy), and photos of
 * colleagues are downloaded once and then shown offline.
 */

/** Interval between upload attempts while a photo is pending, in milliseconds. */
export const PHOTO_RETRY_MS = 30_000;

/** Shortest time an upload or download may take before it counts as a network failure, in milliseconds. */
export const PHOTO_TRANSFER_TIMEOUT_MS = 120_000;

const UNREACHABLE_STATUSES = new Set([502, 503, 504]);
const ErrorBody = v.object({ error: v.object({ code: v.string() }) });
const UploadedBody = v.object({ hash: v.string(), bytes: v.number(), type: v.string() });
const seg = encodeURIComponent;

function photoUrl(teamId: TeamId, path: string): string {
  return `${apiBaseUrl()}/api/teams/${seg(teamId)}/photos${path}`;
}

/** fetch with the API client's timeout (at least PHOTO_TRANSFER_TIMEOUT_MS); no answer → ApiError('network'). */
async function send(
  url: string,
  init: RequestInit,
  read: (response: Response) => Promise<unknown>,
): Promise<{ response: Response; body: unknown }> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(),
    Math.max(requestTimeoutMs(), PHOTO_TRANSFER_TIMEOUT_MS),
  );
  try {
    const response = await serverFetch()(url, {
      ...init,
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    return { response, body: await read(response) };
  } catch (error) {
    throw new ApiError(
      'network',
      null,
      error instanceof Error ? `network failure: ${error.message}` : undefined,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The ApiError for a response that is not ok. */
function failure(response: Response, json: unknown): ApiError {
  const body = v.safeParse(ErrorBody, json);
  if (body.success && isApiErrorCode(body.output.error.code)) {
    return new ApiError(body.output.error.code, response.status);
  }
  return new ApiError(
    UNREACHABLE_STATUSES.has(response.status) ? 'network' : 'bad_response',
    response.status,
  );
}

/** PUT /api/teams/:teamId/photos?cycle=… with the raw bytes; rejects with ApiError. */
async function uploadPhoto(photo: PhotoRecord, cycleId: CycleId, token: string): Promise<void> {
  const { response, body } = await send(
    `${photoUrl(photo.teamId, '')}?cycle=${seg(cycleId)}`,
    {
      method: 'PUT',
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        'content-type': photo.type,
      },
      body: photo.blob,
    },
    readJson,
  );
  if (!response.ok) throw failure(response, body);
  const parsed = v.safeParse(UploadedBody, body);
  if (!parsed.success || parsed.output.hash !== photo.hash) {
    throw new ApiError('bad_response', response.status, 'the server named the photo differently');
  }
}

/** The token to upload with, or null while the team has none (not registered yet, removed). */
async function uploadToken(teamId: TeamId): Promise<string | null> {
  const membership = await getMembership(teamId);
  return membership?.status === 'active' && membership.token ? membership.token : null;
}

/**
 * Refusals that can pass without the photo changing: the team's photo space
 * on the server is full until a facilitator deletes a cycle. Photos refused
 * so get another chance each time the outbox starts (the app opens).
 */
const REFUSALS_RETRIED_ON_START: readonly ApiErrorCode[] = ['quota_exceeded'];

/** Uploads one photo for each cycle the server has not confirmed; a refusal fails it for good. */
async function uploadOne(photo: PhotoRecord, token: string): Promise<void> {
  await setPhotoStatus(photo.teamId, photo.hash, 'uploading');
  try {
    for (const cycleId of cyclesToUpload(photo)) {
      try {
        await uploadPhoto(photo, cycleId, token);
      } catch (error) {
        // The cycle was deleted while the photo waited: nothing to link it to, the other cycles go on.
        if (error instanceof ApiError && error.code === 'not_found') {
          await dropPhotoCycle(photo.teamId, photo.hash, cycleId);
          continue;
        }
        // A cycle made offline whose document has not reached the server yet: this cycle
        // stays unconfirmed, so the photo stays pending and is offered again later.
        if (error instanceof ApiError && error.code === 'cycle_unknown') continue;
        throw error;
      }
      await confirmPhotoCycle(photo.teamId, photo.hash, cycleId);
    }
    await settlePhotoUpload(photo.teamId, photo.hash);
  } catch (error) {
    if (error instanceof ApiError && !isTransientApiFailure(error) && isApiErrorCode(error.code)) {
      // A refusal (not_an_image, payload_too_large, forbidden…): the same bytes will be refused again.
      await setPhotoStatus(photo.teamId, photo.hash, 'failed', error.code);
    } else {
      if (!(error instanceof ApiError)) console.error('sync: uploading a photo failed', error);
      await settlePhotoUpload(photo.teamId, photo.hash);
    }
  }
}

async function uploadPass(): Promise<void> {
  for (const photo of await listPendingPhotos()) {
    const token = await uploadToken(photo.teamId);
    if (token === null) continue;
    await uploadOne(photo, token);
  }
}

const outbox = backgroundRetry({
  pass: () => uploadPass(),
  hasWork: async () => (await listPendingPhotos()).length > 0,
  intervalMs: PHOTO_RETRY_MS,
});

/**
 * Uploads every pending photo whose team has a token, oldest first, once for
 * each of its cycles the server has not confirmed (the server's PUT is
 * idempotent and links the photo to the cycle given). Each goes 'uploading',
 * then 'uploaded', or 'failed' with the server's code when the server refuses
 * it (not retried, except a full photo space when the outbox next starts);
 * network and server trouble put it back to 'pending' for the next attempt,
 * keeping the cycles already confirmed. A cycle the server no longer has
 * (deleted) is dropped from the photo; a cycle it does not have yet
 * (cycle_unknown: its document was made offline and has not synced) keeps the
 * photo pending. Concurrent calls share one pass (plus one more if a call
 * arrived meanwhile).
 */
export function uploadPendingPhotos(): Promise<void> {
  return outbox.run();
}

/**
 * Keeps a photo taken on this device (see addLocalPhoto: refuses non-images,
 * idempotent) and starts uploading it at once when it can. Resolves once the
 * photo is stored, not uploaded.
 */
export async function queuePhoto(
  teamId: TeamId,
  cycleId: CycleId,
  blob: Blob,
): Promise<PhotoRecord> {
  const record = await addLocalPhoto(teamId, cycleId, blob);
  void uploadPendingPhotos().catch(() => {});
  return record;
}

/**
 * Keeps uploading pending photos: now, whenever the browser comes online and
 * every {@link PHOTO_RETRY_MS} while something is pending. Photos refused for
 * a full photo space are tried once more. Returns the stop function.
 */
export function startPhotoOutbox(): () => void {
  const stop = outbox.start();
  void retryRefusedPhotos(REFUSALS_RETRIED_ON_START)
    .then((count) => (count > 0 ? outbox.run() : undefined))
    .catch(() => {});
  return stop;
}

/** A photo the server does not have yet (its taker is still offline) is asked for again after this. */
export const NOT_FOUND_RETRY_MS = 60_000;
const notFoundUntil = new Map<string, number>();

/**
 * A photo of the team: from this device when it has it, else downloaded with
 * the member token and kept (origin 'downloaded') so it shows offline from
 * then on. Bytes that are not the named photo or not an image are not kept.
 * Null when the photo cannot be had now: no token, not found, offline.
 */
export async function fetchPhoto(
  teamId: TeamId,
  hash: string,
  cycleId: CycleId | null = null,
): Promise<Blob | null> {
  const local = await getPhoto(teamId, hash);
  if (local) return local.blob;
  if (!isPhotoHash(hash)) return null;
  const key = `${teamId}/${hash}`;
  if ((notFoundUntil.get(key) ?? 0) > Date.now()) return null;
  const membership = await getMembership(teamId);
  if (!membership?.token) return null;
  try {
    const { response, body } = await send(
      photoUrl(teamId, `/${hash}`),
      { method: 'GET', headers: { authorization: `Bearer ${membership.token}` } },
      (res) => (res.ok ? res.arrayBuffer() : res.text()),
    );
    if (response.status === 404) notFoundUntil.set(key, Date.now() + NOT_FOUND_RETRY_MS);
    if (!response.ok || !(body instanceof ArrayBuffer)) return null;
    const described = await describePhotoBytes(body);
    if (described.hash !== hash) return null;
    const record = await addDownloadedPhoto(teamId, cycleId, { ...described, buffer: body });
    return record.blob;
  } catch {
    return null;
  }
}
