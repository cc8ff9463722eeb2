import type { DatabaseSync } from 'node:sqlite';
import type {
  CreatedInvite,
  CreateInviteRequest,
  InviteInfo,
  InvitePreview,
  Membership,
} from '../../src/model/api.ts';
import {
  type InviteId,
  type MemberId,
  newInviteId,
  newMemberId,
  type TeamId,
} from '../../src/model/ids.ts';
import { newInviteCode, normalizeInviteCode } from '../../src/model/inviteCode.ts';
import { canInvite, canManageMembers, isRole, type Role } from '../../src/model/roles.ts';
import { inTransaction, prepared } from '../db/open.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { ServiceError } from './errors.ts';
import { insertMember, type MemberRow } from './members.ts';
import { hashSecret, issueToken } from './tokens.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

type InviteRow = {
  readonly inviteId: InviteId;
  readonly teamId: TeamId;
  readonly role: Role;
  readonly createdBy: MemberId;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly singleUse: boolean;
  readonly uses: number;
};

function toInviteRow(row: Record<string, unknown>): InviteRow {
  const role = isRole(row.role) ? row.role : 'guest';
  return {
    inviteId: String(row.id) as InviteId,
    teamId: String(row.team_id) as TeamId,
    role,
    createdBy: String(row.created_by) as MemberId,
    createdAt: String(row.created_at),
    expiresAt: String(row.expires_at),
    revokedAt: row.revoked_at === null ? null : String(row.revoked_at),
    singleUse: Number(row.single_use) === 1,
    uses: Number(row.uses),
  };
}

const INVITE_COLUMNS =
  'id, team_id, role, created_by, created_at, expires_at, revoked_at, single_use, uses';

/**
 * Creates an invite and returns its code, the only time the code exists in
 * clear (only its hash is stored). Guests may not invite; only a facilitator
 * may invite another facilitator.
 */
export function createInvite(
  deps: ServiceDeps,
  actor: Actor,
  input: CreateInviteRequest,
): CreatedInvite {
  if (!canInvite(actor.role)) throw new ServiceError('forbidden', 'guests cannot invite');
  if (input.role === 'facilitator' && !canManageMembers(actor.role)) {
    throw new ServiceError('forbidden', 'only a facilitator may invite a facilitator');
  }
  const now = deps.now();
  const inviteId = newInviteId();
  const code = newInviteCode();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString();
  prepared(
    deps.db,
    `INSERT INTO invites (id, team_id, code_hash, role, created_by, created_at, expires_at, single_use)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    inviteId,
    actor.teamId,
    hashSecret(code),
    input.role,
    actor.memberId,
    now.toISOString(),
    expiresAt,
    input.singleUse ? 1 : 0,
  );
  return { inviteId, code, role: input.role, expiresAt, singleUse: input.singleUse };
}

function toInviteInfo(raw: Record<string, unknown>): InviteInfo {
  const row = toInviteRow(raw);
  return {
    inviteId: row.inviteId,
    role: row.role,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    singleUse: row.singleUse,
    uses: row.uses,
  };
}

/** The team's invites, newest first, without codes. */
export function listInvites(deps: ServiceDeps, actor: Actor): InviteInfo[] {
  if (!canInvite(actor.role)) throw new ServiceError('forbidden', 'guests cannot see invites');
  return prepared(
    deps.db,
    `SELECT ${INVITE_COLUMNS} FROM invites WHERE team_id = ? ORDER BY created_at DESC, id`,
  )
    .all(actor.teamId)
    .map(toInviteInfo);
}

/** The invites one member created, newest first, without codes. */
export function invitesCreatedBy(
  db: DatabaseSync,
  teamId: TeamId,
  memberId: MemberId,
): InviteInfo[] {
  return prepared(
    db,
    `SELECT ${INVITE_COLUMNS} FROM invites WHERE team_id = ? AND created_by = ? ORDER BY created_at DESC, id`,
  )
    .all(teamId, memberId)
    .map(toInviteInfo);
}

export function revokeInvite(deps: ServiceDeps, actor: Actor, inviteId: InviteId): void {
  inTransaction(deps.db, () => {
    const raw = prepared(
      deps.db,
      `SELECT ${INVITE_COLUMNS} FROM invites WHERE id = ? AND team_id = ?`,
    ).get(inviteId, actor.teamId);
    if (!raw) throw new ServiceError('not_found', 'no such invite');
    const invite = toInviteRow(raw);
    if (invite.createdBy !== actor.memberId && !canManageMembers(actor.role)) {
      throw new ServiceError('forbidden', 'only its creator or a facilitator may revoke an invite');
    }
    if (invite.revokedAt === null) {
      prepared(deps.db, 'UPDATE invites SET revoked_at = ? WHERE id = ?').run(
        deps.now().toISOString(),
        inviteId,
      );
    }
  });
}

/** Finds a usable invite by code; throws invite_invalid / invite_expired / invite_revoked. */
function usableInvite(
  db: DatabaseSync,
  rawCode: string,
  now: Date,
): InviteRow & { teamName: string } {
  const code = normalizeInviteCode(rawCode);
  if (code === null) throw new ServiceError('invite_invalid', 'this is not an invite code');
  const raw = prepared(
    db,
    `SELECT i.id, i.team_id, i.role, i.created_by, i.created_at, i.expires_at, i.revoked_at,
            i.single_use, i.uses, t.name AS team_name
       FROM invites i JOIN teams t ON t.id = i.team_id
      WHERE i.code_hash = ?`,
  ).get(hashSecret(code));
  if (!raw) throw new ServiceError('invite_invalid', 'unknown invite code');
  const invite = toInviteRow(raw);
  if (invite.revokedAt !== null)
    throw new ServiceError('invite_revoked', 'this invite was revoked');
  if (Date.parse(invite.expiresAt) <= now.getTime()) {
    throw new ServiceError('invite_expired', 'this invite has expired');
  }
  if (invite.singleUse && invite.uses > 0) {
    throw new ServiceError('invite_revoked', 'this invite has already been used');
  }
  return { ...invite, teamName: String(raw.team_name) };
}

/** What a person is about to join, without joining. */
export function previewInvite(deps: ServiceDeps, code: string): InvitePreview {
  const invite = usableInvite(deps.db, code, deps.now());
  return { teamName: invite.teamName, role: invite.role, expiresAt: invite.expiresAt };
}

/**
 * Joins the invite's team as a new member with the invite's role and returns
 * the membership with a token. A single-use invite is used up by this.
 */
export async function joinWithInvite(
  deps: ServiceDeps,
  code: string,
  displayName: string,
): Promise<Membership> {
  const now = deps.now();
  const joined = inTransaction(deps.db, () => {
    const invite = usableInvite(deps.db, code, now);
    const member: MemberRow = {
      teamId: invite.teamId,
      memberId: newMemberId(),
      displayName,
      role: invite.role,
      joinedAt: now.toISOString(),
      removedAt: null,
    };
    insertMember(deps.db, member);
    prepared(deps.db, 'UPDATE invites SET uses = uses + 1 WHERE id = ?').run(invite.inviteId);
    const token = issueToken(deps.db, member.teamId, member.memberId, now);
    return { member, token, teamName: invite.teamName };
  });
  await deps.roster.refresh(joined.member.teamId);
  return {
    teamId: joined.member.teamId,
    memberId: joined.member.memberId,
    token: joined.token,
    role: joined.member.role,
    teamName: joined.teamName,
    displayName: joined.member.displayName,
  };
}
