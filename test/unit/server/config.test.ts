import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';

describe('loadConfig', () => {
  it('trusts loopback proxies by default', () => {
    expect(loadConfig({}).trustedProxies).toEqual(['127.0.0.1/8', '::1']);
    expect(loadConfig({ TRUSTED_PROXIES: ' ' }).trustedProxies).toEqual(['127.0.0.1/8', '::1']);
  });

  it('reads TRUSTED_PROXIES as a comma-separated list of addresses and ranges', () => {
    expect(
      loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32 ,::ffff:192.168.0.1,' })
        .trustedProxies,
    ).toEqual(['10.0.0.0/8', '2001:db8::/32', '::ffff:192.168.0.1']);
  });

  it('names TRUSTED_PROXIES when an entry is not an address or range', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8,proxy.local' })).toThrow(
      /TRUSTED_PROXIES/,
    );
  });

  it('limits team creation per address per hour and in total', () => {
    expect(loadConfig({})).toMatchObject({ teamCreateRateLimit: 20, maxTeams: 10_000 });
    expect(loadConfig({ TEAM_CREATE_RATE_LIMIT: '5', MAX_TEAMS: '300' })).toMatchObject({
      teamCreateRateLimit: 5,
      maxTeams: 300,
    });
    expect(() => loadConfig({ MAX_TEAMS: '0' })).toThrow(/MAX_TEAMS/);
    expect(() => loadConfig({ TEAM_CREATE_RATE_LIMIT: 'many' })).toThrow(/TEAM_CREATE_RATE_LIMIT/);
  });

  it('gives each team 1 GiB of photos unless PHOTO_QUOTA_PER_TEAM_BYTES says otherwise', () => {
    expect(loadConfig({}).photoQuotaPerTeamBytes).toBe(1024 * 1024 * 1024);
    expect(loadConfig({ PHOTO_QUOTA_PER_TEAM_BYTES: '5000000000' }).photoQuotaPerTeamBytes).toBe(
      5_000_000_000,
    );
    expect(() => loadConfig({ PHOTO_QUOTA_PER_TEAM_BYTES: '-1' })).toThrow(
      /PHOTO_QUOTA_PER_TEAM_BYTES/,
    );
  });
});
