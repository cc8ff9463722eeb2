import type { DatabaseSync } from 'node:sqlite';
import { prepared } from '../db/open.ts';

/** True when the document was deleted (a cycle, server/services/cycles.ts): it is refused for good. */
export function isDocumentDeleted(db: DatabaseSync, name: string): boolean {
  return prepared(db, 'SELECT 1 FROM deleted_documents WHERE name = ?').get(name) !== undefined;
}

/**
 * True when the sync server has stored anything of the document (its update
 * log or snapshot, server/sync/persistence.ts): every update it acknowledged
 * is stored first, so a document any device synced is here.
 */
export function isDocumentStored(db: DatabaseSync, name: string): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM doc_snapshots WHERE name = ?
       UNION ALL SELECT 1 FROM doc_updates WHERE name = ? LIMIT 1`,
    ).get(name, name) !== undefined
  );
}
