import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, vi } from 'vitest';
import * as Y from 'yjs';
import { clusterServices, freshDatabase as freshPostgres } from '../../bench/lib/postgres.ts';
import { type RunningServer, type StartServerOptions, startServer } from '../../server/main.ts';
import type { Membership as ApiMembership, CreatedInvite } from '../../src/model/api.ts';
import { type DocId, type MemberId, newDocId, type TeamId } from '../../src/model/ids.ts';

/**
 * Shared helpers for the integration suite: a real server on a free loopback
 * port with a temporary DATA_DIR, real providers, and teardown registered per
 * test (run in reverse order after each test).
 */

const cleanups: Array<() => Promise<void> | void> = [];

/** Runs `fn` after the current test, newest first. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

afterEach(async () => {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await fn?.();
    } catch (error) {
      console.error('cleanup failed', error);
    }
  }
});

export async function tempDir(prefix = 'leskring-it-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A membership as the API returns it, with branded ids for the model helpers. */
export type Membership = ApiMembership & { readonly teamId: TeamId; readonly memberId: MemberId };

export type TestServer = {
  readonly server: RunningServer;
  readonly url: string;
  readonly wsUrl: string;
  readonly dataDir: string;
  /** Log lines the server wrote. */
  readonly logs: string[];
  /** Stops the server gracefully (idempotent). */
  stop(): Promise<void>;
};

export { clusterServices } from '../../bench/lib/postgres.ts';

export const SKIP_NOTICE =
  'multi-instance tests skipped: set DATABASE_URL (postgres://) and REDIS_URL (redis://) to run them (.ci/run does)';

/**
 * A new, empty database on the server of `adminUrl` for one test, dropped
 * after it; returns its URL.
 */
export async function freshDatabase(adminUrl: string): Promise<string> {
  const database = await freshPostgres(adminUrl, 'test');
  onCleanup(database.drop);
  return database.url;
}

/** The database standing in for each DATA_DIR in the distributed project. */
const databasesByDataDir = new Map<string, string>();

/**
 * With LESKRING_TEST_DISTRIBUTED=1 (the `distributed` test project) every
 * test server is an instance on PostgreSQL with Redis, so the same attack
 * tests run against the multi-instance configuration. A fresh database per
 * DATA_DIR: a server restarted on the same DATA_DIR finds its data again.
 */
async function distributedTarget(dataDir: string): Promise<Partial<StartServerOptions>> {
  if (process.env.LESKRING_TEST_DISTRIBUTED !== '1') return {};
  const services = clusterServices();
  if (!services) throw new Error(SKIP_NOTICE);
  let databaseUrl = databasesByDataDir.get(dataDir);
  if (databaseUrl === undefined) {
    databaseUrl = await freshDatabase(services.databaseUrl);
    databasesByDataDir.set(dataDir, databaseUrl);
    onCleanup(() => {
      databasesByDataDir.delete(dataDir);
    });
  }
  return { databaseUrl, redisUrl: services.redisUrl };
}

/**
 * Starts the real server on port 0 with a temporary DATA_DIR (or the given
 * one). Joins and team creation are not rate limited unless
 * `joinRateLimit`, `teamCreateRateLimit` or `sync.connectRateLimit` is given. The server is closed
 * after the test.
 */
export async function startTestServer(
  options: Partial<Omit<StartServerOptions, 'port'>> = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await tempDir());
  const logs: string[] = [];
  const server = await startServer({
    ...(await distributedTarget(dataDir)),
    joinRateLimit: { max: 10_000 },
    teamCreateRateLimit: { max: 10_000 },
    log: (line) => logs.push(line),
    ...options,
    sync: { connectRateLimit: 10_000, ...options.sync },
    port: 0,
    dataDir,
  });
  onCleanup(() => server.close());
  return {
    server,
    url: server.url,
    wsUrl: `${server.url.replace(/^http/, 'ws')}/sync`,
    dataDir,
    logs,
    stop: () => server.close(),
  };
}

export type ApiResponse = {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  readonly body: any;
  readonly headers: Headers;
};

/** One HTTP call; `body` is sent as JSON unless `rawBody` is given. */
export async function api(
  baseUrl: string,
  method: string,
  path: string,
  options: {
    body?: unknown;
    rawBody?: string;
    token?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = null;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export async function createTeam(
  baseUrl: string,
  input: {
    name?: string;
    displayName?: string;
    teamId?: string;
    memberId?: string;
    creatorKey?: string;
  } = {},
): Promise<Membership> {
  const response = await api(baseUrl, 'POST', '/api/teams', {
    body: { name: 'Rekenen groep 5', displayName: 'Ans', ...input },
  });
  if (response.status !== 201)
    throw new Error(`createTeam: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Membership;
}

export async function createInvite(
  baseUrl: string,
  member: Membership,
  input: { role?: string; expiresInDays?: number; singleUse?: boolean } = {},
): Promise<CreatedInvite> {
  const response = await api(baseUrl, 'POST', `/api/teams/${member.teamId}/invites`, {
    body: input,
    token: member.token,
  });
  if (response.status !== 201)
    throw new Error(`createInvite: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as CreatedInvite;
}

export async function joinTeam(
  baseUrl: string,
  code: string,
  displayName = 'Bram',
): Promise<Membership> {
  const response = await api(baseUrl, 'POST', '/api/join', { body: { code, displayName } });
  if (response.status !== 201)
    throw new Error(`joinTeam: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Membership;
}

/** A team with a facilitator and one member of the given role. */
export async function teamWithMember(
  baseUrl: string,
  role: 'teacher' | 'coach' | 'guest' | 'facilitator' = 'teacher',
): Promise<{ owner: Membership; member: Membership }> {
  const owner = await createTeam(baseUrl);
  const invite = await createInvite(baseUrl, owner, { role });
  const member = await joinTeam(baseUrl, invite.code);
  return { owner, member };
}

export type TestProvider = {
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  readonly doc: Y.Doc;
  /** Reasons from onAuthenticationFailed, in order. */
  readonly denials: string[];
  /** Close codes the socket saw. */
  readonly closeCodes: number[];
  destroy(): void;
};

/** Reconnects within tens of ms instead of the default seconds. */
export const FAST_RECONNECT = {
  delay: 50,
  minDelay: 50,
  maxDelay: 300,
  factor: 1.5,
  jitter: false,
} as const;

/**
 * A real provider on its own socket with fast reconnects (tens of ms instead
 * of the default seconds), destroyed after the test.
 */
export function newProvider(
  wsUrl: string,
  options: { name: string; token: string | null; doc?: Y.Doc },
): TestProvider {
  const denials: string[] = [];
  const closeCodes: number[] = [];
  const socket = new HocuspocusProviderWebsocket({
    url: wsUrl,
    ...FAST_RECONNECT,
    onClose: ({ event }) => {
      closeCodes.push(event.code);
    },
  });
  const doc = options.doc ?? new Y.Doc();
  const provider = new HocuspocusProvider({
    name: options.name,
    document: doc,
    token: options.token,
    websocketProvider: socket,
    onAuthenticationFailed: ({ reason }) => {
      denials.push(reason);
    },
  });
  provider.attach();
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    provider.destroy();
    socket.destroy();
  };
  onCleanup(destroy);
  return { provider, socket, doc, denials, closeCodes, destroy };
}

/** Resolves once the provider has synced and the server acknowledged every local change. */
export function isSettled(client: TestProvider): boolean {
  return client.provider.isSynced && client.provider.unsyncedChanges === 0;
}

/**
 * Creates a cycle document on the server the way a device does, by syncing
 * an edit to it, so the server knows the cycle (photos are refused for a
 * cycle it does not know). Resolves with the cycle id once the edit is stored.
 */
export async function syncCycleDoc(
  wsUrl: string,
  member: Pick<Membership, 'teamId' | 'token'>,
  cycleId: DocId = newDocId(),
): Promise<DocId> {
  const client = newProvider(wsUrl, { name: `${member.teamId}/${cycleId}`, token: member.token });
  client.doc.getMap('meta').set('title', 'Breuken vergelijken');
  await waitFor(() => {
    if (!isSettled(client)) throw new Error(`cycle ${cycleId} is not stored yet`);
  });
  client.destroy();
  return cycleId;
}

/**
 * What the database holds for a document (snapshot + update log), read
 * through a separate read-only connection, as a fresh Y.Doc.
 */
/** Stored update rows and snapshots of one document, through the server's database (SQLite or PostgreSQL). */
export async function storedRowsOf(
  server: RunningServer,
  name: string,
): Promise<{ updates: number; snapshots: number }> {
  const count = async (sql: string) =>
    Number((await server.database.get<{ n: unknown }>(sql, name))?.n ?? 0);
  return {
    updates: await count('SELECT COUNT(*) AS n FROM doc_updates WHERE name = ?'),
    snapshots: await count('SELECT COUNT(*) AS n FROM doc_snapshots WHERE name = ?'),
  };
}

/** True in the `distributed` project: every test server is on PostgreSQL with Redis. */
export const onPostgres = process.env.LESKRING_TEST_DISTRIBUTED === '1';

/** Stored update rows and snapshots of one document. */
export function storedRows(dbPath: string, name: string): { updates: number; snapshots: number } {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    const count = (sql: string) => Number(db.prepare(sql).get(name)?.n ?? 0);
    return {
      updates: count('SELECT COUNT(*) AS n FROM doc_updates WHERE name = ?'),
      snapshots: count('SELECT COUNT(*) AS n FROM doc_snapshots WHERE name = ?'),
    };
  } finally {
    db.close();
  }
}

export function readStoredDoc(dbPath: string, name: string): Y.Doc {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    const doc = new Y.Doc();
    const snapshot = db.prepare('SELECT state FROM doc_snapshots WHERE name = ?').get(name);
    if (snapshot?.state instanceof Uint8Array) Y.applyUpdate(doc, snapshot.state);
    for (const row of db
      .prepare('SELECT data FROM doc_updates WHERE name = ? ORDER BY id')
      .all(name)) {
      if (row.data instanceof Uint8Array) Y.applyUpdate(doc, row.data);
    }
    return doc;
  } finally {
    db.close();
  }
}

/**
 * `vi.waitFor` with a timeout that tolerates a busy machine (5 s instead of
 * 1 s) and a short polling interval; it polls, it never sleeps a fixed time.
 */
export function waitFor<T>(
  check: () => T | Promise<T>,
  options: { timeout?: number; interval?: number } = {},
): Promise<T> {
  return vi.waitFor(check, { timeout: 5_000, interval: 10, ...options });
}
