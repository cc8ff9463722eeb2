import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  api,
  createInvite,
  createTeam,
  type Membership,
  startTestServer,
  syncCycleDoc,
} from './helpers.ts';

const jpeg = () =>
  new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64 * 1024)]));

async function putPhoto(
  url: string,
  member: Membership,
  cycleId: string,
  bytes: Uint8Array<ArrayBuffer>,
) {
  const response = await fetch(`${url}/api/teams/${member.teamId}/photos?cycle=${cycleId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${member.token}`, 'content-type': 'image/jpeg' },
    body: bytes,
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe('a full disk: the API answers 507 storage_full, never 500', () => {
  it('refuses team creation, joining and photo uploads with 507 JSON and keeps running', async () => {
    let full = false;
    const { url, wsUrl, dataDir, logs } = await startTestServer({
      failStorage: () => full,
      failWrites: () => full,
    });
    const owner = await createTeam(url);
    const invite = await createInvite(url, owner);
    const cycleId = await syncCycleDoc(wsUrl, owner);

    full = true;
    const team = await api(url, 'POST', '/api/teams', {
      body: { name: 'Taal groep 7', displayName: 'Bo' },
    });
    const joined = await api(url, 'POST', '/api/join', {
      body: { code: invite.code, displayName: 'Bram' },
    });
    const photo = await putPhoto(url, owner, cycleId, jpeg());
    for (const refused of [team, joined, photo]) {
      expect(refused.status).toBe(507);
      expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
      expect(refused.body.error.code).toBe('storage_full');
      expect(refused.headers.get('retry-after')).toBe('60');
    }
    expect(logs.filter((line) => line.includes('internal error'))).toEqual([]);
    expect(logs.filter((line) => line.startsWith('storage full on '))).toHaveLength(3);
    // Nothing half-written is left behind, and reading still works.
    expect(await readdir(join(dataDir, 'photos', owner.teamId))).toEqual([]);
    expect((await api(url, 'GET', '/healthz')).status).toBe(200);
    expect(
      (await api(url, 'GET', `/api/teams/${owner.teamId}/invites`, { token: owner.token })).status,
    ).toBe(200);

    // Once the administrator made room, the same requests simply succeed.
    full = false;
    expect(
      (await api(url, 'POST', '/api/teams', { body: { name: 'Taal groep 7', displayName: 'Bo' } }))
        .status,
    ).toBe(201);
    expect(
      (await api(url, 'POST', '/api/join', { body: { code: invite.code, displayName: 'Bram' } }))
        .status,
    ).toBe(201);
    expect((await putPhoto(url, owner, cycleId, jpeg())).status).toBe(201);
  });
});
