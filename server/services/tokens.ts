import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { MemberId, TeamId } from '../../src/model/ids.ts';
import { isRole } from '../../src/model/roles.ts';
import { prepared } from '../db/open.ts';
import type { Actor } from './deps.ts';

/** A fresh bearer token: 32 random bytes, base64url. Only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 (hex) of a secret: tokens, invite codes and creator keys are stored only this way. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Issues a new token for the member and returns it (the only time it exists in clear). */
export function issueToken(
  db: DatabaseSync,
  teamId: TeamId,
  memberId: MemberId,
  now: Date,
): string {
  const token = newToken();
  prepared(db, 'INSERT INTO tokens (hash, team_id, member_id, created_at) VALUES (?, ?, ?, ?)').run(
    hashSecret(token),
    teamId,
    memberId,
    now.toISOString(),
  );
  return token;
}

/**
 * The current member a token belongs to, or null for an unknown or revoked
 * token or a removed member.
 */
export function findMemberByToken(db: DatabaseSync, token: string): Actor | null {
  if (token.length === 0 || token.length > 200) return null;
  const row = prepared(
    db,
    `SELECT m.team_id, m.id, m.role, m.display_name
         FROM tokens t JOIN members m ON m.team_id = t.team_id AND m.id = t.member_id
        WHERE t.hash = ? AND t.revoked_at IS NULL AND m.removed_at IS NULL`,
  ).get(hashSecret(token));
  if (!row || !isRole(row.role)) return null;
  return {
    teamId: String(row.team_id) as TeamId,
    memberId: String(row.id) as MemberId,
    role: row.role,
    displayName: String(row.display_name),
  };
}

/** Revokes every token of the member; returns how many were live. */
export function revokeMemberTokens(
  db: DatabaseSync,
  teamId: TeamId,
  memberId: MemberId,
  now: Date,
): number {
  const result = prepared(
    db,
    'UPDATE tokens SET revoked_at = ? WHERE team_id = ? AND member_id = ? AND revoked_at IS NULL',
  ).run(now.toISOString(), teamId, memberId);
  return Number(result.changes);
}
