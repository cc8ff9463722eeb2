import type { MemberData } from '../../src/model/api.ts';
import { parseDocName, rosterDocName, teamDocName } from '../../src/model/docName.ts';
import { canManageMembers } from '../../src/model/roles.ts';
import { endTracksOf } from './coaching.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { ServiceError } from './errors.ts';
import { invitesCreatedBy } from './invites.ts';
import { countCurrentMembers, countFacilitators, findMember } from './members.ts';

/**
 * A member's own data ("My data", README): what the server holds about them
 * in one team, and deleting their account there. A device holds one
 * membership per team, so a person's account is the set of these; the app
 * exports and deletes them team by team.
 */

/** Everything the server stores about the caller in their team. */
export async function memberData(deps: ServiceDeps, actor: Actor): Promise<MemberData> {
  const { db } = deps;
  const member = await findMember(db, actor.teamId, actor.memberId);
  const team = await db.get(
    'SELECT name, creator_member_id, created_at FROM teams WHERE id = ?',
    actor.teamId,
  );
  if (!member || !team) throw new ServiceError('not_found', 'no such member');
  const tokenRows = await db.all(
    'SELECT created_at, revoked_at FROM tokens WHERE team_id = ? AND member_id = ? ORDER BY created_at',
    actor.teamId,
    actor.memberId,
  );
  const tokens = tokenRows.map((row) => ({
    createdAt: String(row.created_at),
    revokedAt: row.revoked_at === null ? null : String(row.revoked_at),
  }));
  const deletedRows = await db.all(
    'SELECT name, deleted_at FROM deleted_documents WHERE team_id = ? AND deleted_by = ? ORDER BY deleted_at',
    actor.teamId,
    actor.memberId,
  );
  const cyclesDeleted = deletedRows.flatMap((row) => {
    const cycleId = parseDocName(String(row.name))?.docId;
    return cycleId ? [{ cycleId, deletedAt: String(row.deleted_at) }] : [];
  });
  return {
    team: { teamId: actor.teamId, name: String(team.name), createdAt: String(team.created_at) },
    member: {
      memberId: member.memberId,
      displayName: member.displayName,
      role: member.role,
      joinedAt: member.joinedAt,
      createdTeam: String(team.creator_member_id) === actor.memberId,
    },
    tokens,
    invitesCreated: await invitesCreatedBy(db, actor.teamId, actor.memberId),
    cyclesDeleted,
  };
}

/**
 * Deletes the caller's account in their team. The server forgets their tokens
 * (every device is refused from now on), their membership and their name: the
 * roster keeps their id with an empty name and `erasedAt`, which every device
 * shows as a neutral label, so the observations and hours they contributed
 * stay with the team without their name. Invites they created stop working,
 * their sync connections close, and the stored history of the roster and the
 * team document is compacted so the old name is not kept in it either. The
 * coaching tracks they coach are deleted; those they are coached in, left.
 *
 * The last facilitator of a team that has other members must hand the role
 * over first (conflict); a team's only member may leave it empty.
 */
export async function eraseOwnAccount(deps: ServiceDeps, actor: Actor): Promise<void> {
  const now = deps.now().toISOString();
  const trackDocs = await deps.db.transaction(async (tx) => {
    const member = await findMember(tx, actor.teamId, actor.memberId);
    if (!member || member.removedAt !== null) throw new ServiceError('not_found', 'no such member');
    const lastFacilitator =
      canManageMembers(member.role) && (await countFacilitators(tx, actor.teamId)) <= 1;
    if (lastFacilitator && (await countCurrentMembers(tx, actor.teamId)) > 1) {
      throw new ServiceError('conflict', 'hand the facilitator role to someone else first');
    }
    await tx.run(
      "UPDATE members SET display_name = '', removed_at = ?, erased_at = ? WHERE team_id = ? AND id = ?",
      now,
      now,
      actor.teamId,
      actor.memberId,
    );
    await tx.run(
      'DELETE FROM tokens WHERE team_id = ? AND member_id = ?',
      actor.teamId,
      actor.memberId,
    );
    await tx.run(
      'UPDATE invites SET revoked_at = ? WHERE team_id = ? AND created_by = ? AND revoked_at IS NULL',
      now,
      actor.teamId,
      actor.memberId,
    );
    await tx.run(
      'UPDATE teams SET creator_key_hash = NULL WHERE id = ? AND creator_member_id = ?',
      actor.teamId,
      actor.memberId,
    );
    return endTracksOf(tx, actor.teamId, actor.memberId, now);
  });
  for (const name of trackDocs) deps.documents.discard(name);
  deps.connections.revoke(actor.teamId, actor.memberId);
  await deps.roster.refresh(actor.teamId);
  await deps.teamDocs.forgetMember(actor.teamId, actor.memberId);
  await deps.documents.compact(rosterDocName(actor.teamId));
  await deps.documents.compact(teamDocName(actor.teamId));
}
