import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Hocuspocus } from '@hocuspocus/server';
import { openDatabase } from './db/open.ts';
import type { AppContext } from './http/context.ts';
import { rateLimiter } from './http/rateLimit.ts';
import { requestHandler } from './http/router.ts';
import { staticFiles } from './http/static.ts';
import type { ServiceDeps } from './services/deps.ts';
import { DEFAULT_PHOTO_MAX_BYTES } from './services/photos.ts';
import { authExtension } from './sync/auth.ts';
import { documentControl } from './sync/documents.ts';
import { persistence } from './sync/persistence.ts';
import { connectionControl } from './sync/revocation.ts';
import { rosterExtension, rosterWriter } from './sync/roster.ts';
import { createSyncServer } from './sync/syncServer.ts';
import { teamDocWriter } from './sync/teamDocWriter.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '..');

export type StartServerOptions = {
  /** TCP port; 0 picks a free one (see `RunningServer.port`). */
  port: number;
  /** Directory of the SQLite database (created if missing). */
  dataDir: string;
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
  /** Take the client address from X-Forwarded-For (only behind a trusted proxy). @default false */
  trustProxy?: boolean;
  /** Rows in a document's update log before it is compacted into its snapshot. @default 500 */
  compactAfter?: number;
  /** Fault injection for tests: while it returns true, document writes fail as on a full disk. */
  failWrites?: () => boolean;
  /** Largest WebSocket message, in bytes. @default 10 MiB */
  maxPayload?: number;
  /** Largest photo upload, in bytes (stored under `<dataDir>/photos`). @default 8 MiB */
  photoMaxBytes?: number;
};

export type RunningServer = {
  /** `http://host:port` (a wildcard host is reported as 127.0.0.1). */
  url: string;
  port: number;
  /** Graceful stop: closes connections, stores every loaded document, closes the database. Idempotent. */
  close(): Promise<void>;
  hocuspocus: Hocuspocus;
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
 * Starts Leskring's one server (DESIGN §3 Server): the built app, the HTTP
 * API and the Hocuspocus endpoint `/sync` on one port, over a SQLite
 * database in `dataDir`. Resolves once it listens. Every update the sync
 * server acknowledges is committed to disk first (server/sync/persistence.ts).
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? defaultLog;
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  const { db, path: dbPath } = openDatabase(options.dataDir);

  const store = persistence(db, {
    log,
    ...(options.compactAfter === undefined ? {} : { compactAfter: options.compactAfter }),
    ...(options.failWrites === undefined ? {} : { failWrites: options.failWrites }),
  });
  const sync = createSyncServer({
    // The roster extension rebuilds on load after the persistence's: see server/sync/roster.ts.
    extensions: [authExtension(db), store.extension, rosterExtension(db)],
    log,
    ...(options.maxPayload === undefined ? {} : { maxPayload: options.maxPayload }),
  });
  const { hocuspocus } = sync;

  const deps: ServiceDeps = {
    db,
    now,
    teamDocs: teamDocWriter(hocuspocus, log),
    roster: rosterWriter(hocuspocus, db, log),
    connections: connectionControl(hocuspocus),
    documents: documentControl(hocuspocus, store),
  };
  const app: AppContext = {
    deps,
    version: options.version ?? packageVersion(),
    joinLimiter: rateLimiter({
      max: options.joinRateLimit?.max ?? 10,
      windowMs: options.joinRateLimit?.windowMs ?? 60_000,
      now: () => Date.now(),
    }),
    trustProxy: options.trustProxy ?? false,
    photos: {
      dir: join(resolve(options.dataDir), 'photos'),
      maxBytes: options.photoMaxBytes ?? DEFAULT_PHOTO_MAX_BYTES,
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
    sync.handleUpgrade(request, socket, head);
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
    db.close();
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
    store.compactAll();
    store.stop();
    sync.closeSockets(1001, 'server-shutdown', true);
    httpServer.closeAllConnections();
    await httpClosed;
    db.close();
    log('server stopped');
  }

  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    hocuspocus,
    dbPath,
    close: () => {
      closing ??= shutdown();
      return closing;
    },
  };
}
