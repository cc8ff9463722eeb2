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
import type { Sql } from '../db/database.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { ServiceError } from './errors.ts';
import { insertMember, type MemberRow } from './members.ts';
import { hashSecret, issueToken, newToken } from './tokens.ts';

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
export async function createInvite(
  deps: ServiceDeps,
  actor: Actor,
  input: CreateInviteRequest,
): Promise<CreatedInvite> {
  if (!canInvite(actor.role)) throw new ServiceError('forbidden', 'guests cannot invite');
  if (input.role === 'facilitator' && !canManageMembers(actor.role)) {
    throw new ServiceError('forbidden', 'only a facilitator may invite a facilitator');
  }
  const now = deps.now();
  const inviteId = newInviteId();
  const code = newInviteCode();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString();
  await deps.db.run(
    `INSERT INTO invites (id, team_id, code_hash, role, created_by, created_at, expires_at, single_use)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
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
export async function listInvites(deps: ServiceDeps, actor: Actor): Promise<InviteInfo[]> {
  if (!canInvite(actor.role)) throw new ServiceError('forbidden', 'guests cannot see invites');
  const rows = await deps.db.all(
    `SELECT ${INVITE_COLUMNS} FROM invites WHERE team_id = ? ORDER BY created_at DESC, id`,
    actor.teamId,
  );
  return rows.map(toInviteInfo);
}

/** The invites one member created, newest first, without codes. */
export async function invitesCreatedBy(
  sql: Sql,
  teamId: TeamId,
  memberId: MemberId,
): Promise<InviteInfo[]> {
  const rows = await sql.all(
    `SELECT ${INVITE_COLUMNS} FROM invites WHERE team_id = ? AND created_by = ? ORDER BY created_at DESC, id`,
    teamId,
    memberId,
  );
  return rows.map(toInviteInfo);
}

export async function revokeInvite(
  deps: ServiceDeps,
  actor: Actor,
  inviteId: InviteId,
): Promise<void> {
  const revokedAt = deps.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const raw = await tx.get(
      `SELECT ${INVITE_COLUMNS} FROM invites WHERE id = ? AND team_id = ?`,
      inviteId,
      actor.teamId,
    );
    if (!raw) throw new ServiceError('not_found', 'no such invite');
    const invite = toInviteRow(raw);
    if (invite.createdBy !== actor.memberId && !canManageMembers(actor.role)) {
      throw new ServiceError('forbidden', 'only its creator or a facilitator may revoke an invite');
    }
    if (invite.revokedAt === null) {
      await tx.run('UPDATE invites SET revoked_at = ? WHERE id = ?', revokedAt, inviteId);
    }
  });
}

/** Finds a usable invite by code; throws invite_invalid / invite_expired / invite_revoked. */
async function usableInvite(
  sql: Sql,
  rawCode: string,
  now: Date,
): Promise<InviteRow & { teamName: string }> {
  const code = normalizeInviteCode(rawCode);
  if (code === null) throw new ServiceError('invite_invalid', 'this is not an invite code');
  const raw = await sql.get(
    `SELECT i.id, i.team_id, i.role, i.created_by, i.created_at, i.expires_at, i.revoked_at,
            i.single_use, i.uses, t.name AS team_name
       FROM invites i JOIN teams t ON t.id = i.team_id
      WHERE i.code_hash = ?`,
    hashSecret(code),
  );
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
export async function previewInvite(deps: ServiceDeps, code: string): Promise<InvitePreview> {
  const invite = await usableInvite(deps.db, code, deps.now());
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
  const memberId = newMemberId();
  const token = newToken();
  const joined = await deps.db.transaction(async (tx) => {
    const invite = await usableInvite(tx, code, now);
    const member: MemberRow = {
      teamId: invite.teamId,
      memberId,
      displayName,
      role: invite.role,
      joinedAt: now.toISOString(),
      removedAt: null,
    };
    await insertMember(tx, member);
    await tx.run('UPDATE invites SET uses = uses + 1 WHERE id = ?', invite.inviteId);
    await issueToken(tx, member.teamId, member.memberId, now, token);
    return { member, teamName: invite.teamName };
  });
  await deps.roster.refresh(joined.member.teamId);
  return {
    teamId: joined.member.teamId,
    memberId: joined.member.memberId,
    token,
    role: joined.member.role,
    teamName: joined.teamName,
    displayName: joined.member.displayName,
  };
}
