import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { DEFAULT_SYNC_LIMITS } from '../../../server/main.ts';
import { DEFAULT_GUARD_LIMITS } from '../../../server/sync/updateGuard.ts';

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

describe('loadConfig: sync limits', () => {
  it('defaults to the sync server’s own limits', () => {
    const config = loadConfig({});
    expect(config.syncMaxMessageBytes).toBe(10 * 1024 * 1024);
    expect(config.sync).toEqual({
      update: DEFAULT_GUARD_LIMITS,
      maxDocumentBytes: 32 * 1024 * 1024,
      socketRate: { ratePerSecond: 100, burst: 1_000 },
      memberRate: { ratePerSecond: 200, burst: 2_000 },
      maxOpenDocumentsPerMember: 100,
      maxDocumentsPerTeam: 2_000,
      connectRateLimit: 600,
      memoryHighWater: 0.8,
    });
    const { validateUpdates: _, ...defaults } = DEFAULT_SYNC_LIMITS;
    expect(config.sync).toEqual(defaults);
  });

  it('reads every limit from the environment, bursts at ten times the rate', () => {
    const config = loadConfig({
      SYNC_MAX_MESSAGE_BYTES: '2097152',
      MAX_UPDATE_BYTES: '1048576',
      MAX_UPDATE_STRUCTS: '5000',
      MAX_UPDATE_TYPES: '600',
      MAX_NESTING_DEPTH: '12',
      MAX_DOCUMENT_BYTES: '4194304',
      MAX_DOCUMENT_STRUCTS: '70000',
      MAX_DOCUMENT_TYPES: '8000',
      SYNC_SOCKET_RATE: '20',
      SYNC_MEMBER_RATE: '30',
      MAX_OPEN_DOCUMENTS_PER_MEMBER: '9',
      MAX_DOCUMENTS_PER_TEAM: '400',
      SYNC_CONNECT_RATE_LIMIT: '15',
      MEMORY_HIGH_WATER_PERCENT: '65',
    });
    expect(config.syncMaxMessageBytes).toBe(2_097_152);
    expect(config.sync).toEqual({
      update: {
        ...DEFAULT_GUARD_LIMITS,
        maxUpdateBytes: 1_048_576,
        maxStructs: 5_000,
        maxTypes: 600,
        maxDepth: 12,
        maxDocumentStructs: 70_000,
        maxDocumentTypes: 8_000,
      },
      maxDocumentBytes: 4_194_304,
      socketRate: { ratePerSecond: 20, burst: 200 },
      memberRate: { ratePerSecond: 30, burst: 300 },
      maxOpenDocumentsPerMember: 9,
      maxDocumentsPerTeam: 400,
      connectRateLimit: 15,
      memoryHighWater: 0.65,
    });
  });

  it('stores in SQLite unless DATABASE_URL names PostgreSQL, and wants it for REDIS_URL', () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: undefined, redisUrl: undefined });
    const both = loadConfig({
      DATABASE_URL: 'postgres://leskring:secret@db:5432/leskring',
      REDIS_URL: 'redis://cache:6379',
    });
    expect(both).toMatchObject({
      databaseUrl: 'postgres://leskring:secret@db:5432/leskring',
      redisUrl: 'redis://cache:6379',
    });
    expect(loadConfig({ DATABASE_URL: ' ' }).databaseUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/leskring' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(
      /REDIS_URL needs DATABASE_URL/,
    );
  });

  it('names the variable of a refused limit', () => {
    expect(() => loadConfig({ MAX_UPDATE_BYTES: '8MB' })).toThrow(/MAX_UPDATE_BYTES/);
    expect(() => loadConfig({ SYNC_SOCKET_RATE: '0' })).toThrow(/SYNC_SOCKET_RATE/);
    expect(() => loadConfig({ MEMORY_HIGH_WATER_PERCENT: '120' })).toThrow(
      /MEMORY_HIGH_WATER_PERCENT/,
    );
    expect(() => loadConfig({ MAX_NESTING_DEPTH: '2.5' })).toThrow(/MAX_NESTING_DEPTH/);
  });
});
