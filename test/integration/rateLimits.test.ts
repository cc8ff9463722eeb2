import { describe, expect, it } from 'vitest';
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

  it('ignores X-Forwarded-For from a socket that is not a trusted proxy', async () => {
    const { url } = await startTestServer({
      joinRateLimit: { max: 2 },
      trustProxy: true,
      trustedProxies: ['10.0.0.0/8'],
    });
    expect((await preview(url, '198.51.100.1')).status).toBe(404);
    expect((await preview(url, '198.51.100.2')).status).toBe(404);
    expect((await preview(url, '198.51.100.3')).status).toBe(429);
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
