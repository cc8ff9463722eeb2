import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { failingWrites, noSpaceError, sqliteFullError } from '../../../server/db/faults.ts';
import { isStorageFull } from '../../../server/services/errors.ts';

/** The error SQLite itself gives when a database may not grow (max_page_count, like a full disk). */
function realSqliteFull(): unknown {
  const db = new DatabaseSync(':memory:');
  try {
    db.exec('CREATE TABLE t (x BLOB)');
    db.exec('PRAGMA max_page_count = 2');
    db.prepare('INSERT INTO t VALUES (?)').run(new Uint8Array(64 * 1024));
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error('SQLite stored 64 KiB in two pages');
}

describe('isStorageFull', () => {
  it("recognizes SQLite's own SQLITE_FULL and the injected one", () => {
    expect(isStorageFull(realSqliteFull())).toBe(true);
    expect(isStorageFull(sqliteFullError())).toBe(true);
    expect(isStorageFull(Object.assign(new Error('x'), { errcode: 13 | (1 << 8) }))).toBe(true);
  });

  it('recognizes a full disk or disk quota from node:fs', () => {
    expect(isStorageFull(noSpaceError())).toBe(true);
    expect(isStorageFull(Object.assign(new Error('quota'), { code: 'EDQUOT' }))).toBe(true);
  });

  it('leaves every other error alone', () => {
    const db = new DatabaseSync(':memory:');
    let constraint: unknown;
    try {
      db.exec('CREATE TABLE t (x INTEGER PRIMARY KEY)');
      db.exec('INSERT INTO t VALUES (1)');
      db.exec('INSERT INTO t VALUES (1)');
    } catch (error) {
      constraint = error;
    } finally {
      db.close();
    }
    expect(isStorageFull(constraint)).toBe(false);
    expect(isStorageFull(Object.assign(new Error('gone'), { code: 'ENOENT' }))).toBe(false);
    expect(isStorageFull(new Error('database or disk is full'))).toBe(false);
    expect(isStorageFull(null)).toBe(false);
  });
});

describe('failingWrites', () => {
  it('fails statements run for their effect while told to, and reads and transactions go on', () => {
    const raw = new DatabaseSync(':memory:');
    let full = false;
    const db = failingWrites(raw, () => full);
    db.exec('CREATE TABLE t (x INTEGER)');
    db.prepare('INSERT INTO t VALUES (?)').run(1);
    full = true;
    db.exec('BEGIN IMMEDIATE');
    expect(db.isTransaction).toBe(true);
    expect(() => db.prepare('INSERT INTO t VALUES (?)').run(2)).toThrow('database or disk is full');
    db.exec('ROLLBACK');
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    full = false;
    db.prepare('INSERT INTO t VALUES (?)').run(3);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
    raw.close();
  });
});
