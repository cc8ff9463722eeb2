import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newDocId, newMemberId, newTeamId, type TeamId } from '../../../src/model/ids.ts';
import { db } from '../../../src/store/db.ts';
import { putMembership } from '../../../src/store/memberships.ts';
import { addLocalPhoto, getPhoto } from '../../../src/store/photos.ts';
import {
  fetchPhoto,
  NOT_FOUND_RETRY_MS,
  PHOTO_RETRY_MS,
  queuePhoto,
  startPhotoOutbox,
  uploadPendingPhotos,
} from '../../../src/sync/photoOutbox.ts';
import { configureServer } from '../../../src/sync/serverUrl.ts';
import { type FakeHandler, type FakeRequest, fakeApi, json, offline } from './fakeServer.ts';

function pngBytes(fill = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(64).fill(fill);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

const pngBlob = (fill = 1) => new Blob([pngBytes(fill)], { type: 'image/png' });

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Answers a photo PUT like the server: 201 with the photo's name. */
function stores(hash: string): FakeHandler {
  return () => json(201, { hash, bytes: 64, type: 'image/png' });
}

const puts = (requests: FakeRequest[]) => requests.filter((r) => r.method === 'PUT');

/** A fake API that records the `cycle` of every photo PUT and answers with `answer`. */
function cycleServer(answer: (cycle: string | null) => Response): { cycles: (string | null)[] } {
  const cycles: (string | null)[] = [];
  configureServer({
    apiBase: 'http://api.test',
    fetch: async (input, init) => {
      const cycle = new URL(String(input)).searchParams.get('cycle');
      if (init?.method === 'PUT') cycles.push(cycle);
      return answer(cycle);
    },
  });
  return { cycles };
}

async function addActiveMember(teamId: TeamId, token = `token-${teamId}`): Promise<void> {
  await putMembership({
    teamId,
    memberId: newMemberId(),
    displayName: 'Anna',
    role: 'teacher',
    teamName: 'PLG',
    token,
    creatorKey: null,
    status: 'active',
    createdAt: new Date().toISOString(),
    lastOpenedAt: null,
    registrationError: null,
  });
}

describe('photo outbox', () => {
  const cycleId = newDocId();
  let teamId: TeamId;

  beforeEach(async () => {
    await db.photos.clear();
    await db.memberships.clear();
    teamId = newTeamId();
    await addActiveMember(teamId);
  });
  afterEach(() => {
    configureServer({});
  });

  it('uploads a pending photo with the member token and marks it uploaded', async () => {
    const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
    const { requests } = fakeApi(stores(hash));
    await uploadPendingPhotos();

    const [put] = puts(requests);
    expect(put?.path).toBe(`/api/teams/${teamId}/photos`);
    expect(put?.headers.authorization).toBe(`Bearer token-${teamId}`);
    expect(put?.headers['content-type']).toBe('image/png');
    const stored = await getPhoto(teamId, hash);
    expect(stored).toMatchObject({ status: 'uploaded', error: null });
    expect(stored?.uploadedAt).not.toBeNull();

    await uploadPendingPhotos();
    expect(puts(requests)).toHaveLength(1);
  });

  it('sends the cycle as a query parameter and the bytes as the body', async () => {
    const bytes = pngBytes(7);
    const hash = await sha256Hex(bytes);
    await addLocalPhoto(teamId, cycleId, new Blob([bytes]));
    let seen: { url: string; body: Uint8Array } | null = null;
    configureServer({
      apiBase: 'http://api.test',
      fetch: async (input, init) => {
        const body =
          init?.body instanceof Blob ? await init.body.arrayBuffer() : new ArrayBuffer(0);
        seen = { url: String(input), body: new Uint8Array(body) };
        return json(201, { hash, bytes: 64, type: 'image/png' });
      },
    });
    await uploadPendingPhotos();
    expect(seen).toEqual({
      url: `http://api.test/api/teams/${teamId}/photos?cycle=${cycleId}`,
      body: bytes,
    });
  });

  it('leaves a photo pending when the network fails, and uploads it on the next attempt', async () => {
    const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
    fakeApi(offline);
    await uploadPendingPhotos();
    expect(await getPhoto(teamId, hash)).toMatchObject({ status: 'pending', error: null });

    fakeApi(() => json(503, { error: { code: 'internal', message: 'down' } }));
    await uploadPendingPhotos();
    expect((await getPhoto(teamId, hash))?.status).toBe('pending');

    const { requests } = fakeApi(stores(hash));
    await uploadPendingPhotos();
    expect(puts(requests)).toHaveLength(1);
    expect((await getPhoto(teamId, hash))?.status).toBe('uploaded');
  });

  it.each([
    [415, 'not_an_image'],
    [413, 'payload_too_large'],
    [403, 'forbidden'],
  ] as const)(
    'marks a photo refused with %i as failed with %s and does not retry it',
    async (status, code) => {
      const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
      const { requests } = fakeApi(() => json(status, { error: { code, message: 'refused' } }));
      await uploadPendingPhotos();
      expect(await getPhoto(teamId, hash)).toMatchObject({ status: 'failed', error: code });

      await uploadPendingPhotos();
      expect(puts(requests)).toHaveLength(1);
    },
  );

  it('uploads a photo used in two cycles once for each, and each cycle once', async () => {
    const second = newDocId();
    const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
    const { cycles } = cycleServer(() => json(201, { hash, bytes: 64, type: 'image/png' }));
    await uploadPendingPhotos();
    await addLocalPhoto(teamId, second, pngBlob());
    expect((await getPhoto(teamId, hash))?.status).toBe('pending');
    await uploadPendingPhotos();
    await uploadPendingPhotos();
    expect(cycles).toEqual([cycleId, second]);
    expect(await getPhoto(teamId, hash)).toMatchObject({
      status: 'uploaded',
      uploadedCycleIds: [cycleId, second],
    });
  });

  it('keeps the cycles already confirmed when the network fails half-way', async () => {
    const second = newDocId();
    const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
    await addLocalPhoto(teamId, second, pngBlob());
    let calls = 0;
    fakeApi((req) => (++calls === 1 ? stores(hash)(req) : offline(req)));
    await uploadPendingPhotos();
    expect(await getPhoto(teamId, hash)).toMatchObject({
      status: 'pending',
      uploadedCycleIds: [cycleId],
    });
    const { cycles } = cycleServer(() => json(201, { hash, bytes: 64, type: 'image/png' }));
    await uploadPendingPhotos();
    expect(cycles).toEqual([second]);
    expect((await getPhoto(teamId, hash))?.status).toBe('uploaded');
  });

  it('drops a cycle the server no longer has and still uploads for the others', async () => {
    const deleted = newDocId();
    const { hash } = await addLocalPhoto(teamId, deleted, pngBlob());
    await addLocalPhoto(teamId, cycleId, pngBlob());
    const { cycles } = cycleServer((cycle) =>
      cycle === deleted
        ? json(404, { error: { code: 'not_found', message: 'cycle deleted' } })
        : json(201, { hash, bytes: 64, type: 'image/png' }),
    );
    await uploadPendingPhotos();
    expect(cycles).toEqual([deleted, cycleId]);
    expect(await getPhoto(teamId, hash)).toMatchObject({
      status: 'uploaded',
      cycleIds: [cycleId],
      uploadedCycleIds: [cycleId],
    });
  });

  it('forgets a photo whose only cycle was deleted before it could be uploaded', async () => {
    const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
    fakeApi(() => json(404, { error: { code: 'not_found', message: 'cycle deleted' } }));
    await uploadPendingPhotos();
    expect(await getPhoto(teamId, hash)).toBeUndefined();
  });

  it('keeps a photo pending while the server does not know its cycle yet, and uploads it later', async () => {
    const known = newDocId();
    const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
    await addLocalPhoto(teamId, known, pngBlob());
    let synced = false;
    const { cycles } = cycleServer((cycle) =>
      cycle === cycleId && !synced
        ? json(404, { error: { code: 'cycle_unknown', message: 'not yet' } })
        : json(201, { hash, bytes: 64, type: 'image/png' }),
    );
    await uploadPendingPhotos();
    expect(await getPhoto(teamId, hash)).toMatchObject({
      status: 'pending',
      error: null,
      cycleIds: [cycleId, known],
      uploadedCycleIds: [known],
    });

    // The cycle's document reached the server meanwhile.
    synced = true;
    await uploadPendingPhotos();
    expect(cycles).toEqual([cycleId, known, cycleId]);
    expect(await getPhoto(teamId, hash)).toMatchObject({
      status: 'uploaded',
      uploadedCycleIds: [known, cycleId],
    });
  });

  it('fails a photo over the team quota, and tries it once more when the outbox starts', async () => {
    const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
    const full = () => json(507, { error: { code: 'quota_exceeded', message: 'full' } });
    const { requests } = fakeApi(full);
    await uploadPendingPhotos();
    expect(await getPhoto(teamId, hash)).toMatchObject({
      status: 'failed',
      error: 'quota_exceeded',
    });
    await uploadPendingPhotos();
    expect(puts(requests)).toHaveLength(1);

    // A facilitator deleted an old cycle; the app is opened again.
    fakeApi(stores(hash));
    const stop = startPhotoOutbox();
    try {
      await vi.waitFor(async () => expect((await getPhoto(teamId, hash))?.status).toBe('uploaded'));
    } finally {
      stop();
    }
  });

  it('keeps retrying a photo the server could not store for lack of disk space', async () => {
    const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
    fakeApi(() => json(507, { error: { code: 'storage_full', message: 'disk full' } }));
    await uploadPendingPhotos();
    expect(await getPhoto(teamId, hash)).toMatchObject({ status: 'pending', error: null });
  });

  it('keeps a photo pending while its team has no token yet', async () => {
    const pendingTeam = newTeamId();
    const { hash } = await addLocalPhoto(pendingTeam, cycleId, pngBlob());
    const { requests } = fakeApi(stores(hash));
    await uploadPendingPhotos();
    expect(requests).toHaveLength(0);
    expect((await getPhoto(pendingTeam, hash))?.status).toBe('pending');
  });

  it('uploads a queued photo at once and the same bytes only once', async () => {
    const hash = await sha256Hex(pngBytes());
    const { requests } = fakeApi(stores(hash));
    await queuePhoto(teamId, cycleId, pngBlob());
    await vi.waitFor(async () => expect((await getPhoto(teamId, hash))?.status).toBe('uploaded'));
    const again = await queuePhoto(teamId, cycleId, pngBlob());
    expect(again.status).toBe('uploaded');
    await uploadPendingPhotos();
    expect(puts(requests)).toHaveLength(1);
  });

  it('uploads what is pending when the outbox starts', async () => {
    const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
    fakeApi(stores(hash));
    const stop = startPhotoOutbox();
    try {
      await vi.waitFor(async () => expect((await getPhoto(teamId, hash))?.status).toBe('uploaded'));
    } finally {
      stop();
    }
  });
  it('retries a pending photo every PHOTO_RETRY_MS while the outbox runs', async () => {
    const { hash } = await addLocalPhoto(teamId, cycleId, pngBlob());
    let online = false;
    const { requests } = fakeApi((req) => (online ? stores(hash)(req) : offline(req)));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stop = startPhotoOutbox();
    try {
      await vi.waitFor(() => expect(puts(requests)).toHaveLength(1));
      await vi.waitFor(async () => expect((await getPhoto(teamId, hash))?.status).toBe('pending'));
      online = true;
      await vi.waitFor(async () => {
        await vi.advanceTimersByTimeAsync(PHOTO_RETRY_MS);
        expect((await getPhoto(teamId, hash))?.status).toBe('uploaded');
      });
      expect(puts(requests)).toHaveLength(2);
    } finally {
      stop();
      vi.useRealTimers();
    }
  });
});

describe('fetchPhoto', () => {
  let teamId: TeamId;

  beforeEach(async () => {
    await db.photos.clear();
    await db.memberships.clear();
    teamId = newTeamId();
    await addActiveMember(teamId);
  });
  afterEach(() => {
    configureServer({});
  });

  it('downloads a colleague photo once and then shows it without the network', async () => {
    const bytes = pngBytes(3);
    const hash = await sha256Hex(bytes);
    const { requests } = fakeApi(
      () => new Response(bytes, { status: 200, headers: { 'content-type': 'image/png' } }),
    );
    const downloaded = await fetchPhoto(teamId, hash);
    expect(requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['GET', `/api/teams/${teamId}/photos/${hash}`, `Bearer token-${teamId}`],
    ]);
    expect(new Uint8Array(await (downloaded ?? new Blob()).arrayBuffer())).toEqual(bytes);
    expect(await getPhoto(teamId, hash)).toMatchObject({
      origin: 'downloaded',
      status: 'uploaded',
      type: 'image/png',
    });

    fakeApi(offline);
    const offlineCopy = await fetchPhoto(teamId, hash);
    expect(new Uint8Array(await (offlineCopy ?? new Blob()).arrayBuffer())).toEqual(bytes);
  });

  it('returns a photo taken on this device without asking the server', async () => {
    const { hash } = await addLocalPhoto(teamId, newDocId(), pngBlob());
    const { requests } = fakeApi(offline);
    expect(await fetchPhoto(teamId, hash)).not.toBeNull();
    expect(requests).toHaveLength(0);
  });

  it('gives null and keeps nothing when the photo cannot be had', async () => {
    const hash = await sha256Hex(pngBytes(5));
    fakeApi(offline);
    expect(await fetchPhoto(teamId, hash)).toBeNull();
    fakeApi(() => json(404, { error: { code: 'not_found', message: 'no such photo' } }));
    expect(await fetchPhoto(teamId, hash)).toBeNull();
    const other = await sha256Hex(pngBytes(8));
    fakeApi(() => new Response(pngBytes(6), { status: 200 }));
    expect(await fetchPhoto(teamId, other)).toBeNull(); // bytes that are not the named photo
    expect(await fetchPhoto(teamId, 'not-a-hash')).toBeNull();
    expect(await db.photos.count()).toBe(0);
  });

  it('asks again for a photo the server did not have only after a while', async () => {
    const bytes = pngBytes(7);
    const hash = await sha256Hex(bytes);
    const { requests } = fakeApi(() => json(404, { error: { code: 'not_found', message: '' } }));
    expect(await fetchPhoto(teamId, hash)).toBeNull();
    expect(await fetchPhoto(teamId, hash)).toBeNull();
    expect(requests).toHaveLength(1);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + NOT_FOUND_RETRY_MS + 1 });
    try {
      fakeApi(() => new Response(bytes, { status: 200, headers: { 'content-type': 'image/png' } }));
      expect(await fetchPhoto(teamId, hash)).not.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
