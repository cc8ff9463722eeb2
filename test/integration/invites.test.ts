import { describe, expect, it } from 'vitest';
import { formatInviteCode } from '../../src/model/inviteCode.ts';
import { setTeamName } from '../../src/model/teamDoc.ts';
import {
  api,
  createInvite,
  createTeam,
  isSettled,
  joinTeam,
  newProvider,
  startTestServer,
  teamWithMember,
  waitFor,
} from './helpers.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('invites: create, list, preview, join, revoke', () => {
  it('creates an invite with defaults and returns its code once', async () => {
    const { url } = await startTestServer({ now: () => new Date('2026-03-02T09:00:00Z') });
    const owner = await createTeam(url);
    const response = await api(url, 'POST', `/api/teams/${owner.teamId}/invites`, {
      token: owner.token,
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      inviteId: expect.stringMatching(/^[0-9a-z]{16}$/),
      code: expect.stringMatching(/^[0-9A-Z]{10}$/),
      role: 'teacher',
      expiresAt: '2026-03-09T09:00:00.000Z',
      singleUse: false,
    });
    const list = await api(url, 'GET', `/api/teams/${owner.teamId}/invites`, {
      token: owner.token,
    });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      invites: [
        {
          inviteId: response.body.inviteId,
          role: 'teacher',
          createdBy: owner.memberId,
          createdAt: '2026-03-02T09:00:00.000Z',
          expiresAt: '2026-03-09T09:00:00.000Z',
          revokedAt: null,
          singleUse: false,
          uses: 0,
        },
      ],
    });
    expect(JSON.stringify(list.body)).not.toContain(response.body.code);
  });

  it('previews the team under the name its members gave it last, not the one it was created with', async () => {
    const { url, wsUrl } = await startTestServer();
    const owner = await createTeam(url, { name: 'Rekenen bovenbouw' });
    const invite = await createInvite(url, owner);
    const preview = () => api(url, 'POST', '/api/invites/preview', { body: { code: invite.code } });
    expect((await preview()).body.teamName).toBe('Rekenen bovenbouw');
    const team = newProvider(wsUrl, { name: owner.teamId, token: owner.token });
    await waitFor(() => expect(isSettled(team)).toBe(true));
    setTeamName(team.doc, 'Rekenen groep 7 en 8');
    await waitFor(async () => expect((await preview()).body.teamName).toBe('Rekenen groep 7 en 8'));
    // A name the document cannot hold never reaches the server's copy.
    team.doc.getMap('meta').set('name', '   ');
    await waitFor(() => expect(isSettled(team)).toBe(true));
    expect((await preview()).body.teamName).toBe('Rekenen groep 7 en 8');
  });

  it('previews and joins with a code typed with or without dash, in any case', async () => {
    const { url } = await startTestServer();
    const owner = await createTeam(url, { name: 'Rekenen bovenbouw' });
    const invite = await createInvite(url, owner, { role: 'coach', expiresInDays: 3 });
    const typed = formatInviteCode(invite.code).toLowerCase();
    const preview = await api(url, 'POST', '/api/invites/preview', { body: { code: typed } });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      teamName: 'Rekenen bovenbouw',
      role: 'coach',
      expiresAt: invite.expiresAt,
    });

    const joined = await api(url, 'POST', '/api/join', {
      body: { code: typed, displayName: ' Bram ' },
    });
    expect(joined.status).toBe(201);
    expect(joined.body).toEqual({
      teamId: owner.teamId,
      memberId: expect.stringMatching(/^[0-9a-z]{16}$/),
      token: expect.any(String),
      role: 'coach',
      teamName: 'Rekenen bovenbouw',
      displayName: 'Bram',
    });
    const joinedAgain = await joinTeam(url, invite.code, 'Chris');
    expect(joinedAgain.memberId).not.toBe(joined.body.memberId);
    const list = await api(url, 'GET', `/api/teams/${owner.teamId}/invites`, {
      token: owner.token,
    });
    expect(list.body.invites[0].uses).toBe(2);
  });

  it('answers unknown codes 404 and malformed codes 400, both invite_invalid', async () => {
    const { url } = await startTestServer();
    const unknown = await api(url, 'POST', '/api/join', {
      body: { code: 'ABCDE-FGHJK', displayName: 'X' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('invite_invalid');
    const malformed = await api(url, 'POST', '/api/invites/preview', { body: { code: 'nope' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invite_invalid');
    expect((await api(url, 'POST', '/api/join', { body: { code: 12 } })).status).toBe(400);
  });

  it('expires invites after expiresInDays (410 invite_expired)', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const { url } = await startTestServer({ now: () => new Date(now) });
    const owner = await createTeam(url);
    const invite = await createInvite(url, owner, { expiresInDays: 2 });
    now += 2 * DAY - 1000;
    expect(
      (await api(url, 'POST', '/api/invites/preview', { body: { code: invite.code } })).status,
    ).toBe(200);
    now += 1000;
    const preview = await api(url, 'POST', '/api/invites/preview', { body: { code: invite.code } });
    expect(preview.status).toBe(410);
    expect(preview.body.error.code).toBe('invite_expired');
    const join = await api(url, 'POST', '/api/join', {
      body: { code: invite.code, displayName: 'X' },
    });
    expect(join.status).toBe(410);
    expect(join.body.error.code).toBe('invite_expired');
  });

  it('uses up a single-use invite (410 invite_revoked on the second join)', async () => {
    const { url } = await startTestServer();
    const owner = await createTeam(url);
    const invite = await createInvite(url, owner, { singleUse: true });
    await joinTeam(url, invite.code, 'First');
    const second = await api(url, 'POST', '/api/join', {
      body: { code: invite.code, displayName: 'Second' },
    });
    expect(second.status).toBe(410);
    expect(second.body.error.code).toBe('invite_revoked');
  });

  it('lets the creator or a facilitator revoke an invite, nobody else', async () => {
    const { url } = await startTestServer();
    const { owner, member: teacher } = await teamWithMember(url);
    const teacherInvite = await createInvite(url, teacher, { role: 'teacher' });
    const ownerInvite = await createInvite(url, owner);
    const path = (inviteId: string) => `/api/teams/${owner.teamId}/invites/${inviteId}`;

    expect(
      (await api(url, 'DELETE', path(ownerInvite.inviteId), { token: teacher.token })).status,
    ).toBe(403);
    expect(
      (await api(url, 'DELETE', path(teacherInvite.inviteId), { token: teacher.token })).status,
    ).toBe(204);
    expect(
      (await api(url, 'DELETE', path(ownerInvite.inviteId), { token: owner.token })).status,
    ).toBe(204);
    expect(
      (await api(url, 'DELETE', path(ownerInvite.inviteId), { token: owner.token })).status,
    ).toBe(204);
    expect(
      (await api(url, 'DELETE', path('0000000000000000'), { token: owner.token })).status,
    ).toBe(404);

    const join = await api(url, 'POST', '/api/join', {
      body: { code: ownerInvite.code, displayName: 'X' },
    });
    expect(join.status).toBe(410);
    expect(join.body.error.code).toBe('invite_revoked');
    const list = await api(url, 'GET', `/api/teams/${owner.teamId}/invites`, {
      token: owner.token,
    });
    const revoked = list.body.invites
      .filter((i: { revokedAt: string | null }) => i.revokedAt !== null)
      .map((i: { inviteId: string }) => i.inviteId)
      .sort();
    expect(revoked).toEqual([ownerInvite.inviteId, teacherInvite.inviteId].sort());
  });

  it('keeps guests from inviting and non-facilitators from inviting facilitators', async () => {
    const { url } = await startTestServer();
    const { owner, member: guest } = await teamWithMember(url, 'guest');
    const teacher = await joinTeam(url, (await createInvite(url, owner)).code);
    const path = `/api/teams/${owner.teamId}/invites`;
    expect((await api(url, 'POST', path, { token: guest.token, body: {} })).status).toBe(403);
    expect((await api(url, 'GET', path, { token: guest.token })).status).toBe(403);
    expect(
      (await api(url, 'POST', path, { token: teacher.token, body: { role: 'facilitator' } }))
        .status,
    ).toBe(403);
    expect(
      (await api(url, 'POST', path, { token: owner.token, body: { role: 'facilitator' } })).status,
    ).toBe(201);
    for (const body of [
      { expiresInDays: 0 },
      { expiresInDays: 31 },
      { expiresInDays: 1.5 },
      { singleUse: 'yes' },
    ]) {
      expect(
        (await api(url, 'POST', path, { token: owner.token, body })).status,
        JSON.stringify(body),
      ).toBe(400);
    }
  });
});

describe('rate limiting of invite previews and joins', () => {
  it('answers 429 with Retry-After once a client used its attempts', async () => {
    const { url } = await startTestServer({ joinRateLimit: { max: 3, windowMs: 60_000 } });
    const attempt = () =>
      api(url, 'POST', '/api/invites/preview', { body: { code: 'ABCDEFGHJK' } });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(404);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      (await api(url, 'POST', '/api/join', { body: { code: 'ABCDEFGHJK', displayName: 'X' } }))
        .status,
    ).toBe(429);
  });

  it('counts per X-Forwarded-For address only when trustProxy is on', async () => {
    const trusted = await startTestServer({ joinRateLimit: { max: 1 }, trustProxy: true });
    const from = (ip: string) =>
      api(trusted.url, 'POST', '/api/invites/preview', {
        body: { code: 'ABCDEFGHJK' },
        headers: { 'x-forwarded-for': ip },
      });
    expect((await from('10.0.0.1')).status).toBe(404);
    expect((await from('10.0.0.1')).status).toBe(429);
    expect((await from('10.0.0.2')).status).toBe(404);

    const direct = await startTestServer({ joinRateLimit: { max: 1 } });
    const spoof = (ip: string) =>
      api(direct.url, 'POST', '/api/invites/preview', {
        body: { code: 'ABCDEFGHJK' },
        headers: { 'x-forwarded-for': ip },
      });
    expect((await spoof('10.0.0.1')).status).toBe(404);
    expect((await spoof('10.0.0.2')).status).toBe(429);
  });
});
