import type { Sql } from '../db/database.ts';

/** True when the document was deleted (a cycle, server/services/cycles.ts): it is refused for good. */
export async function isDocumentDeleted(sql: Sql, name: string): Promise<boolean> {
  return (await sql.get('SELECT 1 FROM deleted_documents WHERE name = ?', name)) !== undefined;
}

/** What a tombstone stands for: a cycle, or a document of a coaching track. */
export type DeletedKind = 'cycle' | 'coaching';

/**
 * Records the tombstone of a document and removes everything stored of it
 * (update log, snapshot, quarantined rows). Call inside a transaction, then
 * discard the loaded document (DocumentControl.discard). Keeps the first
 * tombstone; resolves with whether this call recorded it.
 */
export async function tombstoneDocument(
  sql: Sql,
  tombstone: {
    name: string;
    teamId: string;
    deletedBy: string;
    deletedAt: string;
    kind: DeletedKind;
  },
): Promise<boolean> {
  const { name } = tombstone;
  const recorded = await sql.run(
    `INSERT INTO deleted_documents (name, team_id, deleted_by, deleted_at, kind)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    name,
    tombstone.teamId,
    tombstone.deletedBy,
    tombstone.deletedAt,
    tombstone.kind,
  );
  await sql.run('DELETE FROM doc_updates WHERE name = ?', name);
  await sql.run('DELETE FROM doc_snapshots WHERE name = ?', name);
  await sql.run('DELETE FROM doc_quarantine WHERE name = ?', name);
  return recorded.changes > 0;
}

/**
 * Removes what was stored of a deleted document after its tombstone: on
 * several instances, one that had not yet heard of the deletion may have
 * appended a member's update meanwhile. Only for a document with a
 * tombstone; resolves with the rows removed.
 */
export async function purgeDeletedDocument(sql: Sql, name: string): Promise<number> {
  const deleted = 'EXISTS (SELECT 1 FROM deleted_documents WHERE name = ?)';
  let removed = 0;
  for (const table of ['doc_updates', 'doc_snapshots', 'doc_quarantine']) {
    removed += (await sql.run(`DELETE FROM ${table} WHERE name = ? AND ${deleted}`, name, name))
      .changes;
  }
  return removed;
}

/**
 * What {@link purgeDeletedDocument} does for every deleted document, at
 * start-up: an instance killed between storing a member's update and
 * hearing of the deletion never removed that row itself.
 */
export async function purgeAllDeletedDocuments(sql: Sql): Promise<number> {
  let removed = 0;
  for (const table of ['doc_updates', 'doc_snapshots', 'doc_quarantine']) {
    removed += (
      await sql.run(`DELETE FROM ${table} WHERE name IN (SELECT name FROM deleted_documents)`)
    ).changes;
  }
  return removed;
}

/**
 * True when the sync server has stored anything of the document (its update
 * log or snapshot, server/sync/persistence.ts): every update it acknowledged
 * is stored first, so a document any device synced is here.
 */
export async function isDocumentStored(sql: Sql, name: string): Promise<boolean> {
  const row = await sql.get(
    `SELECT 1 FROM doc_snapshots WHERE name = ?
     UNION ALL SELECT 1 FROM doc_updates WHERE name = ? LIMIT 1`,
    name,
    name,
  );
  return row !== undefined;
}
