import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** SQLite's primary result code for "database or disk is full". */
export const SQLITE_FULL = 13;

/** An error shaped like the one node:sqlite throws when SQLite answers SQLITE_FULL. */
export function sqliteFullError(): Error {
  return Object.assign(new Error('database or disk is full'), {
    code: 'ERR_SQLITE_ERROR',
    errcode: SQLITE_FULL,
    errstr: 'database or disk is full',
  });
}

/** An error shaped like the one node:fs throws when the disk is full. */
export function noSpaceError(syscall = 'write'): Error {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), {
    code: 'ENOSPC',
    errno: -28,
    syscall,
  });
}

/**
 * Fault injection for tests: the same database, except that while `fail()`
 * is true every statement run for its effect (`run`: INSERT, UPDATE, DELETE)
 * throws SQLITE_FULL, as on a full disk. Reads and BEGIN/COMMIT/ROLLBACK work.
 */
export function failingWrites(db: DatabaseSync, fail: () => boolean): DatabaseSync {
  const statements = new WeakMap<StatementSync, StatementSync>();
  const wrap = (statement: StatementSync): StatementSync => {
    let wrapped = statements.get(statement);
    if (!wrapped) {
      wrapped = new Proxy(statement, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property, target);
          if (typeof value !== 'function') return value;
          if (property !== 'run') return value.bind(target);
          return (...args: unknown[]) => {
            if (fail()) throw sqliteFullError();
            return value.apply(target, args);
          };
        },
      });
      statements.set(statement, wrapped);
    }
    return wrapped;
  };
  return new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'prepare') return value.bind(target);
      return (sql: string) => wrap(target.prepare(sql));
    },
  });
}
