import { resolve } from 'node:path';
import * as v from 'valibot';
import { DEFAULT_TRUSTED_PROXIES, parseProxyEntry } from './http/clientAddress.ts';
import { DEFAULT_SYNC_LIMITS, type SyncServerLimits } from './main.ts';
import { DEFAULT_PHOTO_MAX_BYTES, DEFAULT_PHOTO_QUOTA_PER_TEAM_BYTES } from './services/photos.ts';
import { DEFAULT_MAX_TEAMS, DEFAULT_TEAM_CREATE_RATE_LIMIT } from './services/teams.ts';
import { DEFAULT_GUARD_LIMITS } from './sync/updateGuard.ts';

/**
 * Server settings, read from the environment once (nothing else reads
 * process.env):
 *
 *   PORT              TCP port for HTTP, API and WebSocket          @default 8787
 *   HOST              address to listen on                          @default 0.0.0.0
 *   DATA_DIR          directory of the SQLite database and photos   @default ./data
 *   DATABASE_URL      postgres://user:password@host:port/database: store everything in
 *                     PostgreSQL instead of SQLite under DATA_DIR, for several instances
 *                     behind a load balancer                        @default unset (SQLite)
 *   REDIS_URL         redis://host:port: share document updates, presence and rate limits
 *                     between instances through Redis; needs DATABASE_URL @default unset
 *   DIST_DIR          the built app to serve                        @default <repo>/dist
 *   JOIN_RATE_LIMIT   invite previews + joins per client per minute  @default 10
 *   TEAM_CREATE_RATE_LIMIT  new teams per client address per hour (POST /api/teams needs no
 *                     token); idempotent retries of an existing team do not use it but are
 *                     limited to as many per address and team      @default 20
 *   MAX_TEAMS         teams the server holds at most; beyond it team creation answers 507
 *                     team_limit_reached                            @default 10000
 *   TRUST_PROXY       1 = take the client address from X-Forwarded-For (behind a proxy) @default 0
 *   TRUSTED_PROXIES   with TRUST_PROXY=1: comma-separated addresses and CIDR ranges (IPv4, IPv6)
 *                     of the proxies in front; the client is the rightmost X-Forwarded-For hop
 *                     not among them, and a request whose socket is not one of them has its
 *                     X-Forwarded-For ignored                       @default 127.0.0.1/8,::1
 *   PHOTO_MAX_BYTES   largest photo upload, in bytes                 @default 8388608 (8 MiB)
 *   PHOTO_QUOTA_PER_TEAM_BYTES  bytes all photos of one team may take together; a new photo
 *                     beyond it answers 507 quota_exceeded          @default 1073741824 (1 GiB)
 *
 * Sync limits (README "Limits and quotas"; beyond each the sender's socket is closed with
 * the close code in brackets, or the document is refused with the reason in quotes):
 *
 *   SYNC_MAX_MESSAGE_BYTES
 *       largest WebSocket message (1009)  @default 10485760 (10 MiB)
 *   MAX_UPDATE_BYTES
 *       bytes of one update (4413)  @default 8388608 (8 MiB)
 *   MAX_UPDATE_STRUCTS
 *       structs in one update (4413)  @default 200000
 *   MAX_UPDATE_TYPES
 *       shared types one update creates (4413)  @default 20000
 *   MAX_NESTING_DEPTH
 *       how deep shared types nest (4413)  @default 48
 *   MAX_DOCUMENT_BYTES
 *       stored bytes of one document (4507)  @default 33554432 (32 MiB)
 *   MAX_DOCUMENT_STRUCTS
 *       structs one document holds (4413)  @default 500000
 *   MAX_DOCUMENT_TYPES
 *       shared types one document holds (4413)  @default 50000
 *   SYNC_SOCKET_RATE
 *       messages/s per socket, bursts of 10x that (4429)  @default 100
 *   SYNC_MEMBER_RATE
 *       messages/s per member over all sockets, bursts of 10x (4429)  @default 200
 *   MAX_OPEN_DOCUMENTS_PER_MEMBER
 *       documents one member has open at once ("too-many-documents")  @default 100
 *   MAX_DOCUMENTS_PER_TEAM
 *       documents one team stores; no new one beyond ("quota-exceeded")  @default 2000
 *   SYNC_CONNECT_RATE_LIMIT
 *       WebSocket connections per client address per minute (HTTP 429)  @default 600
 *   MEMORY_HIGH_WATER_PERCENT
 *       percent of the V8 heap limit above which no document loads ("server-busy")
 *       or grows (1013)  @default 80
 */
export type Config = {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** PostgreSQL instead of SQLite under dataDir. */
  readonly databaseUrl: string | undefined;
  /** Fan-out and shared limits between instances. */
  readonly redisUrl: string | undefined;
  readonly distDir: string | undefined;
  readonly joinRateLimit: number;
  readonly teamCreateRateLimit: number;
  readonly maxTeams: number;
  readonly trustProxy: boolean;
  readonly trustedProxies: readonly string[];
  readonly photoMaxBytes: number;
  readonly photoQuotaPerTeamBytes: number;
  /** Largest WebSocket message, in bytes (startServer's `maxPayload`). */
  readonly syncMaxMessageBytes: number;
  /** startServer's `sync`; `validateUpdates` is for benchmarks only, so not configurable. */
  readonly sync: Omit<SyncServerLimits, 'validateUpdates'>;
};

const MAX_MESSAGE_BYTES_DEFAULT = 10 * 1024 * 1024;
/** A burst lets an honest client catch up after being offline without tripping the rate. */
const BURST_FACTOR = 10;

const integer = (min: number, max: number, fallback: number) =>
  v.pipe(
    v.optional(v.string(), String(fallback)),
    v.trim(),
    v.transform((value) => (value === '' ? fallback : Number(value))),
    v.number(),
    v.integer(),
    v.minValue(min),
    v.maxValue(max),
  );

const flag = v.pipe(
  v.optional(v.string(), '0'),
  v.trim(),
  v.toLowerCase(),
  v.picklist(['', '0', '1', 'false', 'true', 'no', 'yes']),
  v.transform((value) => value === '1' || value === 'true' || value === 'yes'),
);

const nonEmpty = (fallback: string) =>
  v.pipe(
    v.optional(v.string(), fallback),
    v.trim(),
    v.transform((value) => (value === '' ? fallback : value)),
  );

/** An optional URL with one of `protocols`; empty counts as unset. */
const optionalUrl = (protocols: readonly string[], example: string) =>
  v.pipe(
    v.optional(v.string(), ''),
    v.trim(),
    v.check((value) => {
      if (value === '') return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `expected a URL like ${example}`),
    v.transform((value) => (value === '' ? undefined : value)),
  );

const proxyList = v.pipe(
  v.optional(v.string(), ''),
  v.transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0),
  ),
  v.transform((entries) => (entries.length === 0 ? [...DEFAULT_TRUSTED_PROXIES] : entries)),
  v.check(
    (entries) => entries.every((entry) => parseProxyEntry(entry) !== null),
    'expected comma-separated IP addresses or CIDR ranges, e.g. 127.0.0.1/8,::1,10.0.0.0/8',
  ),
);

const EnvSchema = v.object({
  PORT: integer(0, 65535, 8787),
  HOST: nonEmpty('0.0.0.0'),
  DATA_DIR: nonEmpty('./data'),
  DATABASE_URL: optionalUrl(
    ['postgres:', 'postgresql:'],
    'postgres://user:password@host:5432/leskring',
  ),
  REDIS_URL: optionalUrl(['redis:', 'rediss:'], 'redis://host:6379'),
  DIST_DIR: v.optional(v.string()),
  JOIN_RATE_LIMIT: integer(1, 100_000, 10),
  TEAM_CREATE_RATE_LIMIT: integer(1, 100_000, DEFAULT_TEAM_CREATE_RATE_LIMIT),
  MAX_TEAMS: integer(1, 100_000_000, DEFAULT_MAX_TEAMS),
  TRUST_PROXY: flag,
  TRUSTED_PROXIES: proxyList,
  PHOTO_MAX_BYTES: integer(1, 1024 * 1024 * 1024, DEFAULT_PHOTO_MAX_BYTES),
  PHOTO_QUOTA_PER_TEAM_BYTES: integer(
    1,
    Number.MAX_SAFE_INTEGER,
    DEFAULT_PHOTO_QUOTA_PER_TEAM_BYTES,
  ),
  SYNC_MAX_MESSAGE_BYTES: integer(1, 1024 * 1024 * 1024, MAX_MESSAGE_BYTES_DEFAULT),
  MAX_UPDATE_BYTES: integer(1, 1024 * 1024 * 1024, DEFAULT_GUARD_LIMITS.maxUpdateBytes),
  MAX_UPDATE_STRUCTS: integer(1, 1_000_000_000, DEFAULT_GUARD_LIMITS.maxStructs),
  MAX_UPDATE_TYPES: integer(1, 1_000_000_000, DEFAULT_GUARD_LIMITS.maxTypes),
  MAX_NESTING_DEPTH: integer(1, 1000, DEFAULT_GUARD_LIMITS.maxDepth),
  MAX_DOCUMENT_BYTES: integer(1, Number.MAX_SAFE_INTEGER, DEFAULT_SYNC_LIMITS.maxDocumentBytes),
  MAX_DOCUMENT_STRUCTS: integer(1, 1_000_000_000, DEFAULT_GUARD_LIMITS.maxDocumentStructs),
  MAX_DOCUMENT_TYPES: integer(1, 1_000_000_000, DEFAULT_GUARD_LIMITS.maxDocumentTypes),
  SYNC_SOCKET_RATE: integer(1, 1_000_000, DEFAULT_SYNC_LIMITS.socketRate.ratePerSecond),
  SYNC_MEMBER_RATE: integer(1, 1_000_000, DEFAULT_SYNC_LIMITS.memberRate.ratePerSecond),
  MAX_OPEN_DOCUMENTS_PER_MEMBER: integer(1, 100_000, DEFAULT_SYNC_LIMITS.maxOpenDocumentsPerMember),
  MAX_DOCUMENTS_PER_TEAM: integer(1, 100_000_000, DEFAULT_SYNC_LIMITS.maxDocumentsPerTeam),
  SYNC_CONNECT_RATE_LIMIT: integer(1, 100_000, DEFAULT_SYNC_LIMITS.connectRateLimit),
  MEMORY_HIGH_WATER_PERCENT: integer(1, 100, Math.round(DEFAULT_SYNC_LIMITS.memoryHighWater * 100)),
});

/** Parses the environment; throws a readable error naming the bad variables. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Config {
  const result = v.safeParse(EnvSchema, {
    PORT: env.PORT,
    HOST: env.HOST,
    DATA_DIR: env.DATA_DIR,
    DATABASE_URL: env.DATABASE_URL,
    REDIS_URL: env.REDIS_URL,
    DIST_DIR: env.DIST_DIR,
    JOIN_RATE_LIMIT: env.JOIN_RATE_LIMIT,
    TEAM_CREATE_RATE_LIMIT: env.TEAM_CREATE_RATE_LIMIT,
    MAX_TEAMS: env.MAX_TEAMS,
    TRUST_PROXY: env.TRUST_PROXY,
    TRUSTED_PROXIES: env.TRUSTED_PROXIES,
    PHOTO_MAX_BYTES: env.PHOTO_MAX_BYTES,
    PHOTO_QUOTA_PER_TEAM_BYTES: env.PHOTO_QUOTA_PER_TEAM_BYTES,
    SYNC_MAX_MESSAGE_BYTES: env.SYNC_MAX_MESSAGE_BYTES,
    MAX_UPDATE_BYTES: env.MAX_UPDATE_BYTES,
    MAX_UPDATE_STRUCTS: env.MAX_UPDATE_STRUCTS,
    MAX_UPDATE_TYPES: env.MAX_UPDATE_TYPES,
    MAX_NESTING_DEPTH: env.MAX_NESTING_DEPTH,
    MAX_DOCUMENT_BYTES: env.MAX_DOCUMENT_BYTES,
    MAX_DOCUMENT_STRUCTS: env.MAX_DOCUMENT_STRUCTS,
    MAX_DOCUMENT_TYPES: env.MAX_DOCUMENT_TYPES,
    SYNC_SOCKET_RATE: env.SYNC_SOCKET_RATE,
    SYNC_MEMBER_RATE: env.SYNC_MEMBER_RATE,
    MAX_OPEN_DOCUMENTS_PER_MEMBER: env.MAX_OPEN_DOCUMENTS_PER_MEMBER,
    MAX_DOCUMENTS_PER_TEAM: env.MAX_DOCUMENTS_PER_TEAM,
    SYNC_CONNECT_RATE_LIMIT: env.SYNC_CONNECT_RATE_LIMIT,
    MEMORY_HIGH_WATER_PERCENT: env.MEMORY_HIGH_WATER_PERCENT,
  });
  if (!result.success) {
    const problems = result.issues.map(
      (issue) => `${v.getDotPath(issue) ?? '?'}: ${issue.message}`,
    );
    throw new Error(`invalid environment: ${problems.join('; ')}`);
  }
  const parsed = result.output;
  if (parsed.REDIS_URL !== undefined && parsed.DATABASE_URL === undefined) {
    // Instances sharing Redis but each with its own SQLite file would each hold part of the data.
    throw new Error(
      'invalid environment: REDIS_URL needs DATABASE_URL (instances share one PostgreSQL)',
    );
  }
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir: resolve(parsed.DATA_DIR),
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    distDir: parsed.DIST_DIR?.trim() ? resolve(parsed.DIST_DIR) : undefined,
    joinRateLimit: parsed.JOIN_RATE_LIMIT,
    teamCreateRateLimit: parsed.TEAM_CREATE_RATE_LIMIT,
    maxTeams: parsed.MAX_TEAMS,
    trustProxy: parsed.TRUST_PROXY,
    trustedProxies: parsed.TRUSTED_PROXIES,
    photoMaxBytes: parsed.PHOTO_MAX_BYTES,
    photoQuotaPerTeamBytes: parsed.PHOTO_QUOTA_PER_TEAM_BYTES,
    syncMaxMessageBytes: parsed.SYNC_MAX_MESSAGE_BYTES,
    sync: {
      update: {
        ...DEFAULT_GUARD_LIMITS,
        maxUpdateBytes: parsed.MAX_UPDATE_BYTES,
        maxStructs: parsed.MAX_UPDATE_STRUCTS,
        maxTypes: parsed.MAX_UPDATE_TYPES,
        maxDepth: parsed.MAX_NESTING_DEPTH,
        maxDocumentStructs: parsed.MAX_DOCUMENT_STRUCTS,
        maxDocumentTypes: parsed.MAX_DOCUMENT_TYPES,
      },
      maxDocumentBytes: parsed.MAX_DOCUMENT_BYTES,
      socketRate: {
        ratePerSecond: parsed.SYNC_SOCKET_RATE,
        burst: BURST_FACTOR * parsed.SYNC_SOCKET_RATE,
      },
      memberRate: {
        ratePerSecond: parsed.SYNC_MEMBER_RATE,
        burst: BURST_FACTOR * parsed.SYNC_MEMBER_RATE,
      },
      maxOpenDocumentsPerMember: parsed.MAX_OPEN_DOCUMENTS_PER_MEMBER,
      maxDocumentsPerTeam: parsed.MAX_DOCUMENTS_PER_TEAM,
      connectRateLimit: parsed.SYNC_CONNECT_RATE_LIMIT,
      memoryHighWater: parsed.MEMORY_HIGH_WATER_PERCENT / 100,
    },
  };
}
