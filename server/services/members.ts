import type { DatabaseSync } from 'node:sqlite';
import type { MemberInfo, UpdateMemberRequest } from '../../src/model/api.ts';
import type { MemberId, TeamId } from '../../src/model/ids.ts';
import { canManageMembers, isRole, type Role } from '../../src/model/roles.ts';
import { inTransaction, prepared } from '../db/open.ts';
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
export function findMember(db: DatabaseSync, teamId: TeamId, memberId: MemberId): MemberRow | null {
  const row = prepared(
    db,
    'SELECT display_name, role, joined_at, removed_at FROM members WHERE team_id = ? AND id = ?',
  ).get(teamId, memberId);
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

export function insertMember(db: DatabaseSync, member: MemberRow): void {
  prepared(
    db,
    'INSERT INTO members (team_id, id, display_name, role, joined_at, removed_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
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
export function countFacilitators(db: DatabaseSync, teamId: TeamId): number {
  const row = prepared(
    db,
    "SELECT count(*) AS n FROM members WHERE team_id = ? AND role = 'facilitator' AND removed_at IS NULL",
  ).get(teamId);
  return Number(row?.n ?? 0);
}

/** Current (not removed) members of the team. */
export function countCurrentMembers(db: DatabaseSync, teamId: TeamId): number {
  const row = prepared(
    db,
    'SELECT count(*) AS n FROM members WHERE team_id = ? AND removed_at IS NULL',
  ).get(teamId);
  return Number(row?.n ?? 0);
}

function currentMember(deps: ServiceDeps, actor: Actor, memberId: MemberId): MemberRow {
  const member = findMember(deps.db, actor.teamId, memberId);
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
  const { db } = deps;
  const updated = inTransaction(db, () => {
    const member = currentMember(deps, actor, memberId);
    const isSelf = memberId === actor.memberId;
    const manager = canManageMembers(actor.role);
    const roleChanges = patch.role !== undefined && patch.role !== member.role;
    if (roleChanges && !manager)
      throw new ServiceError('forbidden', 'only a facilitator may change roles');
    if (patch.displayName !== undefined && !isSelf && !manager) {
      throw new ServiceError('forbidden', 'only a facilitator may rename another member');
    }
    if (roleChanges && member.role === 'facilitator' && countFacilitators(db, actor.teamId) <= 1) {
      throw new ServiceError('conflict', 'the team needs at least one facilitator');
    }
    const next: MemberRow = {
      ...member,
      role: patch.role ?? member.role,
      displayName: patch.displayName ?? member.displayName,
    };
    prepared(db, 'UPDATE members SET role = ?, display_name = ? WHERE team_id = ? AND id = ?').run(
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
  const { db } = deps;
  const removedAt = deps.now().toISOString();
  inTransaction(db, () => {
    const member = currentMember(deps, actor, memberId);
    if (memberId !== actor.memberId && !canManageMembers(actor.role)) {
      throw new ServiceError('forbidden', 'only a facilitator may remove another member');
    }
    if (member.role === 'facilitator' && countFacilitators(db, actor.teamId) <= 1) {
      throw new ServiceError('conflict', 'the last facilitator cannot be removed');
    }
    prepared(db, 'UPDATE members SET removed_at = ? WHERE team_id = ? AND id = ?').run(
      removedAt,
      actor.teamId,
      memberId,
    );
    revokeMemberTokens(db, actor.teamId, memberId, deps.now());
  });
  deps.connections.revoke(actor.teamId, memberId);
  await deps.roster.refresh(actor.teamId);
}
