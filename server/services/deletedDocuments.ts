import type { DatabaseSync } from 'node:sqlite';
import { prepared } from '../db/open.ts';

/** True when the document was deleted (a cycle, server/services/cycles.ts): it is refused for good. */
export function isDocumentDeleted(db: DatabaseSync, name: string): boolean {
  return prepared(db, 'SELECT 1 FROM deleted_documents WHERE name = ?').get(name) !== undefined;
}
