import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { sqliteDatabase } from '../../../server/db/sqlite.ts';

function database() {
  const raw = new DatabaseSync(':memory:');
  raw.exec('CREATE TABLE counter (n INTEGER NOT NULL)');
  raw.exec('INSERT INTO counter (n) VALUES (0)');
  return sqliteDatabase(raw, ':memory:');
}

describe('the SQLite database: transactions that span awaits', () => {
  it('runs transactions started together one after another, none inside another', async () => {
    const db = database();
    const increment = () =>
      db.transaction(async (tx) => {
        const row = await tx.get<{ n: number }>('SELECT n FROM counter');
        await tx.run('UPDATE counter SET n = ?', Number(row?.n) + 1);
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    expect((await db.get<{ n: number }>('SELECT n FROM counter'))?.n).toBe(20);
  });

  it('keeps a statement from outside out of an open transaction, which it waits for', async () => {
    const db = database();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const rolledBack = db
      .transaction(async (tx) => {
        await tx.run('UPDATE counter SET n = 5');
        await held;
        throw new Error('undone');
      })
      .catch((error: unknown) => error);
    const outside = db.run('UPDATE counter SET n = n + 1');
    release();
    expect(await rolledBack).toBeInstanceOf(Error);
    await outside;
    expect((await db.get<{ n: number }>('SELECT n FROM counter'))?.n).toBe(1);
  });
});
