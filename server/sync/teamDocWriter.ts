import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { teamDocName } from '../../src/model/docName.ts';
import type { TeamId } from '../../src/model/ids.ts';
import {
  initTeamDoc,
  markCycleDeleted,
  markMemberRemoved,
  putMember,
} from '../../src/model/teamDoc.ts';
import type { TeamDocWriter } from '../services/deps.ts';

/** The context of the server's own writes (a direct connection, not a member). */
export const SERVER_CONTEXT = { server: true } as const;

/**
 * Writes the team document through a Hocuspocus direct connection, so the
 * change reaches connected members at once and goes through the same
 * persistence (update log) as theirs. Never rejects: failures are logged.
 */
export function teamDocWriter(hocuspocus: Hocuspocus, log: (line: string) => void): TeamDocWriter {
  async function write(teamId: TeamId, change: (doc: Y.Doc) => void): Promise<void> {
    // The database row is the truth and is already committed: a failure here is logged, not
    // turned into an error response for a change that did happen.
    try {
      const connection = await hocuspocus.openDirectConnection(teamDocName(teamId), SERVER_CONTEXT);
      try {
        await connection.transact((document) => change(document));
      } finally {
        await connection.disconnect();
      }
    } catch (error) {
      log(`could not update the team document of ${teamId}: ${String(error)}`);
    }
  }
  return {
    initTeam: (teamId, init, creator) =>
      write(teamId, (doc) => {
        initTeamDoc(doc, init);
        putMember(doc, creator.memberId, creator.entry);
      }),
    putMember: (teamId, memberId, entry) => write(teamId, (doc) => putMember(doc, memberId, entry)),
    markMemberRemoved: (teamId, memberId, removedAt) =>
      write(teamId, (doc) => markMemberRemoved(doc, memberId, removedAt)),
    markCycleDeleted: (teamId, cycleId, tombstone) =>
      write(teamId, (doc) => markCycleDeleted(doc, cycleId, tombstone)),
  };
}
