import { describe, expect, it } from 'vitest';
import { newMemberId, newTeamId } from '../../src/model/ids.ts';
import { api, startTestServer } from './helpers.ts';

const preview = (url: string, forwardedFor: string) =>
  api(url, 'POST', '/api/invites/preview', {
    body: { code: 'ABCDEFGHJK' },
    headers: { 'x-forwarded-for': forwardedFor },
  });

describe('rate limits behind a reverse proxy (TRUST_PROXY=1)', () => {
  it('counts the address the proxy saw, however the client spoofs the leftmost hop', async () => {
    const { url } = await startTestServer({ joinRateLimit: { max: 10 }, trustProxy: true });
    const statuses: number[] = [];
    // What nginx sends for a client that wrote its own X-Forwarded-For: `<spoof>, <real client>`.
    for (let i = 0; i < 30; i++) {
      statuses.push((await preview(url, `10.9.${i}.${i + 1}, 203.0.113.50`)).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));
    // Another real client behind the same proxy has its own budget.
    expect((await preview(url, '10.9.0.1, 203.0.113.51')).status).toBe(404);
  });

  it('skips every configured proxy, so a chain of proxies still finds the client', async () => {
    const { url } = await startTestServer({
      joinRateLimit: { max: 2 },
      trustProxy: true,
      trustedProxies: ['127.0.0.1', '10.20.0.0/16'],
    });
    const through = (spoof: string) => preview(url, `${spoof}, 198.51.100.7, 10.20.3.4`);
    expect((await through('1.1.1.1')).status).toBe(404);
    expect((await through('2.2.2.2')).status).toBe(404);
    expect((await through('3.3.3.3')).status).toBe(429);
  });

  it('ignores X-Forwarded-For from a socket that is not a trusted proxy, and says so once', async () => {
    const { url, logs } = await startTestServer({
      joinRateLimit: { max: 2 },
      trustProxy: true,
      trustedProxies: ['10.0.0.0/8'],
    });
    expect((await preview(url, '198.51.100.1')).status).toBe(404);
    expect((await preview(url, '198.51.100.2')).status).toBe(404);
    expect((await preview(url, '198.51.100.3')).status).toBe(429);
    expect(logs.filter((line) => line.includes('X-Forwarded-For from 127.0.0.1 ignored'))).toEqual([
      'X-Forwarded-For from 127.0.0.1 ignored: not in TRUSTED_PROXIES (said once)',
    ]);
  });

  it('counts IPv6 clients per /64', async () => {
    const { url } = await startTestServer({ joinRateLimit: { max: 2 }, trustProxy: true });
    expect((await preview(url, '2001:db8:5:6::1')).status).toBe(404);
    expect((await preview(url, '2001:db8:5:6::2')).status).toBe(404);
    expect((await preview(url, '2001:db8:5:6:ffff::3')).status).toBe(429);
    expect((await preview(url, '2001:db8:5:7::1')).status).toBe(404);
  });

  it('refuses to start with a malformed TRUSTED_PROXIES entry', async () => {
    await expect(
      startTestServer({ trustProxy: true, trustedProxies: ['proxy.school.nl'] }),
    ).rejects.toThrow(/proxy\.school\.nl/);
  });
});

const newTeam = (url: string, from: string, body: Record<string, unknown> = {}) =>
  api(url, 'POST', '/api/teams', {
    body: { name: 'Rekenen groep 5', displayName: 'Ans', ...body },
    headers: { 'x-forwarded-for': from },
  });

describe('team creation limits (POST /api/teams needs no token)', () => {
  it('limits new teams per client address, with Retry-After, also for a burst', async () => {
    const { url } = await startTestServer({
      teamCreateRateLimit: { max: 20 },
      trustProxy: true,
    });
    const burst = await Promise.all(Array.from({ length: 30 }, () => newTeam(url, '203.0.113.20')));
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    const limited = burst.find((response) => response.status === 429);
    expect(limited?.body.error.code).toBe('rate_limited');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await newTeam(url, '203.0.113.21')).status).toBe(201);
  });

  it('does not charge an idempotent retry to the budget for new teams', async () => {
    const { url } = await startTestServer({ teamCreateRateLimit: { max: 2 }, trustProxy: true });
    const offline = { teamId: newTeamId(), memberId: newMemberId(), creatorKey: 'k'.repeat(32) };
    const client = '198.51.100.30';
    expect((await newTeam(url, client, offline)).status).toBe(201);
    expect((await newTeam(url, client, offline)).status).toBe(200);
    expect((await newTeam(url, client, offline)).status).toBe(200);
    // The retries used nothing of the budget: one more new team fits, then it is spent.
    expect((await newTeam(url, client)).status).toBe(201);
    expect((await newTeam(url, client)).status).toBe(429);
    // Retries of one team are limited on their own (each issues a token) …
    expect((await newTeam(url, client, offline)).status).toBe(429);
    // … per address, so nobody else can use up a device's retries.
    expect((await newTeam(url, '198.51.100.31', offline)).status).toBe(200);
  });

  it('refuses new teams beyond MAX_TEAMS with 507 team_limit_reached, retries still work', async () => {
    const { url } = await startTestServer({ maxTeams: 2 });
    const offline = { teamId: newTeamId(), memberId: newMemberId(), creatorKey: 'k'.repeat(32) };
    expect((await newTeam(url, '1.1.1.1', offline)).status).toBe(201);
    expect((await newTeam(url, '1.1.1.1')).status).toBe(201);
    const refused = await newTeam(url, '1.1.1.1');
    expect(refused.status).toBe(507);
    expect(refused.body.error.code).toBe('team_limit_reached');
    expect((await newTeam(url, '1.1.1.1', offline)).status).toBe(200);
  });

  it('does not charge refused creations to the client', async () => {
    const { url } = await startTestServer({ maxTeams: 1, teamCreateRateLimit: { max: 2 } });
    expect((await newTeam(url, '1.1.1.1')).status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await newTeam(url, '1.1.1.1')).status).toBe(507);
  });
});
