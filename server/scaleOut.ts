/**
 * What only several instances need: the PostgreSQL database and the Redis
 * connections between instances. Loaded by server/main.ts only when
 * DATABASE_URL is set, so a single server on SQLite never loads the
 * PostgreSQL and Redis clients.
 */
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { Extension } from '@hocuspocus/server';
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

/** Hocuspocus's Redis extension: updates and presence reach clients of every instance. */
export function redisFanOut(
  url: string,
  namespace: string,
  log: (line: string) => void,
): Extension {
  return new RedisExtension({
    prefix: `${namespace}:doc`,
    // The extension waits this long before unloading a document, so relayed updates are not
    // missed; here each instance stores its own clients' updates, so a short wait is enough.
    disconnectDelay: 100,
    createClient: () => redisClient(url, 'documents', log),
  });
}
