import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Hocuspocus } from '@hocuspocus/server';
import { type Database, failingWrites } from './db/database.ts';
import { sqliteFullError } from './db/faults.ts';
import { openDatabase } from './db/open.ts';
import { sqliteDatabase } from './db/sqlite.ts';
import {
  clientAddressResolver,
  DEFAULT_TRUSTED_PROXIES,
  rateLimitKey,
  trustedProxies,
} from './http/clientAddress.ts';
import type { AppContext } from './http/context.ts';
import { rateLimiter, redisRateLimiter, redisWindowCounter } from './http/rateLimit.ts';
import { requestHandler } from './http/router.ts';
import { staticFiles } from './http/static.ts';
import type * as ScaleOutModule from './scaleOut.ts';
import { purgeAllDeletedDocuments } from './services/deletedDocuments.ts';
import type { ServiceDeps } from './services/deps.ts';
import { databasePhotoBytes, filePhotoBytes } from './services/photoBytes.ts';
import { DEFAULT_PHOTO_MAX_BYTES, DEFAULT_PHOTO_QUOTA_PER_TEAM_BYTES } from './services/photos.ts';
import { DEFAULT_MAX_TEAMS, DEFAULT_TEAM_CREATE_RATE_LIMIT } from './services/teams.ts';
import { authExtension } from './sync/auth.ts';
import { documentControl } from './sync/documents.ts';
import { heartbeatExtension } from './sync/heartbeat.ts';
import { DEFAULT_MAX_DOCUMENT_BYTES, persistence } from './sync/persistence.ts';
import { connectionControl } from './sync/revocation.ts';
import { rosterExtension, rosterWriter } from './sync/roster.ts';
import {
  DEFAULT_MAX_DOCUMENTS_PER_TEAM,
  DEFAULT_MAX_OPEN_DOCUMENTS_PER_MEMBER,
  DEFAULT_MEMBER_RATE,
  heapPressure,
  SHARED_WINDOW_MS,
  syncLimits,
} from './sync/syncLimits.ts';
import { createSyncServer, DEFAULT_SOCKET_RATE } from './sync/syncServer.ts';
import { teamDocWriter } from './sync/teamDocWriter.ts';
import { teamNameExtension } from './sync/teamName.ts';
import type { Rate } from './sync/tokenBucket.ts';
import { DEFAULT_GUARD_LIMITS, type GuardLimits, updateGuard } from './sync/updateGuard.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '..');

export type StartServerOptions = {
  /** TCP port; 0 picks a free one (see `RunningServer.port`). */
  port: number;
  /** Directory of the SQLite database and photos (created if missing); unused with `databaseUrl`. */
  dataDir: string;
  /** PostgreSQL (`postgres://…`) instead of SQLite: for several instances. @default SQLite in dataDir */
  databaseUrl?: string;
  /** Redis (`redis://…`) shared by the instances: document fan-out, presence, revocations. Needs databaseUrl. */
  redisUrl?: string;
  /** The built app to serve. @default `<repo>/dist` */
  distDir?: string;
  /** Address to listen on. @default '127.0.0.1' (start.ts passes HOST, default 0.0.0.0) */
  host?: string;
  /** Reported by /healthz. @default the version in package.json */
  version?: string;
  /** Where log lines go. @default console.log with a timestamp */
  log?: (line: string) => void;
  /** The clock for tokens, invites and members (tests expire invites with it). @default () => new Date() */
  now?: () => Date;
  /** Invite previews + joins allowed per client address per window. @default { max: 10, windowMs: 60_000 } */
  joinRateLimit?: { max: number; windowMs?: number };
  /**
   * New teams allowed per client address per window (POST /api/teams needs no token);
   * retries of an existing team are limited to the same number per address and team.
   * @default { max: 20, windowMs: 3_600_000 }
   */
  teamCreateRateLimit?: { max: number; windowMs?: number };
  /** Teams the server holds at most; beyond it POST /api/teams answers 507. @default 10_000 */
  maxTeams?: number;
  /** Take the client address from X-Forwarded-For (only behind a trusted proxy). @default false */
  trustProxy?: boolean;
  /**
   * With `trustProxy`: the proxies (addresses and CIDR ranges) whose
   * X-Forwarded-For hops are believed; the client is the rightmost hop not in
   * this list. @default loopback: ['127.0.0.1/8', '::1']
   */
  trustedProxies?: readonly string[];
  /** Rows in a document's update log before it is compacted into its snapshot. @default 500 */
  compactAfter?: number;
  /** Fault injection for tests: while it returns true, document writes fail as on a full disk. */
  failWrites?: () => boolean;
  /**
   * Fault injection for tests: while it returns true, the HTTP API's database
   * writes fail with SQLITE_FULL and photo files with ENOSPC, as on a full disk.
   */
  failStorage?: () => boolean;
  /** Largest WebSocket message, in bytes. @default 10 MiB */
  maxPayload?: number;
  /** Largest photo upload, in bytes (stored under `<dataDir>/photos`). @default 8 MiB */
  photoMaxBytes?: number;
  /** Bytes all photos of one team may take together; beyond it an upload answers 507. @default 1 GiB */
  photoQuotaPerTeamBytes?: number;
  /** What one update, document, socket and member may cost the sync server (README "Limits and quotas"). */
  sync?: Partial<SyncServerLimits>;
};

export type SyncServerLimits = {
  /** Per-update and per-document limits of the update guard. */
  readonly update: GuardLimits;
  /** Stored bytes one document may reach. @default 32 MiB */
  readonly maxDocumentBytes: number;
  /** Messages per socket. @default 100/s, burst 1000 */
  readonly socketRate: Rate;
  /** Messages per member over all sockets. @default 200/s, burst 2000 */
  readonly memberRate: Rate;
  /** @default 100 */
  readonly maxOpenDocumentsPerMember: number;
  /** @default 2000 */
  readonly maxDocumentsPerTeam: number;
  /** WebSocket connections per client address per minute (a school behind one NAT address shares it). @default 600 */
  readonly connectRateLimit: number;
  /** Share of the V8 heap limit above which no document grows or loads. @default 0.8 */
  readonly memoryHighWater: number;
  /**
   * Check members' updates on a scratch replica before applying them. Off
   * only in the benchmark that measures what the check costs. @default true
   */
  readonly validateUpdates: boolean;
};

export const DEFAULT_SYNC_LIMITS: SyncServerLimits = {
  update: DEFAULT_GUARD_LIMITS,
  maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES,
  socketRate: DEFAULT_SOCKET_RATE,
  memberRate: DEFAULT_MEMBER_RATE,
  maxOpenDocumentsPerMember: DEFAULT_MAX_OPEN_DOCUMENTS_PER_MEMBER,
  maxDocumentsPerTeam: DEFAULT_MAX_DOCUMENTS_PER_TEAM,
  connectRateLimit: 600,
  memoryHighWater: 0.8,
  validateUpdates: true,
};

export type RunningServer = {
  /** `http://host:port` (a wildcard host is reported as 127.0.0.1). */
  url: string;
  port: number;
  /** Graceful stop: closes connections, stores every loaded document, closes the database. Idempotent. */
  close(): Promise<void>;
  hocuspocus: Hocuspocus;
  /** The database the server stores everything in. */
  database: Database;
  /** The SQLite file, or '' on PostgreSQL. */
  dbPath: string;
};

function packageVersion(): string {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'version' in parsed) {
      return String(parsed.version);
    }
  } catch {
    // fall through
  }
  return '0.0.0';
}

function defaultLog(line: string): void {
  console.log(`${new Date().toISOString()} ${line}`);
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts a Leskring server: the built app, the HTTP API and the Hocuspocus
 * endpoint `/sync` on one port, over a SQLite database in `dataDir` or, as one
 * of several instances, over PostgreSQL with Redis between the instances.
 * Resolves once it listens. Every update the sync server acknowledges is
 * committed first (server/sync/persistence.ts).
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? defaultLog;
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  // Before the database opens, so a malformed entry leaves nothing to close.
  const proxies = options.trustProxy
    ? trustedProxies(options.trustedProxies ?? DEFAULT_TRUSTED_PROXIES)
    : null;
  if (options.redisUrl !== undefined && options.databaseUrl === undefined) {
    throw new Error('redisUrl needs databaseUrl: instances must share one database');
  }
  // PostgreSQL's and Redis's clients are loaded only for several instances: one school's
  // server on SQLite need not carry them (some 20 MB).
  const scaleOut = options.databaseUrl === undefined ? null : await import('./scaleOut.ts');
  const { db, dbPath } = await openStore(options, scaleOut);
  const orphans = await purgeAllDeletedDocuments(db);
  if (orphans > 0) log(`removed ${orphans} stored rows of deleted documents`);

  const limits: SyncServerLimits = { ...DEFAULT_SYNC_LIMITS, ...options.sync };
  const memoryLow = heapPressure(limits.memoryHighWater);
  const store = persistence(db, {
    log,
    ...(options.compactAfter === undefined ? {} : { compactAfter: options.compactAfter }),
    ...(options.failWrites === undefined ? {} : { failWrites: options.failWrites }),
    guard: limits.validateUpdates ? updateGuard(limits.update) : null,
    maxDocumentBytes: limits.maxDocumentBytes,
    memoryLow,
  });
  const clientAddress = clientAddressResolver(proxies, log);
  // With Redis every limit is counted there, so it holds across instances.
  const namespace =
    options.databaseUrl === undefined || scaleOut === null
      ? ''
      : scaleOut.redisNamespace(options.databaseUrl);
  // Redis only beside PostgreSQL: instances that share Redis must share one database.
  const redis =
    scaleOut === null || options.redisUrl === undefined
      ? null
      : { url: options.redisUrl, scaleOut };
  const limitsRedis = redis?.scaleOut.redisClient(redis.url, 'limits', log) ?? null;
  const limiterOf = (name: string, window: { max: number; windowMs: number }) =>
    limitsRedis === null
      ? rateLimiter({ ...window, now: () => Date.now() })
      : redisRateLimiter({
          ...window,
          name,
          namespace,
          redis: limitsRedis,
          log,
        });
  const connectLimiter = limiterOf('connect', { max: limits.connectRateLimit, windowMs: 60_000 });
  const limiter = syncLimits(db, {
    memberRate: limits.memberRate,
    sharedCounter:
      limitsRedis === null
        ? null
        : redisWindowCounter({
            redis: limitsRedis,
            namespace,
            name: 'member-messages',
            windowMs: SHARED_WINDOW_MS,
            now: () => Date.now(),
          }),
    log,
    maxOpenDocumentsPerMember: limits.maxOpenDocumentsPerMember,
    maxDocumentsPerTeam: limits.maxDocumentsPerTeam,
    memoryLow,
  });
  const redisExtension = redis?.scaleOut.redisFanOut(redis.url, namespace, log);
  const sync = createSyncServer({
    extensions: [
      ...(redisExtension ? [redisExtension] : []),
      authExtension(db, limiter.admit),
      limiter.extension,
      store.extension,
      // Rebuilds the roster on load after the persistence's: see server/sync/roster.ts.
      rosterExtension(db),
      teamNameExtension(db, log),
      heartbeatExtension(),
    ],
    log,
    socketRate: limits.socketRate,
    admit: async (request) =>
      (await connectLimiter.hit(rateLimitKey(clientAddress(request)))) === null,
    ...(options.maxPayload === undefined ? {} : { maxPayload: options.maxPayload }),
  });
  const { hocuspocus } = sync;

  const local = {
    connections: connectionControl(hocuspocus),
    documents: documentControl(hocuspocus, store),
  };
  const cluster = redis?.scaleOut.clusterControl(redis.url, namespace, local, log);
  await cluster?.ready();
  const deps: ServiceDeps = {
    db: options.failStorage ? failingWrites(db, options.failStorage, sqliteFullError) : db,
    now,
    teamDocs: teamDocWriter(hocuspocus, store, log),
    roster: rosterWriter(hocuspocus, store, db, log),
    connections: cluster?.connections ?? local.connections,
    documents: cluster?.documents ?? local.documents,
  };
  const teamCreateLimit = {
    max: options.teamCreateRateLimit?.max ?? DEFAULT_TEAM_CREATE_RATE_LIMIT,
    windowMs: options.teamCreateRateLimit?.windowMs ?? 60 * 60_000,
  };
  const app: AppContext = {
    deps,
    version: options.version ?? packageVersion(),
    joinLimiter: limiterOf('join', {
      max: options.joinRateLimit?.max ?? 10,
      windowMs: options.joinRateLimit?.windowMs ?? 60_000,
    }),
    teamCreateLimiter: limiterOf('team-create', teamCreateLimit),
    teamRetryLimiter: limiterOf('team-retry', teamCreateLimit),
    maxTeams: options.maxTeams ?? DEFAULT_MAX_TEAMS,
    clientAddress,
    photos: {
      store:
        db.kind === 'postgres'
          ? databasePhotoBytes(db)
          : filePhotoBytes(options.dataDir, { failWrites: options.failStorage }),
      maxBytes: options.photoMaxBytes ?? DEFAULT_PHOTO_MAX_BYTES,
      quotaBytes: options.photoQuotaPerTeamBytes ?? DEFAULT_PHOTO_QUOTA_PER_TEAM_BYTES,
    },
    log,
  };
  const files = staticFiles(options.distDir ?? join(REPO_ROOT, 'dist'));

  const httpServer = createServer(requestHandler(app, files));
  httpServer.on('upgrade', (request, socket, head) => {
    let pathname = '';
    try {
      pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    } catch {
      // not a path we serve
    }
    if (pathname !== '/sync') {
      socket.destroy();
      return;
    }
    void sync.handleUpgrade(request, socket, head);
  });
  httpServer.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      httpServer.once('error', rejectListen);
      httpServer.listen({ port: options.port, host }, () => {
        httpServer.off('error', rejectListen);
        resolveListen();
      });
    });
  } catch (error) {
    store.stop();
    await cluster?.close();
    limitsRedis?.disconnect();
    await db.close();
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    const httpClosed = new Promise<void>((done) => httpServer.close(() => done()));
    sync.closeSockets(1001, 'server-shutdown');
    hocuspocus.closeConnections();
    hocuspocus.flushPendingStores();
    const deadline = Date.now() + 3_000;
    while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
      await new Promise((tick) => setTimeout(tick, 20));
    }
    await store.compactAll();
    store.stop();
    sync.closeSockets(1001, 'server-shutdown', true);
    httpServer.closeAllConnections();
    await httpClosed;
    await cluster?.close();
    await limitsRedis?.quit().catch(() => undefined);
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    await db.close();
    log('server stopped');
  }

  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    hocuspocus,
    database: db,
    dbPath,
    close: () => {
      closing ??= shutdown();
      return closing;
    },
  };
}

/** SQLite under dataDir, or PostgreSQL brought up to date by its migrations. */
async function openStore(
  options: StartServerOptions,
  scaleOut: ScaleOut | null,
): Promise<{ db: Database; dbPath: string }> {
  if (options.databaseUrl === undefined || scaleOut === null) {
    const opened = openDatabase(options.dataDir);
    return { db: sqliteDatabase(opened.db, opened.path), dbPath: opened.path };
  }
  return { db: await scaleOut.openPostgres(options.databaseUrl), dbPath: '' };
}

type ScaleOut = typeof ScaleOutModule;
