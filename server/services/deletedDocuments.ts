import type { DatabaseSync } from 'node:sqlite';
import { prepared } from '../db/open.ts';

/** True when the document was deleted (a cycle, server/services/cycles.ts): it is refused for good. */
export function isDocumentDeleted(db: DatabaseSync, name: string): boolean {
  return prepared(db, 'SELECT 1 FROM deleted_documents WHERE name = ?').get(name) !== undefined;
}

/** What a tombstone stands for: a cycle, or a document of a coaching track. */
export type DeletedKind = 'cycle' | 'coaching';

/**
 * Records the tombstone of a document and removes everything stored of it
 * (update log, snapshot, quarantined rows). Call inside a transaction, then
 * discard the loaded document (DocumentControl.discard). Keeps the first
 * tombstone; returns whether this call recorded it.
 */
export function tombstoneDocument(
  db: DatabaseSync,
  tombstone: {
    name: string;
    teamId: string;
    deletedBy: string;
    deletedAt: string;
    kind: DeletedKind;
  },
): boolean {
  const { name } = tombstone;
  const recorded = prepared(
    db,
    `INSERT OR IGNORE INTO deleted_documents (name, team_id, deleted_by, deleted_at, kind)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(name, tombstone.teamId, tombstone.deletedBy, tombstone.deletedAt, tombstone.kind);
  prepared(db, 'DELETE FROM doc_updates WHERE name = ?').run(name);
  prepared(db, 'DELETE FROM doc_snapshots WHERE name = ?').run(name);
  prepared(db, 'DELETE FROM doc_quarantine WHERE name = ?').run(name);
  return Number(recorded.changes) > 0;
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
