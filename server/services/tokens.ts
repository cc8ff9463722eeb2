import { createHash, randomBytes } from 'node:crypto';
import type { MemberId, TeamId } from '../../src/model/ids.ts';
import { isRole } from '../../src/model/roles.ts';
import type { Sql } from '../db/database.ts';
import type { Actor } from './deps.ts';

/** A fresh bearer token: 32 random bytes, base64url. Only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 (hex) of a secret: tokens, invite codes and creator keys are stored only this way. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Records a new token (from {@link newToken}, made before the transaction) for
 * the member; the caller hands it out, the only time it exists in clear.
 */
export async function issueToken(
  sql: Sql,
  teamId: TeamId,
  memberId: MemberId,
  now: Date,
  token: string,
): Promise<void> {
  await sql.run(
    'INSERT INTO tokens (hash, team_id, member_id, created_at) VALUES (?, ?, ?, ?)',
    hashSecret(token),
    teamId,
    memberId,
    now.toISOString(),
  );
}

/**
 * The current member a token belongs to, or null for an unknown or revoked
 * token or a removed member.
 */
export async function findMemberByToken(sql: Sql, token: string): Promise<Actor | null> {
  if (token.length === 0 || token.length > 200) return null;
  const row = await sql.get(
    `SELECT m.team_id, m.id, m.role, m.display_name
         FROM tokens t JOIN members m ON m.team_id = t.team_id AND m.id = t.member_id
        WHERE t.hash = ? AND t.revoked_at IS NULL AND m.removed_at IS NULL`,
    hashSecret(token),
  );
  if (!row || !isRole(row.role)) return null;
  return {
    teamId: String(row.team_id) as TeamId,
    memberId: String(row.id) as MemberId,
    role: row.role,
    displayName: String(row.display_name),
  };
}

/** Revokes every token of the member; resolves with how many were live. */
export async function revokeMemberTokens(
  sql: Sql,
  teamId: TeamId,
  memberId: MemberId,
  now: Date,
): Promise<number> {
  const result = await sql.run(
    'UPDATE tokens SET revoked_at = ? WHERE team_id = ? AND member_id = ? AND revoked_at IS NULL',
    now.toISOString(),
    teamId,
    memberId,
  );
  return result.changes;
}
