import type { CreateTeamRequest, Membership } from '../../src/model/api.ts';
import { type MemberId, newMemberId, newTeamId, type TeamId } from '../../src/model/ids.ts';
import type { ServiceDeps } from './deps.ts';
import { ServiceError } from './errors.ts';
import { findMember, insertMember, type MemberRow } from './members.ts';
import { hashSecret, issueToken, newToken } from './tokens.ts';

export type CreateTeamResult = {
  /** `created` for a new team, `retried` for an idempotent repeat with the same creatorKey. */
  readonly outcome: 'created' | 'retried';
  readonly membership: Membership;
};

/** Default for TEAM_CREATE_RATE_LIMIT: new teams per client address per hour. */
export const DEFAULT_TEAM_CREATE_RATE_LIMIT = 20;

/** Default for MAX_TEAMS: far more than one school needs, far less than fills a disk. */
export const DEFAULT_MAX_TEAMS = 10_000;

/**
 * Creates a team with its creator as facilitator and returns a token for the
 * creator. Ids chosen by a client that created the team offline are kept. A
 * repeat with the same teamId and creatorKey returns a fresh token for the
 * same member (`retried`); any other request for a taken teamId is a conflict.
 * A new team beyond `maxTeams` is refused (team_limit_reached); a retry is not.
 * The roster gets the creator before this resolves, and so does the team
 * document its name unless the caller chose the team id: such a caller has
 * written the team document itself and is its only author until it syncs.
 * The `teams` row follows that document's name once it arrives
 * (server/sync/teamName.ts).
 */
export async function createTeam(
  deps: ServiceDeps,
  input: CreateTeamRequest,
  limits: { readonly maxTeams: number } = { maxTeams: DEFAULT_MAX_TEAMS },
): Promise<CreateTeamResult> {
  const now = deps.now();
  const teamId = (input.teamId ?? newTeamId()) as TeamId;
  const keyHash = input.creatorKey === undefined ? null : hashSecret(input.creatorKey);
  const creatorId = (input.memberId ?? newMemberId()) as MemberId;
  const token = newToken();

  const result = await deps.db.transaction(async (tx) => {
    const existing = await tx.get(
      'SELECT name, creator_member_id, creator_key_hash, created_at FROM teams WHERE id = ?',
      teamId,
    );
    if (existing) {
      if (keyHash === null || existing.creator_key_hash !== keyHash) {
        throw new ServiceError('conflict', 'a team with this id already exists');
      }
      const creator = await findMember(tx, teamId, String(existing.creator_member_id) as MemberId);
      if (!creator || creator.removedAt !== null) {
        throw new ServiceError('conflict', 'the creator of this team is no longer a member');
      }
      await issueToken(tx, teamId, creator.memberId, now, token);
      return {
        outcome: 'retried' as const,
        teamName: String(existing.name),
        createdAt: String(existing.created_at),
        creator,
      };
    }
    const teams = Number((await tx.get('SELECT count(*) AS n FROM teams'))?.n ?? 0);
    if (teams >= limits.maxTeams) {
      throw new ServiceError('team_limit_reached', 'this server creates no more teams');
    }
    const creator: MemberRow = {
      teamId,
      memberId: creatorId,
      displayName: input.displayName,
      role: 'facilitator',
      joinedAt: now.toISOString(),
      removedAt: null,
    };
    await tx.run(
      'INSERT INTO teams (id, name, creator_member_id, creator_key_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      teamId,
      input.name,
      creator.memberId,
      keyHash,
      now.toISOString(),
    );
    await insertMember(tx, creator);
    await issueToken(tx, teamId, creator.memberId, now, token);
    return {
      outcome: 'created' as const,
      teamName: input.name,
      createdAt: now.toISOString(),
      creator,
    };
  });

  // Also on a retry: the first attempt may have died before the document writes. A device that
  // chose the team's id named the team in its own team document (offline-first creation); the
  // server writing the name as well would be a concurrent edit that wins about half the time
  // over a rename the device makes before that document first reaches the server.
  await Promise.all([
    input.teamId === undefined
      ? deps.teamDocs.initTeam(teamId, { name: result.teamName, createdAt: result.createdAt })
      : undefined,
    deps.roster.refresh(teamId),
  ]);

  return {
    outcome: result.outcome,
    membership: {
      teamId,
      memberId: result.creator.memberId,
      token,
      role: result.creator.role,
      teamName: result.teamName,
      displayName: result.creator.displayName,
    },
  };
}

/** Whether a team with this id exists (a POST /api/teams for it is a retry or a conflict). */
export async function teamExists(deps: ServiceDeps, teamId: TeamId): Promise<boolean> {
  return (await deps.db.get('SELECT 1 FROM teams WHERE id = ?', teamId)) !== undefined;
}

/** The team's name as recorded at creation, or null for an unknown team. */
export async function findTeamName(deps: ServiceDeps, teamId: TeamId): Promise<string | null> {
  const row = await deps.db.get('SELECT name FROM teams WHERE id = ?', teamId);
  return row ? String(row.name) : null;
}
