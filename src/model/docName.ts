import { type DocId, isDocId, isTeamId, type TeamId } from './ids.ts';

/**
 * Document names on the sync server: `<teamId>` for the team document and
 * `<teamId>/<docId>` for every other document of that team, so the server
 * authorizes by the team part alone.
 */
export type DocRef = { readonly teamId: TeamId; readonly docId: DocId | null };

/**
 * The docId of the team's roster document (src/model/roster.ts), which only
 * the server writes. A valid id, so the name has the usual shape; cycle ids
 * are 80 random bits and never all zeros in practice, and the server refuses
 * to treat this one as a cycle.
 */
export const ROSTER_DOC_ID = '0000000000000000' as DocId;

export function teamDocName(teamId: TeamId): string {
  return teamId;
}

/** `<teamId>/<ROSTER_DOC_ID>`: the team's server-written roster. */
export function rosterDocName(teamId: TeamId): string {
  return teamScopedDocName(teamId, ROSTER_DOC_ID);
}

/** True for the reserved roster id (never a cycle). */
export function isRosterDocId(docId: string | null | undefined): boolean {
  return docId === ROSTER_DOC_ID;
}

/** True when the name is some team's roster document. */
export function isRosterDocName(name: string): boolean {
  return isRosterDocId(parseDocName(name)?.docId);
}

/** A cycle id: a document id that is not the reserved roster id. */
export function isCycleDocId(value: unknown): value is DocId {
  return isDocId(value) && !isRosterDocId(value);
}

export function teamScopedDocName(teamId: TeamId, docId: DocId): string {
  return `${teamId}/${docId}`;
}

export function docNameOf(ref: DocRef): string {
  return ref.docId === null ? teamDocName(ref.teamId) : teamScopedDocName(ref.teamId, ref.docId);
}

/** Parses a document name; anything but the two exact shapes gives null. */
export function parseDocName(name: string): DocRef | null {
  const parts = name.split('/');
  if (parts.length === 1 && isTeamId(parts[0])) return { teamId: parts[0], docId: null };
  if (parts.length === 2 && isTeamId(parts[0]) && isDocId(parts[1])) {
    return { teamId: parts[0], docId: parts[1] };
  }
  return null;
}

/** True when the document belongs to the team (never a mere string prefix: team1 ≠ team10). */
export function belongsToTeam(name: string, teamId: TeamId): boolean {
  return parseDocName(name)?.teamId === teamId;
}
