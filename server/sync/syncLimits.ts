import { getHeapStatistics } from 'node:v8';
import type { Connection, Extension, Hocuspocus, onAuthenticatePayload } from '@hocuspocus/server';
import { SYNC_CLOSE } from '../../src/model/apiErrors.ts';
import { parseDocName } from '../../src/model/docName.ts';
import type { Database } from '../db/database.ts';
import { type SyncContext, SyncDenied } from './auth.ts';
import { type Rate, type TokenBucket, tokenBucket } from './tokenBucket.ts';

/** What one member may cost the sync server (README "Limits and quotas"). */
export type SyncLimits = {
  /** Messages one member may send over all their sockets; beyond, the socket is closed (4429). */
  readonly memberRate: Rate;
  /** Documents one member may have open at once. */
  readonly maxOpenDocumentsPerMember: number;
  /** Documents one team may store; opening a new one beyond is refused. */
  readonly maxDocumentsPerTeam: number;
  /** True while the process is short of memory: no new documents are loaded. */
  readonly memoryLow: () => boolean;
  /**
   * Counts members' messages across instances (Redis); null when this is
   * the only instance. @default null
   */
  readonly sharedCounter?: SharedCounter | null;
  /** Where a member refused across instances is reported. @default nowhere */
  readonly log?: (line: string) => void;
};

/**
 * A counter every instance adds to: `add` resolves to the total of `key` in
 * the current window of {@link SHARED_WINDOW_MS}, all instances together.
 */
export type SharedCounter = {
  add(key: string, count: number): Promise<number>;
};

/** The window of the member rate across instances: at most a burst per second. */
export const SHARED_WINDOW_MS = 1_000;
/** How often an instance adds its members' messages to the shared counter. */
const SHARE_EVERY_MS = 100;

export const DEFAULT_MEMBER_RATE: Rate = { ratePerSecond: 200, burst: 2_000 };
export const DEFAULT_MAX_OPEN_DOCUMENTS_PER_MEMBER = 100;
export const DEFAULT_MAX_DOCUMENTS_PER_TEAM = 2_000;

/**
 * True while the V8 heap is over `fraction` of its limit, read at most every
 * 250 ms (the statistics are cheap, but this is asked per update).
 */
export function heapPressure(fraction = 0.8): () => boolean {
  let checkedAt = 0;
  let low = false;
  return () => {
    const now = Date.now();
    if (now - checkedAt > 250) {
      const heap = getHeapStatistics();
      low = heap.used_heap_size > fraction * heap.heap_size_limit;
      checkedAt = now;
    }
    return low;
  };
}

function memberKey(context: unknown): string | null {
  if (typeof context !== 'object' || context === null) return null;
  const { teamId, memberId } = context as Partial<SyncContext>;
  return teamId && memberId ? `${teamId}/${memberId}` : null;
}

function openDocumentsOf(instance: Hocuspocus, key: string, admitted: Iterable<string>): number {
  const names = new Set<string>(admitted);
  for (const document of instance.documents.values()) {
    for (const connection of document.getConnections()) {
      if (memberKey(connection.context) === key) names.add(document.name);
    }
  }
  return names.size;
}

/** How long an admitted document counts as open before its connection shows up (or never will). */
const ADMITTED_FOR_MS = 30_000;

export type SyncLimiter = {
  /** Refuses (SyncDenied) opening a document beyond the member's or team's limits; for authExtension. */
  admit(context: SyncContext, payload: onAuthenticatePayload): Promise<void>;
  /** Counts every message against its member's budget. */
  readonly extension: Extension;
};

export function syncLimits(db: Database, limits: SyncLimits): SyncLimiter {
  const buckets = new Map<string, { bucket: TokenBucket; usedAt: number }>();
  let sweptAt = Date.now();

  /**
   * Across instances: each instance adds its members' messages to the shared
   * counter every {@link SHARE_EVERY_MS}; a member whose total in the current
   * window is over one burst is refused on every instance until it ends. The
   * token bucket below still holds on each instance at once.
   */
  const unshared = new Map<string, number>();
  const overUntil = new Map<string, number>();
  const shared = limits.sharedCounter ?? null;
  let sharing = false;
  const share = async () => {
    if (sharing || shared === null || unshared.size === 0) return;
    sharing = true;
    const batch = [...unshared];
    unshared.clear();
    try {
      await Promise.all(
        batch.map(async ([key, count]) => {
          const total = await shared.add(key, count);
          if (total > limits.memberRate.burst) {
            const now = Date.now();
            if (!overUntil.has(key)) {
              limits.log?.(
                `member ${key} sent ${total} messages in one second across instances (at most ${limits.memberRate.burst}): refused for a while`,
              );
            }
            // The rest of this window and the next: a flood spread over instances pauses.
            overUntil.set(key, now - (now % SHARED_WINDOW_MS) + 2 * SHARED_WINDOW_MS);
          }
        }),
      );
    } catch {
      // The shared counter is down: each instance's own bucket still limits.
    } finally {
      sharing = false;
    }
  };
  const shareTimer = shared === null ? null : setInterval(() => void share(), SHARE_EVERY_MS);
  shareTimer?.unref();
  const overShared = (key: string): boolean => {
    if (shared === null) return false;
    unshared.set(key, (unshared.get(key) ?? 0) + 1);
    const until = overUntil.get(key);
    if (until === undefined) return false;
    if (Date.now() < until) return true;
    overUntil.delete(key);
    return false;
  };

  function bucketOf(key: string): TokenBucket {
    const now = Date.now();
    if (now - sweptAt > 60_000) {
      for (const [k, entry] of buckets) if (now - entry.usedAt > 60_000) buckets.delete(k);
      sweptAt = now;
    }
    let entry = buckets.get(key);
    if (!entry) {
      entry = { bucket: tokenBucket(limits.memberRate), usedAt: now };
      buckets.set(key, entry);
    }
    entry.usedAt = now;
    return entry.bucket;
  }

  async function isStored(name: string): Promise<boolean> {
    return (
      (await db.get(
        `SELECT 1 AS stored FROM doc_snapshots WHERE name = ?
         UNION ALL SELECT 1 AS stored FROM doc_updates WHERE name = ? LIMIT 1`,
        name,
        name,
      )) !== undefined
    );
  }

  async function storedDocumentsOf(teamId: string): Promise<number> {
    // Names are `<teamId>` and `<teamId>/<docId>`; ids never contain LIKE's wildcards '%' and '_'.
    const row = await db.get(
      `SELECT COUNT(*) AS n FROM (
         SELECT name FROM doc_snapshots WHERE name = ? OR name LIKE ?
         UNION SELECT name FROM doc_updates WHERE name = ? OR name LIKE ?) AS stored`,
      teamId,
      `${teamId}/%`,
      teamId,
      `${teamId}/%`,
    );
    return Number(row?.n ?? 0);
  }

  /**
   * Documents admitted per member whose connection is not established yet:
   * the document may still be loading, and until it is, it holds no
   * connection to count.
   */
  const admitted = new Map<string, Map<string, ReturnType<typeof setTimeout>>>();
  const forget = (key: string, documentName: string) => {
    const names = admitted.get(key);
    const timer = names?.get(documentName);
    if (timer === undefined || !names) return;
    clearTimeout(timer);
    names.delete(documentName);
    if (names.size === 0) admitted.delete(key);
  };
  const remember = (key: string, documentName: string) => {
    forget(key, documentName);
    const timer = setTimeout(() => forget(key, documentName), ADMITTED_FOR_MS);
    timer.unref();
    const names = admitted.get(key) ?? new Map<string, ReturnType<typeof setTimeout>>();
    names.set(documentName, timer);
    admitted.set(key, names);
  };

  return {
    async admit(context, { documentName, instance }) {
      const key = memberKey(context);
      if (key === null) return;
      const pending = admitted.get(key)?.keys() ?? [];
      if (openDocumentsOf(instance, key, pending) >= limits.maxOpenDocumentsPerMember) {
        throw new SyncDenied('too-many-documents');
      }
      remember(key, documentName);
      try {
        await admitDocument(documentName, instance);
      } catch (error) {
        forget(key, documentName);
        throw error;
      }
    },
    extension: {
      extensionName: 'leskring-limits',
      async onDestroy() {
        if (shareTimer !== null) clearInterval(shareTimer);
      },
      async connected({ context, documentName }: { context: unknown; documentName: string }) {
        const key = memberKey(context);
        if (key !== null) forget(key, documentName);
      },
      async beforeHandleMessage({ connection }: { connection: Connection }) {
        const key = memberKey(connection.context);
        if (key === null || (!overShared(key) && bucketOf(key).take())) return;
        connection.webSocket.close(SYNC_CLOSE.rateLimited, 'rate-limited');
        throw Object.assign(new Error(''), {
          code: SYNC_CLOSE.rateLimited,
          reason: 'rate-limited',
        });
      },
    },
  };

  /** The team's document quota and the server's memory, for a document this instance has not loaded. */
  async function admitDocument(documentName: string, instance: Hocuspocus): Promise<void> {
    if (instance.documents.has(documentName)) return;
    if (limits.memoryLow()) throw new SyncDenied('server-busy');
    const ref = parseDocName(documentName);
    if (
      ref !== null &&
      !(await isStored(documentName)) &&
      (await storedDocumentsOf(ref.teamId)) >= limits.maxDocumentsPerTeam
    ) {
      throw new SyncDenied('quota-exceeded');
    }
  }
}
