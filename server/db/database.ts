/**
 * The server's database, on embedded SQLite (one process, the default) or on
 * PostgreSQL (`DATABASE_URL`, several instances). Services and the sync
 * extensions only see this interface, so the same code runs on both.
 *
 * Statements use `?` placeholders and SQL both engines understand: `ON
 * CONFLICT … DO NOTHING / DO UPDATE`, no `INSERT OR IGNORE`, no engine
 * functions. Each engine has its own numbered migrations with the same
 * numbers (server/db/migrations and server/db/migrations/postgres), so a
 * schema change is written twice and tested on both.
 *
 * Values: text, numbers, null and bytes (`Uint8Array`) go in; integers come
 * back as numbers, bytes as `Uint8Array`.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;

export type Row = Record<string, unknown>;

export type RunResult = {
  /** Rows the statement inserted, changed or deleted. */
  readonly changes: number;
};

export interface Sql {
  /** The first row, or undefined. */
  get<T extends Row = Row>(sql: string, ...params: SqlValue[]): Promise<T | undefined>;
  all<T extends Row = Row>(sql: string, ...params: SqlValue[]): Promise<T[]>;
  /** Runs a statement for its effect. */
  run(sql: string, ...params: SqlValue[]): Promise<RunResult>;
  /**
   * Runs `fn` in one transaction that sees no other writer's changes
   * (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: `SERIALIZABLE`), committed when
   * it resolves and rolled back when it throws. Nested calls join the outer
   * transaction. On PostgreSQL a transaction that lost a race to another
   * instance runs again, so `fn` must do nothing but database work.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Database extends Sql {
  readonly kind: DatabaseKind;
  /** Where it lives, for logs and the README's backup advice: a file path, or a URL without its password. */
  readonly location: string;
  /**
   * Runs `fn` while holding a lock named `key` across every instance (a
   * PostgreSQL advisory lock held for one transaction; on SQLite the one
   * writer already excludes the others), inside one transaction.
   */
  exclusive<T>(key: string, fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The same database, except that while `fail()` is true every statement run
 * for its effect throws as on a full disk. Reads and transactions work. For
 * tests of what the server does when storage fails.
 */
export function failingWrites(db: Database, fail: () => boolean, error: () => Error): Database {
  const wrap = (sql: Sql): Sql => ({
    get: (text, ...params) => sql.get(text, ...params),
    all: (text, ...params) => sql.all(text, ...params),
    run: (text, ...params) => (fail() ? Promise.reject(error()) : sql.run(text, ...params)),
    transaction: (fn) => sql.transaction((tx) => fn(wrap(tx))),
  });
  return {
    ...wrap(db),
    kind: db.kind,
    location: db.location,
    exclusive: (key, fn) => db.exclusive(key, (tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
