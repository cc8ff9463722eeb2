import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrate, readMigrations, UnknownMigrationError } from '../../server/db/migrate.ts';
import { DB_FILE_NAME, openDatabase } from '../../server/db/open.ts';
import { startServer } from '../../server/main.ts';
import { tempDir } from './helpers.ts';

describe('database migrations', () => {
  it('applies every numbered migration once and records it', async () => {
    const dir = await tempDir();
    const { db } = openDatabase(dir);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(versions.map((row) => Number(row.version))).toEqual(
      readMigrations().map((m) => m.version),
    );
    expect(migrate(db).applied).toEqual([]);
    expect(db.prepare('PRAGMA journal_mode').get()?.journal_mode).toBe('wal');
    expect(Number(db.prepare('PRAGMA synchronous').get()?.synchronous)).toBe(2);
    db.close();
  });

  it('refuses to start on a database that knows a migration this server does not', async () => {
    const dir = await tempDir();
    openDatabase(dir).db.close();
    const db = new DatabaseSync(join(dir, DB_FILE_NAME));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      999,
      '0999_from_the_future.sql',
      new Date().toISOString(),
    );
    db.close();
    expect(() => openDatabase(dir)).toThrow(UnknownMigrationError);
    await expect(startServer({ port: 0, dataDir: dir, log: () => {} })).rejects.toThrow(
      /unknown migrations: 999/,
    );
  });

  it('rolls back a migration that fails, leaving it unrecorded', async () => {
    const dir = await tempDir();
    const db = new DatabaseSync(join(dir, 'x.sqlite'));
    const good = { version: 1, name: '0001_a.sql', sql: 'CREATE TABLE a (x INTEGER) STRICT;' };
    const bad = {
      version: 2,
      name: '0002_b.sql',
      sql: 'CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);',
    };
    expect(() => migrate(db, [good, bad])).toThrow();
    const recorded = db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => Number(r.version));
    expect(recorded).toEqual([1]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    db.close();
  });
});
