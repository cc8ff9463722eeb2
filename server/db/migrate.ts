import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Database } from './database.ts';
import { inTransaction } from './open.ts';

/** Where the numbered SQL files live (`0001_init.sql`, `0002_….sql`). */
export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
/** PostgreSQL's versions of the same migrations, with the same numbers and names. */
export const POSTGRES_MIGRATIONS_DIR = join(MIGRATIONS_DIR, 'postgres');

export type Migration = { readonly version: number; readonly name: string; readonly sql: string };

const FILE_PATTERN = /^(\d{4})_([a-z0-9_-]+)\.sql$/;

/** Reads the migration files in version order; a gap or a duplicate number is a programming error. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = FILE_PATTERN.exec(file);
    if (!match) continue;
    migrations.push({
      version: Number(match[1]),
      name: file,
      sql: readFileSync(join(dir, file), 'utf8'),
    });
  }
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} is out of sequence (expected ${index + 1})`);
    }
  });
  return migrations;
}

export class UnknownMigrationError extends Error {
  readonly versions: readonly number[];
  constructor(versions: readonly number[]) {
    super(
      `the database was written by a newer Leskring (unknown migrations: ${versions.join(', ')}); update the server`,
    );
    this.name = 'UnknownMigrationError';
    this.versions = versions;
  }
}

/**
 * Brings the database up to date: forward-only, each migration in its own
 * transaction together with its row in `schema_migrations`. Refuses (throws
 * UnknownMigrationError) a database that records a migration this code does
 * not know, so an older server never writes to a newer schema.
 */
export function migrate(
  db: DatabaseSync,
  migrations: readonly Migration[] = readMigrations(),
): {
  applied: number[];
} {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const known = new Set(migrations.map((m) => m.version));
  const recorded = db
    .prepare('SELECT version FROM schema_migrations ORDER BY version')
    .all()
    .map((row) => Number(row.version));
  const unknown = recorded.filter((version) => !known.has(version));
  if (unknown.length > 0) throw new UnknownMigrationError(unknown);

  const done = new Set(recorded);
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    inTransaction(db, () => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    });
    applied.push(migration.version);
  }
  return { applied };
}

/**
 * `migrate` for PostgreSQL: the same forward-only numbered migrations, all
 * in one transaction under an advisory lock, so instances that start
 * together apply them once.
 */
export async function migrateDatabase(
  db: Database,
  migrations: readonly Migration[] = readMigrations(POSTGRES_MIGRATIONS_DIR),
): Promise<{ applied: number[] }> {
  return db.exclusive('leskring:migrations', async (tx) => {
    await tx.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const known = new Set(migrations.map((m) => m.version));
    const recorded = (
      await tx.all<{ version: unknown }>('SELECT version FROM schema_migrations ORDER BY version')
    ).map((row) => Number(row.version));
    const unknown = recorded.filter((version) => !known.has(version));
    if (unknown.length > 0) throw new UnknownMigrationError(unknown);
    const done = new Set(recorded);
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.run(migration.sql);
      await tx.run(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      applied.push(migration.version);
    }
    return { applied };
  });
}
