import { isCycleDocId, parseDocName } from '../../src/model/docName.ts';
import { isMemberId, type MemberId, type TeamId } from '../../src/model/ids.ts';
import { isRole } from '../../src/model/roles.ts';
import type { CycleTombstone, RosterState, TeamMember } from '../../src/model/roster.ts';
import type { Sql } from '../db/database.ts';

/**
 * What the team's roster document must say, read from the database, which is
 * the truth: every member (removed ones too) and every deleted cycle.
 */
export async function readRosterState(sql: Sql, teamId: TeamId): Promise<RosterState> {
  const members: TeamMember[] = [];
  for (const row of await sql.all(
    'SELECT id, display_name, role, joined_at, removed_at, erased_at FROM members WHERE team_id = ?',
    teamId,
  )) {
    const memberId = String(row.id);
    if (!isMemberId(memberId) || !isRole(row.role)) continue;
    members.push({
      memberId,
      displayName: String(row.display_name),
      role: row.role,
      joinedAt: String(row.joined_at),
      removedAt: row.removed_at === null ? null : String(row.removed_at),
      erasedAt: row.erased_at === null ? null : String(row.erased_at),
    });
  }
  const deletedCycles = new Map<string, CycleTombstone>();
  for (const row of await sql.all(
    "SELECT name, deleted_by, deleted_at FROM deleted_documents WHERE team_id = ? AND kind = 'cycle'",
    teamId,
  )) {
    const ref = parseDocName(String(row.name));
    if (ref?.teamId !== teamId || !isCycleDocId(ref.docId)) continue;
    const deletedBy = String(row.deleted_by);
    deletedCycles.set(ref.docId, {
      deletedAt: String(row.deleted_at),
      deletedBy: isMemberId(deletedBy) ? (deletedBy as MemberId) : null,
    });
  }
  return { members, deletedCycles };
}
