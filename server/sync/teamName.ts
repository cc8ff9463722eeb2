import type { Extension } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { parseDocName } from '../../src/model/docName.ts';
import { readTeam } from '../../src/model/teamDoc.ts';
import type { Database } from '../db/database.ts';

/**
 * Keeps the server's copy of a team's name (the `teams` table, which invite
 * previews and "My data" read) in step with the team document, where members
 * rename the team. Checked after every change and when the document loads, so
 * a rename made before this existed is caught up too. A name the team
 * document cannot hold (empty, too long) is left alone; a failed write is
 * logged and never stops the sync. Writes for one team run one after
 * another, each reading the name as the document has it by then, so the
 * last write is always the latest name.
 */
export function teamNameExtension(db: Database, log: (line: string) => void): Extension {
  const queues = new Map<string, Promise<void>>();

  const store = async (teamId: string, document: Y.Doc) => {
    const name = readTeam(document).name.trim();
    if (name.length === 0 || name.length > 120) return;
    try {
      await db.run('UPDATE teams SET name = ? WHERE id = ? AND name <> ?', name, teamId, name);
    } catch (error) {
      log(`could not store the name of team ${teamId}: ${String(error)}`);
    }
  };

  const follow = (documentName: string, document: Y.Doc): Promise<void> => {
    const ref = parseDocName(documentName);
    if (!ref || ref.docId !== null) return Promise.resolve();
    const next = (queues.get(ref.teamId) ?? Promise.resolve()).then(() =>
      store(ref.teamId, document),
    );
    queues.set(ref.teamId, next);
    void next.then(() => {
      if (queues.get(ref.teamId) === next) queues.delete(ref.teamId);
    });
    return next;
  };

  return {
    extensionName: 'leskring-team-name',
    async afterLoadDocument({ documentName, document }) {
      await follow(documentName, document);
    },
    async onChange({ documentName, document }) {
      await follow(documentName, document);
    },
  };
}
