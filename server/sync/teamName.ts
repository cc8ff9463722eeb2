import type { DatabaseSync } from 'node:sqlite';
import type { Extension } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { parseDocName } from '../../src/model/docName.ts';
import { readTeam } from '../../src/model/teamDoc.ts';
import { prepared } from '../db/open.ts';

/**
 * Keeps the server's copy of a team's name (the `teams` table, which invite
 * previews and "My data" read) in step with the team document, where members
 * rename the team. Checked after every change and when the document loads, so
 * a rename made before this existed is caught up too. A name the team
 * document cannot hold (empty, too long) is left alone; a failed write is
 * logged and never stops the sync.
 */
export function teamNameExtension(db: DatabaseSync, log: (line: string) => void): Extension {
  const follow = (documentName: string, document: Y.Doc) => {
    const ref = parseDocName(documentName);
    if (!ref || ref.docId !== null) return;
    const name = readTeam(document).name.trim();
    if (name.length === 0 || name.length > 120) return;
    try {
      prepared(db, 'UPDATE teams SET name = ? WHERE id = ? AND name <> ?').run(
        name,
        ref.teamId,
        name,
      );
    } catch (error) {
      log(`could not store the name of team ${ref.teamId}: ${String(error)}`);
    }
  };
  return {
    extensionName: 'leskring-team-name',
    async afterLoadDocument({ documentName, document }) {
      follow(documentName, document);
    },
    async onChange({ documentName, document }) {
      follow(documentName, document);
    },
  };
}
