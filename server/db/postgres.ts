import pg from 'pg';
import type { Database, Row, Sql, SqlValue } from './database.ts';

/** SQLSTATEs of a transaction that lost a race and may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 25;
/** Up to this many ms, times the attempt, before a transaction runs again: contenders spread out. */
const BACKOFF_MS = 4;

// Counters and row ids are BIGINT: well within a double, and the SQLite path returns numbers too.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** `?` placeholders become `$1`, `$2`, …; the statements never hold a literal question mark. */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/** The URL as it may be logged: without its password. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

function params(values: SqlValue[]): unknown[] {
  return values.map((value) =>
    value instanceof Uint8Array && !Buffer.isBuffer(value)
      ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      : value,
  );
}

function plainBytes(row: Row): Row {
  for (const key of Object.keys(row)) {
    const value = row[key];
    // pg hands bytea out as Buffer; callers compare with Uint8Array and hand it to Yjs.
    if (Buffer.isBuffer(value)) {
      row[key] = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return row;
}

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

function sqlOn(client: Queryable, transaction: Sql['transaction']): Sql {
  const query = async (sql: string, values: SqlValue[]) =>
    client.query({ text: numberedPlaceholders(sql), values: params(values) });
  return {
    async get<T extends Row>(sql: string, ...values: SqlValue[]) {
      const result = await query(sql, values);
      const row = result.rows[0] as Row | undefined;
      return row === undefined ? undefined : (plainBytes(row) as T);
    },
    async all<T extends Row>(sql: string, ...values: SqlValue[]) {
      const result = await query(sql, values);
      return (result.rows as Row[]).map((row) => plainBytes(row) as T);
    },
    async run(sql, ...values) {
      const result = await query(sql, values);
      return { changes: result.rowCount ?? 0 };
    },
    transaction,
  };
}

function isRetryable(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    RETRYABLE.has(String((error as { code: unknown }).code))
  );
}

/**
 * The Database interface over a PostgreSQL pool. Transactions are
 * SERIALIZABLE, so a check-then-write (the team limit, an invite's last use)
 * holds across instances as it does on SQLite's single writer; one that
 * loses a race is run again.
 */
export function postgresDatabase(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  async function inTransaction<T>(fn: (tx: Sql) => Promise<T>, lockKey?: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      let broken = false;
      try {
        if (lockKey === undefined) {
          await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        } else {
          // READ COMMITTED: a serializable snapshot would date from before the lock was granted
          // and miss what the previous holder committed; each statement after it sees that.
          await client.query('BEGIN');
          await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKey]);
        }
        const tx: Sql = sqlOn(client, (inner) => inner(tx));
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        if (attempt < MAX_ATTEMPTS && isRetryable(error)) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * BACKOFF_MS * attempt));
          continue;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  const top = sqlOn(pool, (fn) => inTransaction(fn));
  return {
    ...top,
    kind: 'postgres',
    location: redactedUrl(url),
    exclusive: (key, fn) => inTransaction(fn, key),
    close: () => pool.end(),
  };
}
