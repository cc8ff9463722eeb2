/**
 * What only several instances need: the PostgreSQL database and the Redis
 * connections between instances. Loaded by server/main.ts only when
 * DATABASE_URL is set, so a single server on SQLite never loads the
 * PostgreSQL and Redis clients.
 */
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { Redis } from 'ioredis';
import type { Database } from './db/database.ts';
import { migrateDatabase } from './db/migrate.ts';
import { postgresDatabase } from './db/postgres.ts';

export { clusterControl, redisNamespace } from './sync/cluster.ts';

/** PostgreSQL, brought up to date by its migrations. */
export async function openPostgres(url: string): Promise<Database> {
  const db = postgresDatabase(url);
  try {
    await migrateDatabase(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** A Redis connection that logs its errors (it reconnects by itself). */
export function redisClient(
  url: string,
  purpose: string,
  log: (line: string) => void,
  // Limits must not wait for a Redis that is down: such an attempt is allowed and logged.
  failFast = purpose === 'limits',
): Redis {
  const redis = new Redis(
    url,
    failFast
      ? { maxRetriesPerRequest: 0, enableOfflineQueue: false }
      : { maxRetriesPerRequest: null },
  );
  redis.on('error', (error) => log(`redis (${purpose}): ${String(error)}`));
  return redis;
}

/**
 * The Redis extension without its store lock. That lock lets one instance
 * store a document at a time and makes the others skip their store hooks
 * (logging each skip). Here each instance's store hook is the compaction,
 * which already takes turns under a PostgreSQL advisory lock per document
 * and folds in every other instance's rows, so no instance needs to skip it.
 */
class RedisFanOut extends RedisExtension {
  override async onStoreDocument(): Promise<void> {}
}

/** Hocuspocus's Redis extension: updates and presence reach clients of every instance. */
export function redisFanOut(
  url: string,
  namespace: string,
  log: (line: string) => void,
): Extension {
  const fanOut = new RedisFanOut({
    prefix: `${namespace}:doc`,
    // The extension waits this long before unloading a document, so relayed updates are not
    // missed; here each instance stores its own clients' updates, so a short wait is enough.
    disconnectDelay: 100,
    createClient: () => redisClient(url, 'documents', log),
  });
  catchUpAfterReconnect(fanOut, log);
  return fanOut;
}

/**
 * Redis hands a published message only to those subscribed at that moment.
 * A peer announces a change by publishing its state vector once; while this
 * instance's subscriber is reconnecting it misses that announcement, and
 * nothing asks again until the document changes once more, so its clients
 * would go on seeing an older document. After every reconnection each loaded
 * document therefore announces its own state vector, as after a change: the
 * peers answer with what it missed (and ask for what they missed).
 */
function catchUpAfterReconnect(fanOut: RedisExtension, log: (line: string) => void): void {
  let connectedBefore = false;
  fanOut.sub.on('ready', async () => {
    if (!connectedBefore) {
      connectedBefore = true;
      return;
    }
    try {
      // Commands on one connection run in order: once this answers, the resubscriptions
      // ioredis sent on reconnecting are in place, so no answer can arrive unheard.
      await fanOut.sub.ping();
    } catch {
      return; // Lost again; the next 'ready' tries once more.
    }
    // Set when the server configures its extensions; a reconnection cannot come earlier.
    const instance: Hocuspocus | undefined = fanOut.instance;
    if (instance === undefined) return;
    for (const [documentName, document] of instance.documents) {
      void fanOut.onChange({
        documentName,
        document,
        instance,
        clientsCount: document.getConnectionsCount(),
        context: {},
        requestHeaders: new Headers(),
        requestParameters: new URLSearchParams(),
        update: new Uint8Array(),
        socketId: '',
        transactionOrigin: { source: 'local' },
      });
    }
    log(
      `redis: reconnected; ${instance.documents.size} open documents asked the other instances for what they missed`,
    );
  });
}
