import type { MemberInfo, UpdateMemberRequest } from '../../src/model/api.ts';
import type { MemberId, TeamId } from '../../src/model/ids.ts';
import { canManageMembers, isRole, type Role } from '../../src/model/roles.ts';
import type { Sql } from '../db/database.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { ServiceError } from './errors.ts';
import { revokeMemberTokens } from './tokens.ts';

export type MemberRow = {
  readonly teamId: TeamId;
  readonly memberId: MemberId;
  readonly displayName: string;
  readonly role: Role;
  readonly joinedAt: string;
  readonly removedAt: string | null;
};

/** Reads one member (removed ones too), or null. */
export async function findMember(
  sql: Sql,
  teamId: TeamId,
  memberId: MemberId,
): Promise<MemberRow | null> {
  const row = await sql.get(
    'SELECT display_name, role, joined_at, removed_at FROM members WHERE team_id = ? AND id = ?',
    teamId,
    memberId,
  );
  if (!row || !isRole(row.role)) return null;
  return {
    teamId,
    memberId,
    displayName: String(row.display_name),
    role: row.role,
    joinedAt: String(row.joined_at),
    removedAt: row.removed_at === null ? null : String(row.removed_at),
  };
}

export async function insertMember(sql: Sql, member: MemberRow): Promise<void> {
  await sql.run(
    'INSERT INTO members (team_id, id, display_name, role, joined_at, removed_at) VALUES (?, ?, ?, ?, ?, ?)',
    member.teamId,
    member.memberId,
    member.displayName,
    member.role,
    member.joinedAt,
    member.removedAt,
  );
}

export function toMemberInfo(member: MemberRow): MemberInfo {
  return {
    memberId: member.memberId,
    displayName: member.displayName,
    role: member.role,
    joinedAt: member.joinedAt,
  };
}

/** Current (not removed) facilitators of the team. */
export async function countFacilitators(sql: Sql, teamId: TeamId): Promise<number> {
  const row = await sql.get(
    "SELECT count(*) AS n FROM members WHERE team_id = ? AND role = 'facilitator' AND removed_at IS NULL",
    teamId,
  );
  return Number(row?.n ?? 0);
}

/** Current (not removed) members of the team. */
export async function countCurrentMembers(sql: Sql, teamId: TeamId): Promise<number> {
  const row = await sql.get(
    'SELECT count(*) AS n FROM members WHERE team_id = ? AND removed_at IS NULL',
    teamId,
  );
  return Number(row?.n ?? 0);
}

async function currentMember(sql: Sql, actor: Actor, memberId: MemberId): Promise<MemberRow> {
  const member = await findMember(sql, actor.teamId, memberId);
  if (!member || member.removedAt !== null) throw new ServiceError('not_found', 'no such member');
  return member;
}

/**
 * Changes a member's role or display name. A facilitator may change anyone;
 * others only their own display name. The last facilitator cannot be demoted
 * (conflict), so a team always keeps someone who can manage it. Open sync
 * connections get the new role at once.
 */
export async function updateMember(
  deps: ServiceDeps,
  actor: Actor,
  memberId: MemberId,
  patch: UpdateMemberRequest,
): Promise<MemberInfo> {
  const updated = await deps.db.transaction(async (tx) => {
    const member = await currentMember(tx, actor, memberId);
    const isSelf = memberId === actor.memberId;
    const manager = canManageMembers(actor.role);
    const roleChanges = patch.role !== undefined && patch.role !== member.role;
    if (roleChanges && !manager)
      throw new ServiceError('forbidden', 'only a facilitator may change roles');
    if (patch.displayName !== undefined && !isSelf && !manager) {
      throw new ServiceError('forbidden', 'only a facilitator may rename another member');
    }
    if (
      roleChanges &&
      member.role === 'facilitator' &&
      (await countFacilitators(tx, actor.teamId)) <= 1
    ) {
      throw new ServiceError('conflict', 'the team needs at least one facilitator');
    }
    const next: MemberRow = {
      ...member,
      role: patch.role ?? member.role,
      displayName: patch.displayName ?? member.displayName,
    };
    await tx.run(
      'UPDATE members SET role = ?, display_name = ? WHERE team_id = ? AND id = ?',
      next.role,
      next.displayName,
      actor.teamId,
      memberId,
    );
    return { next, roleChanges };
  });
  if (updated.roleChanges) deps.connections.roleChanged(actor.teamId, memberId, updated.next.role);
  await deps.roster.refresh(actor.teamId);
  return toMemberInfo(updated.next);
}

/**
 * Removes a member: a facilitator may remove anyone, anyone may remove
 * themselves (leave). Revokes all their tokens, closes their sync
 * connections and marks them removed in the roster. Removing the last
 * facilitator is a conflict.
 */
export async function removeMember(
  deps: ServiceDeps,
  actor: Actor,
  memberId: MemberId,
): Promise<void> {
  const now = deps.now();
  const removedAt = now.toISOString();
  await deps.db.transaction(async (tx) => {
    const member = await currentMember(tx, actor, memberId);
    if (memberId !== actor.memberId && !canManageMembers(actor.role)) {
      throw new ServiceError('forbidden', 'only a facilitator may remove another member');
    }
    if (member.role === 'facilitator' && (await countFacilitators(tx, actor.teamId)) <= 1) {
      throw new ServiceError('conflict', 'the last facilitator cannot be removed');
    }
    await tx.run(
      'UPDATE members SET removed_at = ? WHERE team_id = ? AND id = ?',
      removedAt,
      actor.teamId,
      memberId,
    );
    await revokeMemberTokens(tx, actor.teamId, memberId, now);
  });
  deps.connections.revoke(actor.teamId, memberId);
  await deps.roster.refresh(actor.teamId);
}
