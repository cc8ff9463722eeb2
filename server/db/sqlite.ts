import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { Database, Row, RunResult, Sql, SqlValue } from './database.ts';
import { prepared } from './open.ts';

/**
 * The Database interface over one node:sqlite connection. Statements run
 * synchronously when called (an append in `beforeSync` is committed before
 * the call returns). A transaction spans awaits, so while one is open every
 * other statement waits for it: otherwise it would run inside it.
 */
export function sqliteDatabase(db: DatabaseSync, path: string): Database {
  /** The open transaction, settled when it committed or rolled back. */
  let open: Promise<unknown> | null = null;

  const settled = () => undefined;

  const statements = {
    get: <T extends Row>(sql: string, params: SqlValue[]) =>
      prepared(db, sql).get(...(params as SQLInputValue[])) as T | undefined,
    all: <T extends Row>(sql: string, params: SqlValue[]) =>
      prepared(db, sql).all(...(params as SQLInputValue[])) as T[],
    run: (sql: string, params: SqlValue[]): RunResult => ({
      changes: Number(prepared(db, sql).run(...(params as SQLInputValue[])).changes),
    }),
  };

  const inside: Sql = {
    get: async (sql, ...params) => statements.get(sql, params),
    all: async (sql, ...params) => statements.all(sql, params),
    run: async (sql, ...params) => statements.run(sql, params),
    transaction: (fn) => fn(inside),
  };

  async function transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    // The loop, not a helper awaited: nothing may run between finding no transaction open and
    // opening this one (or, below, running a statement).
    while (open !== null) await open.catch(settled);
    db.exec('BEGIN IMMEDIATE');
    const running = (async () => {
      try {
        const result = await fn(inside);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    })();
    open = running;
    try {
      return await running;
    } finally {
      if (open === running) open = null;
    }
  }

  return {
    kind: 'sqlite',
    location: path,
    async get(sql, ...params) {
      while (open !== null) await open.catch(settled);
      return statements.get(sql, params);
    },
    async all(sql, ...params) {
      while (open !== null) await open.catch(settled);
      return statements.all(sql, params);
    },
    async run(sql, ...params) {
      while (open !== null) await open.catch(settled);
      return statements.run(sql, params);
    },
    transaction,
    // One connection, one writer: a transaction already excludes every other.
    exclusive: (_key, fn) => transaction(fn),
    async close() {
      while (open !== null) await open.catch(settled);
      db.close();
    },
  };
}
