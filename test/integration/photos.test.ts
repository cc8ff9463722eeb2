import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDocId } from '../../src/model/ids.ts';
import {
  createInvite,
  createTeam,
  joinTeam,
  type Membership,
  onPostgres,
  startTestServer,
  syncCycleDoc,
  type TestServer,
  teamWithMember,
  waitFor,
} from './helpers.ts';

const JPEG_SIGNATURE = [0xff, 0xd8, 0xff, 0xe0];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Bytes that start like an image of the type, followed by random "pixels". */
function imageBytes(signature: readonly number[], size = 4096): Buffer {
  return Buffer.concat([Buffer.from(signature), randomBytes(size - signature.length)]);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Upload = {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  readonly body: any;
};

/** PUTs raw bytes; a refusal that closes the connection mid-upload still yields its status. */
function upload(
  baseUrl: string,
  member: Pick<Membership, 'teamId'> & { token?: string | undefined },
  cycleId: string,
  bytes: Uint8Array,
  type = 'image/jpeg',
): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      'content-type': type,
      'content-length': bytes.length,
    };
    if (member.token !== undefined) headers.authorization = `Bearer ${member.token}`;
    const req = request(`${baseUrl}/api/teams/${member.teamId}/photos?cycle=${cycleId}`, {
      method: 'PUT',
      headers,
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
      });
    });
    // The server may close the socket once it has answered a refusal.
    req.on('error', (error) => {
      if (!req.writableFinished) return;
      reject(error);
    });
    req.end(bytes);
  });
}

async function download(
  baseUrl: string,
  member: Membership,
  hash: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${baseUrl}/api/teams/${member.teamId}/photos/${hash}`, {
    headers: { authorization: `Bearer ${member.token}`, ...headers },
  });
}

async function filesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

/** The photos whose bytes the server keeps for a team: files on SQLite, rows on PostgreSQL. */
async function storedPhotos(test: TestServer, teamId: string): Promise<string[]> {
  if (test.server.database.kind === 'postgres') {
    const rows = await test.server.database.all<{ hash: string }>(
      'SELECT hash FROM photo_data WHERE team_id = ? ORDER BY hash',
      teamId,
    );
    return rows.map((row) => row.hash);
  }
  return filesIn(join(test.dataDir, 'photos', teamId));
}

describe('photos: stored content-addressed, served to team members only (issue 6 point 5)', () => {
  it('round-trips a photo from one colleague to another, with immutable caching', async () => {
    const test = await startTestServer();
    const { url, wsUrl } = test;
    const { owner, member } = await teamWithMember(url, 'teacher');
    const cycleId = await syncCycleDoc(wsUrl, member);
    const bytes = imageBytes(PNG_SIGNATURE, 50_000);

    const put = await upload(url, member, cycleId, bytes, 'image/png');
    expect(put.status).toBe(201);
    expect(put.body).toEqual({ hash: sha256(bytes), bytes: bytes.length, type: 'image/png' });
    expect(await storedPhotos(test, owner.teamId)).toEqual([sha256(bytes)]);

    const got = await download(url, owner, put.body.hash);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(got.headers.get('etag')).toBe(`"${put.body.hash}"`);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

    const revalidated = await download(url, owner, put.body.hash, {
      'if-none-match': `"${put.body.hash}"`,
    });
    expect(revalidated.status).toBe(304);
  });

  it('answers a re-upload of the same bytes with 200 and the same hash', async () => {
    const test = await startTestServer();
    const { url, wsUrl } = test;
    const owner = await createTeam(url);
    const bytes = imageBytes(JPEG_SIGNATURE);
    const cycleId = await syncCycleDoc(wsUrl, owner);
    const first = await upload(url, owner, cycleId, bytes);
    const again = await upload(url, owner, cycleId, bytes);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await storedPhotos(test, owner.teamId)).toEqual([first.body.hash]);
  });

  it('lets a guest download but not upload', async () => {
    const { url, wsUrl } = await startTestServer();
    const { owner, member: guest } = await teamWithMember(url, 'guest');
    const cycleId = await syncCycleDoc(wsUrl, owner);
    const put = await upload(url, owner, cycleId, imageBytes(JPEG_SIGNATURE));
    expect(put.status).toBe(201);
    expect((await download(url, guest, put.body.hash)).status).toBe(200);

    const refused = await upload(url, guest, cycleId, imageBytes(JPEG_SIGNATURE));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });

  it("refuses another team's token (403) and a missing token (401)", async () => {
    const test = await startTestServer();
    const { url, wsUrl } = test;
    const team = await createTeam(url);
    const other = await createTeam(url);
    const bytes = imageBytes(JPEG_SIGNATURE);
    const cycleId = await syncCycleDoc(wsUrl, team);

    const foreign = await upload(url, { teamId: team.teamId, token: other.token }, cycleId, bytes);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden');

    const anonymous = await upload(url, { teamId: team.teamId }, cycleId, bytes);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
    expect(await storedPhotos(test, team.teamId)).toEqual([]);

    const put = await upload(url, team, cycleId, bytes);
    const readByOther = await fetch(`${url}/api/teams/${team.teamId}/photos/${put.body.hash}`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(readByOther.status).toBe(403);
    const readAnonymously = await fetch(`${url}/api/teams/${team.teamId}/photos/${put.body.hash}`);
    expect(readAnonymously.status).toBe(401);
    // The other team does not have the photo under its own id either.
    expect((await download(url, other, put.body.hash)).status).toBe(404);
  });

  it('refuses a non-image, a lying Content-Type and a non-image Content-Type with 415', async () => {
    const test = await startTestServer();
    const { url, wsUrl } = test;
    const owner = await createTeam(url);
    const cycleId = await syncCycleDoc(wsUrl, owner);
    const text = Buffer.from('this is not a picture of pupil work, just text\n'.repeat(50));
    for (const [bytes, type] of [
      [text, 'image/jpeg'],
      [imageBytes(PNG_SIGNATURE), 'image/jpeg'],
      [imageBytes(JPEG_SIGNATURE), 'image/webp'],
      [imageBytes(JPEG_SIGNATURE), 'application/octet-stream'],
      [Buffer.from([0xff, 0xd8]), 'image/jpeg'],
    ] as const) {
      const refused = await upload(url, owner, cycleId, bytes, type);
      expect(refused.status, type).toBe(415);
      expect(refused.body.error.code).toBe('not_an_image');
    }
    expect(await storedPhotos(test, owner.teamId)).toEqual([]);
  });

  it('refuses a photo over PHOTO_MAX_BYTES with 413 and keeps nothing', async () => {
    const test = await startTestServer({ photoMaxBytes: 10_000 });
    const { url, wsUrl } = test;
    const owner = await createTeam(url);
    const cycleId = await syncCycleDoc(wsUrl, owner);
    expect((await upload(url, owner, cycleId, imageBytes(JPEG_SIGNATURE, 10_000))).status).toBe(
      201,
    );

    const tooLarge = await upload(url, owner, cycleId, imageBytes(JPEG_SIGNATURE, 10_001));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('payload_too_large');
    expect(await storedPhotos(test, owner.teamId)).toHaveLength(1);
  });

  it('refuses a streamed photo over the limit while reading it', async () => {
    const test = await startTestServer({ photoMaxBytes: 100_000 });
    const { url, wsUrl } = test;
    const owner = await createTeam(url);
    const cycleId = await syncCycleDoc(wsUrl, owner);
    const status = await new Promise<number | string>((resolve) => {
      const req = request(`${url}/api/teams/${owner.teamId}/photos?cycle=${cycleId}`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${owner.token}`,
          'content-type': 'image/jpeg',
          'transfer-encoding': 'chunked',
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (error) => resolve(error.message));
      req.write(imageBytes(JPEG_SIGNATURE, 64 * 1024));
      req.write(randomBytes(64 * 1024));
      // Never ended: the server must answer without waiting for the rest.
    });
    expect(status).toBe(413);
    await waitFor(async () => expect(await storedPhotos(test, owner.teamId)).toEqual([]));
  });

  // A file store's temporary file; on PostgreSQL an upload is held in memory until it is stored.
  it.skipIf(onPostgres)(
    'leaves neither a photo nor a temporary file when an upload is cut off halfway',
    async () => {
      const { url, wsUrl, dataDir, logs } = await startTestServer();
      const owner = await createTeam(url);
      const cycleId = await syncCycleDoc(wsUrl, owner);
      const dir = join(dataDir, 'photos', owner.teamId);
      const bytes = imageBytes(JPEG_SIGNATURE, 200_000);
      const req = request(`${url}/api/teams/${owner.teamId}/photos?cycle=${cycleId}`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${owner.token}`,
          'content-type': 'image/jpeg',
          'content-length': bytes.length,
        },
      });
      req.on('error', () => {});
      req.write(bytes.subarray(0, bytes.length / 2));
      // The server has started writing the upload to a temporary file …
      await waitFor(async () => expect((await filesIn(dir)).length).toBe(1));
      // … when the connection drops.
      req.destroy();
      await waitFor(async () => expect(await filesIn(dir)).toEqual([]));
      expect(existsSync(join(dir, sha256(bytes)))).toBe(false);
      expect(logs.filter((line) => line.includes('internal error'))).toEqual([]);
    },
  );

  it("deletes a cycle's photos, keeping files another cycle still links", async () => {
    const test = await startTestServer();
    const { url, wsUrl } = test;
    const owner = await createTeam(url);
    const invite = await createInvite(url, owner, { role: 'teacher' });
    const teacher = await joinTeam(url, invite.code);
    const cycleA = await syncCycleDoc(wsUrl, teacher);
    const cycleB = await syncCycleDoc(wsUrl, teacher);
    const onlyA = imageBytes(JPEG_SIGNATURE);
    const shared = imageBytes(PNG_SIGNATURE);
    const onlyB = imageBytes(JPEG_SIGNATURE);
    await upload(url, teacher, cycleA, onlyA);
    await upload(url, teacher, cycleA, shared, 'image/png');
    await upload(url, teacher, cycleB, shared, 'image/png');
    await upload(url, teacher, cycleB, onlyB);
    expect(await storedPhotos(test, owner.teamId)).toHaveLength(3);

    const path = `/api/teams/${owner.teamId}/cycles/${cycleA}/photos`;
    const byTeacher = await fetch(`${url}${path}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${teacher.token}` },
    });
    expect(byTeacher.status).toBe(403);

    const deleted = await fetch(`${url}${path}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(deleted.status).toBe(204);
    expect(await storedPhotos(test, owner.teamId)).toEqual([sha256(shared), sha256(onlyB)].sort());
    expect((await download(url, owner, sha256(onlyA))).status).toBe(404);
    expect((await download(url, owner, sha256(shared))).status).toBe(200);

    await fetch(`${url}/api/teams/${owner.teamId}/cycles/${cycleB}/photos`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(await storedPhotos(test, owner.teamId)).toEqual([]);
  });

  it('refuses a photo for a cycle the server does not know (404 cycle_unknown) until it syncs', async () => {
    const test = await startTestServer();
    const { url, wsUrl } = test;
    const owner = await createTeam(url);
    const other = await createTeam(url);
    const cycleId = newDocId();
    const bytes = imageBytes(JPEG_SIGNATURE);

    const unknown = await upload(url, owner, cycleId, bytes);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('cycle_unknown');
    // Another team's document under the same cycle id is not this team's cycle.
    await syncCycleDoc(wsUrl, other, cycleId);
    expect((await upload(url, owner, cycleId, bytes)).body.error.code).toBe('cycle_unknown');
    expect(await storedPhotos(test, owner.teamId)).toEqual([]);

    // The device that made the cycle offline comes online: its document arrives first.
    await syncCycleDoc(wsUrl, owner, cycleId);
    expect((await upload(url, owner, cycleId, bytes)).status).toBe(201);
  });

  it("refuses a new photo past the team's quota with 507 quota_exceeded", async () => {
    const test = await startTestServer({ photoQuotaPerTeamBytes: 10_000 });
    const { url, wsUrl } = test;
    const owner = await createTeam(url);
    const other = await createTeam(url);
    const [cycleA, cycleB] = [await syncCycleDoc(wsUrl, owner), await syncCycleDoc(wsUrl, owner)];
    const first = imageBytes(JPEG_SIGNATURE, 6_000);
    expect((await upload(url, owner, cycleA, first)).status).toBe(201);

    const over = await upload(url, owner, cycleB, imageBytes(JPEG_SIGNATURE, 6_000));
    expect(over.status).toBe(507);
    expect(over.body.error.code).toBe('quota_exceeded');
    expect(await storedPhotos(test, owner.teamId)).toEqual([sha256(first)]);
    // Bytes the team already has take no room: linking them to another cycle still works.
    expect((await upload(url, owner, cycleB, first)).status).toBe(200);
    // The quota is per team.
    const otherCycle = await syncCycleDoc(wsUrl, other);
    expect((await upload(url, other, otherCycle, imageBytes(JPEG_SIGNATURE, 6_000))).status).toBe(
      201,
    );

    // Deleting photos makes room again.
    for (const cycleId of [cycleA, cycleB]) {
      await fetch(`${url}/api/teams/${owner.teamId}/cycles/${cycleId}/photos`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${owner.token}` },
      });
    }
    expect((await upload(url, owner, cycleB, imageBytes(JPEG_SIGNATURE, 6_000))).status).toBe(201);
  });

  it('answers malformed hashes and cycle ids with 400', async () => {
    const { url } = await startTestServer();
    const owner = await createTeam(url);
    const badHash = await download(url, owner, 'A'.repeat(64));
    expect(badHash.status).toBe(400);
    const badCycle = await upload(url, owner, 'not-a-cycle', imageBytes(JPEG_SIGNATURE));
    expect(badCycle.status).toBe(400);
    expect(badCycle.body.error.code).toBe('bad_request');
  });
});
