import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { teamDocName } from '../../src/model/docName.ts';
import type { TeamId } from '../../src/model/ids.ts';
import { initTeamDoc, removeCycleSummary, removeLegacyMember } from '../../src/model/teamDoc.ts';
import type { TeamDocWriter } from '../services/deps.ts';
import type { Persistence } from './persistence.ts';

/** The context of the server's own writes (a direct connection, not a member). */
export const SERVER_CONTEXT = { server: true } as const;

/**
 * Applies `change` to a document through a Hocuspocus direct connection, so
 * it reaches connected members at once and goes through the same persistence
 * (update log) as their edits; resolves once it is stored. Never rejects: the database row it follows is
 * the truth and already committed, so a failure is logged, not turned into an
 * error response for a change that did happen.
 */
export async function writeDocument(
  hocuspocus: Hocuspocus,
  store: Pick<Persistence, 'stored'>,
  documentName: string,
  change: (doc: Y.Doc) => void,
  log: (line: string) => void,
): Promise<void> {
  try {
    const connection = await hocuspocus.openDirectConnection(documentName, SERVER_CONTEXT);
    try {
      await connection.transact((document) => change(document));
      await store.stored(documentName);
    } finally {
      await connection.disconnect();
    }
  } catch (error) {
    log(`could not update the document ${documentName}: ${String(error)}`);
  }
}

/** Writes the server's part of team documents (the team's name; dropping deleted cycles' summaries and erased members' old entries). */
export function teamDocWriter(
  hocuspocus: Hocuspocus,
  store: Pick<Persistence, 'stored'>,
  log: (line: string) => void,
): TeamDocWriter {
  const write = (teamId: TeamId, change: (doc: Y.Doc) => void) =>
    writeDocument(hocuspocus, store, teamDocName(teamId), change, log);
  return {
    initTeam: (teamId, init) => write(teamId, (doc) => initTeamDoc(doc, init)),
    dropCycleSummary: (teamId, cycleId) => write(teamId, (doc) => removeCycleSummary(doc, cycleId)),
    forgetMember: (teamId, memberId) => write(teamId, (doc) => removeLegacyMember(doc, memberId)),
  };
}
