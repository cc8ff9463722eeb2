import { type DocId, isDocId, isTeamId, type TeamId } from './ids.ts';

/**
 * Document names on the sync server (DESIGN §3 Documents): `<teamId>` for the
 * team document and `<teamId>/<docId>` for every other document of that team,
 * so the server authorizes by the team part alone.
 */
export type DocRef = { readonly teamId: TeamId; readonly docId: DocId | null };

export function teamDocName(teamId: TeamId): string {
  return teamId;
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
