import { beforeEach, describe, expect, it } from 'vitest';
import { newDocId, newTeamId } from '../../../src/model/ids.ts';
import { hasSignature, isPhotoHash, sniffPhotoType } from '../../../src/model/photos.ts';
import { db } from '../../../src/store/db.ts';
import {
  addDownloadedPhoto,
  addLocalPhoto,
  confirmPhotoCycle,
  cyclesToUpload,
  dropPhotoCycle,
  forgetCyclePhotos,
  getPhoto,
  listCyclePhotos,
  listPendingPhotos,
  PhotoError,
  photoUploadState,
  setPhotoStatus,
  settlePhotoUpload,
} from '../../../src/store/photos.ts';

/** A few bytes that start like a PNG: enough for the signature check. */
function pngBlob(fill = 1): Blob {
  const bytes = new Uint8Array(64).fill(fill);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Blob([bytes], { type: 'image/png' });
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('photos store', () => {
  const teamId = newTeamId();
  const cycleId = newDocId();

  beforeEach(async () => {
    await db.photos.clear();
  });

  it('keeps a new photo as pending, named by the SHA-256 of its bytes', async () => {
    const blob = pngBlob();
    const record = await addLocalPhoto(teamId, cycleId, blob);
    expect(record).toMatchObject({
      teamId,
      cycleIds: [cycleId],
      uploadedCycleIds: [],
      hash: await sha256Hex(blob),
      type: 'image/png',
      bytes: 64,
      status: 'pending',
      error: null,
      uploadedAt: null,
      origin: 'local',
    });
    expect(isPhotoHash(record.hash)).toBe(true);
    const stored = await getPhoto(teamId, record.hash);
    expect(stored?.status).toBe('pending');
    expect(stored?.blob.type).toBe('image/png');
    expect(new Uint8Array(await (stored?.blob ?? new Blob()).arrayBuffer())).toEqual(
      new Uint8Array(await blob.arrayBuffer()),
    );
    expect((await listPendingPhotos()).map((p) => p.hash)).toEqual([record.hash]);
  });

  it('keeps the same bytes once, whatever state they reached', async () => {
    const first = await addLocalPhoto(teamId, cycleId, pngBlob());
    await setPhotoStatus(teamId, first.hash, 'uploaded');
    const again = await addLocalPhoto(teamId, cycleId, pngBlob());
    expect(again.hash).toBe(first.hash);
    expect(again.status).toBe('uploaded');
    expect(await db.photos.count()).toBe(1);
    expect(await listPendingPhotos()).toEqual([]);
  });

  it('refuses bytes that are not an image, whatever the blob claims', async () => {
    const fake = new Blob(['<html>not a photo</html>'], { type: 'image/jpeg' });
    await expect(addLocalPhoto(teamId, cycleId, fake)).rejects.toBeInstanceOf(PhotoError);
    await expect(addLocalPhoto(teamId, cycleId, fake)).rejects.toMatchObject({
      code: 'not_an_image',
    });
    await expect(addLocalPhoto(teamId, cycleId, new Blob([]))).rejects.toMatchObject({
      code: 'not_an_image',
    });
    expect(await db.photos.count()).toBe(0);
  });

  it('records upload states, keeping the error only for a failure', async () => {
    const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
    await setPhotoStatus(teamId, hash, 'uploading');
    expect((await listPendingPhotos()).map((p) => p.status)).toEqual(['uploading']);
    await setPhotoStatus(teamId, hash, 'failed', 'payload_too_large');
    expect(await getPhoto(teamId, hash)).toMatchObject({
      status: 'failed',
      error: 'payload_too_large',
    });
    expect(await listPendingPhotos()).toEqual([]);
    await setPhotoStatus(teamId, hash, 'uploaded', 'internal');
    const uploaded = await getPhoto(teamId, hash);
    expect(uploaded).toMatchObject({ status: 'uploaded', error: null });
    expect(uploaded?.uploadedAt).not.toBeNull();
  });
});

describe('a photo used in several cycles', () => {
  const teamId = newTeamId();
  const first = newDocId();
  const second = newDocId();

  beforeEach(async () => {
    await db.photos.clear();
  });

  it('is kept once and waits for an upload for the second cycle, though the first is done', async () => {
    const { hash } = await addLocalPhoto(teamId, first, pngBlob());
    await confirmPhotoCycle(teamId, hash, first);
    expect((await getPhoto(teamId, hash))?.status).toBe('uploaded');

    const again = await addLocalPhoto(teamId, second, pngBlob());
    expect(again).toMatchObject({ cycleIds: [first, second], uploadedCycleIds: [first] });
    expect(again.status).toBe('pending');
    expect(await db.photos.count()).toBe(1);
    expect(cyclesToUpload(again)).toEqual([second]);
    expect((await listPendingPhotos()).map((p) => p.hash)).toEqual([hash]);

    // The same cycle again adds nothing.
    expect((await addLocalPhoto(teamId, second, pngBlob())).cycleIds).toEqual([first, second]);
  });

  it('shows each cycle its own upload state', async () => {
    const { hash } = await addLocalPhoto(teamId, first, pngBlob());
    await confirmPhotoCycle(teamId, hash, first);
    await addLocalPhoto(teamId, second, pngBlob());
    const record = await getPhoto(teamId, hash);
    if (!record) throw new Error('photo missing');
    expect(photoUploadState(record, first).status).toBe('uploaded');
    expect(photoUploadState(record, second).status).toBe('pending');
    expect(photoUploadState(record, null).status).toBe('pending');
  });

  it('becomes uploaded only once every cycle is confirmed', async () => {
    const { hash } = await addLocalPhoto(teamId, first, pngBlob());
    await addLocalPhoto(teamId, second, pngBlob());
    await setPhotoStatus(teamId, hash, 'uploading');
    await confirmPhotoCycle(teamId, hash, first);
    expect((await getPhoto(teamId, hash))?.status).toBe('uploading');
    await settlePhotoUpload(teamId, hash);
    expect((await getPhoto(teamId, hash))?.status).toBe('pending');
    await confirmPhotoCycle(teamId, hash, second);
    const done = await getPhoto(teamId, hash);
    expect(done).toMatchObject({ status: 'uploaded', uploadedCycleIds: [first, second] });
    expect(done?.uploadedAt).not.toBeNull();
  });

  it('keeps a refusal when a cycle is added, since the bytes are the same', async () => {
    const { hash } = await addLocalPhoto(teamId, first, pngBlob());
    await setPhotoStatus(teamId, hash, 'failed', 'payload_too_large');
    expect(await addLocalPhoto(teamId, second, pngBlob())).toMatchObject({
      status: 'failed',
      error: 'payload_too_large',
    });
    await settlePhotoUpload(teamId, hash);
    expect((await getPhoto(teamId, hash))?.status).toBe('failed');
  });

  it('lists the photos of a cycle, of this team only', async () => {
    const a = await addLocalPhoto(teamId, first, pngBlob(1));
    const b = await addLocalPhoto(teamId, second, pngBlob(2));
    await addLocalPhoto(teamId, first, pngBlob(2));
    await addLocalPhoto(newTeamId(), first, pngBlob(3));
    expect((await listCyclePhotos(teamId, first)).map((p) => p.hash).sort()).toEqual(
      [a.hash, b.hash].sort(),
    );
    expect((await listCyclePhotos(teamId, second)).map((p) => p.hash)).toEqual([b.hash]);
  });

  it('deletes the photos only a deleted cycle used, and keeps those of other cycles', async () => {
    const only = await addLocalPhoto(teamId, first, pngBlob(1));
    const shared = await addLocalPhoto(teamId, first, pngBlob(2));
    await addLocalPhoto(teamId, second, pngBlob(2));
    const downloaded = await addDownloadedPhoto(teamId, first, {
      hash: 'a'.repeat(64),
      type: 'image/png',
      buffer: await pngBlob(4).arrayBuffer(),
    });
    const elsewhere = await addLocalPhoto(teamId, second, pngBlob(3));

    expect(await forgetCyclePhotos(teamId, first)).toBe(2);
    expect(await getPhoto(teamId, only.hash)).toBeUndefined();
    expect(await getPhoto(teamId, downloaded.hash)).toBeUndefined();
    expect(await getPhoto(teamId, shared.hash)).toMatchObject({ cycleIds: [second] });
    expect(await getPhoto(teamId, elsewhere.hash)).toBeDefined();
    expect(await listCyclePhotos(teamId, first)).toEqual([]);
  });

  it('needs no more upload once the only unconfirmed cycle is dropped', async () => {
    const { hash } = await addLocalPhoto(teamId, first, pngBlob());
    await confirmPhotoCycle(teamId, hash, first);
    await addLocalPhoto(teamId, second, pngBlob());
    await dropPhotoCycle(teamId, hash, second);
    expect(await getPhoto(teamId, hash)).toMatchObject({
      status: 'uploaded',
      cycleIds: [first],
      uploadedCycleIds: [first],
    });
    await dropPhotoCycle(teamId, hash, first);
    expect(await getPhoto(teamId, hash)).toBeUndefined();
  });
});

describe('photo types', () => {
  it('recognises JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffPhotoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffPhotoType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'image/png',
    );
    const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]);
    expect(sniffPhotoType(webp)).toBe('image/webp');
    expect(hasSignature(webp, 'image/png')).toBe(false);
    expect(sniffPhotoType(new Uint8Array([0x47, 0x49, 0x46, 0x38]))).toBeNull();
  });
});
