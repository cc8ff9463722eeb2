import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { newMemberId, newTeamId } from '../../src/model/ids.ts';
import {
  api,
  createInvite,
  createTeam,
  joinTeam,
  startTestServer,
  teamWithMember,
} from './helpers.ts';

/** Streams `size` bytes with chunked encoding (no Content-Length) and returns the status, or the socket error. */
function postChunked(baseUrl: string, path: string, size: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => resolve(error.message));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe('HTTP API: bad input gets a 4xx, never a 500', () => {
  it('answers malformed JSON and schema violations with 400 bad_request', async () => {
    const { url } = await startTestServer();
    const malformed = await api(url, 'POST', '/api/teams', {
      rawBody: '{"name": "x",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });

    for (const body of [
      { name: 42, displayName: 'Ans' },
      { name: '', displayName: 'Ans' },
      { name: 'x'.repeat(121), displayName: 'Ans' },
      { name: 'Team' },
      { name: 'Team', displayName: 'Ans', teamId: 'NOT-AN-ID' },
      { name: 'Team', displayName: 'Ans', creatorKey: 'short' },
      [],
      'a string',
      null,
    ]) {
      const response = await api(url, 'POST', '/api/teams', { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('bad_request');
    }
  });

  it('refuses a body that is not JSON with 415', async () => {
    const { url } = await startTestServer();
    const response = await api(url, 'POST', '/api/teams', {
      rawBody: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('bad_request');
  });

  it('refuses bodies over 1 MB with 413, declared or streamed', async () => {
    const { url } = await startTestServer();
    const declared = await api(url, 'POST', '/api/teams', {
      rawBody: JSON.stringify({ name: 'x'.repeat(1_100_000), displayName: 'Ans' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('payload_too_large');
    expect(await postChunked(url, '/api/join', 3 * 1024 * 1024)).toBe(413);
    // The server is still fine afterwards.
    expect((await api(url, 'GET', '/healthz')).status).toBe(200);
  });

  it('answers unknown routes 404, wrong methods 405 and malformed path ids 400', async () => {
    const { url } = await startTestServer();
    const owner = await createTeam(url);
    const unknown = await api(url, 'GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');

    const wrongMethod = await api(url, 'GET', '/api/teams');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await api(url, 'PUT', `/api/teams/${owner.teamId}/invites`)).status).toBe(405);
    expect((await api(url, 'POST', '/healthz')).status).toBe(405);

    for (const path of [
      '/api/teams/not-an-id/invites',
      `/api/teams/${owner.teamId}/invites/XYZ`,
      `/api/teams/${owner.teamId}/members/%E0%A4%A`,
    ]) {
      const response = await api(url, 'GET', path, { token: owner.token });
      expect([400, 405], path).toContain(response.status);
    }
    const badId = await api(url, 'GET', '/api/teams/not-an-id/invites', { token: owner.token });
    expect(badId.status).toBe(400);
    const badMember = await api(url, 'DELETE', `/api/teams/${owner.teamId}/members/nope`, {
      token: owner.token,
    });
    expect(badMember.status).toBe(400);
  });

  it('needs a valid bearer token (401) of the same team (403)', async () => {
    const { url } = await startTestServer();
    const owner = await createTeam(url);
    const other = await createTeam(url);
    const path = `/api/teams/${owner.teamId}/invites`;
    const missing = await api(url, 'GET', path);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('unauthorized');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect((await api(url, 'GET', path, { token: 'forged' })).status).toBe(401);
    expect(
      (await api(url, 'GET', path, { headers: { authorization: `Basic ${owner.token}` } })).status,
    ).toBe(401);
    const foreign = await api(url, 'GET', path, { token: other.token });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden');
    // Also for a team that does not exist.
    expect(
      (await api(url, 'GET', `/api/teams/${newTeamId()}/invites`, { token: owner.token })).status,
    ).toBe(403);
  });

  it('sets security headers on every response', async () => {
    const { url } = await startTestServer();
    const response = await api(url, 'GET', '/healthz');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain(
      "connect-src 'self' ws: wss:",
    );
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('POST /api/teams', () => {
  it('creates a team with the creator as facilitator (201) and keeps client-chosen ids', async () => {
    const { url } = await startTestServer();
    const teamId = newTeamId();
    const memberId = newMemberId();
    const response = await api(url, 'POST', '/api/teams', {
      body: { name: '  Lesson study 3B ', displayName: 'Ans', teamId, memberId },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      teamId,
      memberId,
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      role: 'facilitator',
      teamName: 'Lesson study 3B',
      displayName: 'Ans',
    });
  });

  it('is idempotent for the same teamId and creatorKey, and a conflict otherwise', async () => {
    const { url } = await startTestServer();
    const teamId = newTeamId();
    const body = {
      name: 'Team',
      displayName: 'Ans',
      teamId,
      creatorKey: 'device-secret-0123456789',
    };
    const first = await api(url, 'POST', '/api/teams', { body });
    expect(first.status).toBe(201);
    const retry = await api(url, 'POST', '/api/teams', { body });
    expect(retry.status).toBe(200);
    expect(retry.body.memberId).toBe(first.body.memberId);
    expect(retry.body.token).not.toBe(first.body.token);
    // Both tokens work.
    for (const token of [first.body.token, retry.body.token]) {
      expect((await api(url, 'GET', `/api/teams/${teamId}/invites`, { token })).status).toBe(200);
    }
    const otherKey = await api(url, 'POST', '/api/teams', {
      body: { ...body, creatorKey: 'another-device-secret-xyz' },
    });
    expect(otherKey.status).toBe(409);
    expect(otherKey.body.error.code).toBe('conflict');
    const noKey = await api(url, 'POST', '/api/teams', {
      body: { name: 'Team', displayName: 'X', teamId },
    });
    expect(noKey.status).toBe(409);
  });
});

describe('PATCH /api/teams/:teamId/members/:memberId', () => {
  it('lets a facilitator change roles and names and returns MemberInfo', async () => {
    const { url } = await startTestServer();
    const { owner, member } = await teamWithMember(url);
    const response = await api(
      url,
      'PATCH',
      `/api/teams/${owner.teamId}/members/${member.memberId}`,
      {
        token: owner.token,
        body: { role: 'coach', displayName: 'Bram B.' },
      },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      memberId: member.memberId,
      role: 'coach',
      displayName: 'Bram B.',
      joinedAt: expect.any(String),
    });
  });

  it('lets members rename only themselves and never change roles', async () => {
    const { url } = await startTestServer();
    const { owner, member } = await teamWithMember(url);
    const self = `/api/teams/${owner.teamId}/members/${member.memberId}`;
    expect(
      (await api(url, 'PATCH', self, { token: member.token, body: { displayName: 'B' } })).status,
    ).toBe(200);
    expect(
      (await api(url, 'PATCH', self, { token: member.token, body: { role: 'facilitator' } }))
        .status,
    ).toBe(403);
    const other = `/api/teams/${owner.teamId}/members/${owner.memberId}`;
    expect(
      (await api(url, 'PATCH', other, { token: member.token, body: { displayName: 'X' } })).status,
    ).toBe(403);
    const unknown = `/api/teams/${owner.teamId}/members/${newMemberId()}`;
    expect(
      (await api(url, 'PATCH', unknown, { token: owner.token, body: { displayName: 'X' } })).status,
    ).toBe(404);
    expect(
      (await api(url, 'PATCH', self, { token: owner.token, body: { role: 'admin' } })).status,
    ).toBe(400);
  });

  it('refuses to demote the last facilitator (409)', async () => {
    const { url } = await startTestServer();
    const owner = await createTeam(url);
    const response = await api(
      url,
      'PATCH',
      `/api/teams/${owner.teamId}/members/${owner.memberId}`,
      {
        token: owner.token,
        body: { role: 'teacher' },
      },
    );
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('conflict');
  });
});

describe('DELETE /api/teams/:teamId/members/:memberId', () => {
  it('lets a facilitator remove anyone and anyone leave, but not remove others', async () => {
    const { url } = await startTestServer();
    const owner = await createTeam(url);
    const invite = await createInvite(url, owner);
    const a = await joinTeam(url, invite.code, 'A');
    const b = await joinTeam(url, invite.code, 'B');
    const path = (memberId: string) => `/api/teams/${owner.teamId}/members/${memberId}`;

    expect((await api(url, 'DELETE', path(b.memberId), { token: a.token })).status).toBe(403);
    expect((await api(url, 'DELETE', path(a.memberId), { token: a.token })).status).toBe(204);
    expect((await api(url, 'DELETE', path(b.memberId), { token: owner.token })).status).toBe(204);
    expect((await api(url, 'DELETE', path(b.memberId), { token: owner.token })).status).toBe(404);
    expect(
      (await api(url, 'GET', `/api/teams/${owner.teamId}/invites`, { token: b.token })).status,
    ).toBe(401);
  });

  it('refuses to remove the last facilitator, even when they leave themselves (409)', async () => {
    const { url } = await startTestServer();
    const { owner, member } = await teamWithMember(url, 'facilitator');
    const path = (memberId: string) => `/api/teams/${owner.teamId}/members/${memberId}`;
    expect((await api(url, 'DELETE', path(member.memberId), { token: owner.token })).status).toBe(
      204,
    );
    const last = await api(url, 'DELETE', path(owner.memberId), { token: owner.token });
    expect(last.status).toBe(409);
  });
});
