import type { CoachingTrackInfo, CreatedCoachingTrack } from '../../src/model/api.ts';
import { teamScopedDocName } from '../../src/model/docName.ts';
import { type DocId, type MemberId, newId, type TeamId } from '../../src/model/ids.ts';
import { canEdit } from '../../src/model/roles.ts';
import type { Row, Sql } from '../db/database.ts';
import { tombstoneDocument } from './deletedDocuments.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { ServiceError } from './errors.ts';
import { findMember } from './members.ts';

/**
 * Coaching tracks (README, "Coaching"): a coach follows one coachee. A track
 * owns two documents of the team, `sharedDoc` (coach and coachee) and
 * `coachDoc` (the coach alone); the sync server asks {@link trackOfDocument}
 * who may open a document before anything else of the team's rules apply.
 */

export type TrackRow = {
  readonly trackId: string;
  readonly teamId: TeamId;
  readonly coachId: MemberId;
  readonly coacheeId: MemberId;
  readonly sharedDocId: DocId;
  readonly coachDocId: DocId;
  readonly createdAt: string;
  readonly coacheeLeftAt: string | null;
};

const TRACK_COLUMNS =
  'id, team_id, coach_id, coachee_id, shared_doc_id, coach_doc_id, created_at, coachee_left_at';

function toTrackRow(row: Row): TrackRow {
  return {
    trackId: String(row.id),
    teamId: String(row.team_id) as TeamId,
    coachId: String(row.coach_id) as MemberId,
    coacheeId: String(row.coachee_id) as MemberId,
    sharedDocId: String(row.shared_doc_id) as DocId,
    coachDocId: String(row.coach_doc_id) as DocId,
    createdAt: String(row.created_at),
    coacheeLeftAt: row.coachee_left_at === null ? null : String(row.coachee_left_at),
  };
}

/** Which track a document of the team belongs to, and which of its two it is; null for any other document. */
export async function trackOfDocument(
  sql: Sql,
  teamId: TeamId,
  docId: DocId,
): Promise<{ track: TrackRow; part: 'shared' | 'coach' } | null> {
  const row = await sql.get(
    `SELECT ${TRACK_COLUMNS} FROM coaching_tracks
      WHERE team_id = ? AND (shared_doc_id = ? OR coach_doc_id = ?)`,
    teamId,
    docId,
    docId,
  );
  if (!row) return null;
  const track = toTrackRow(row);
  return { track, part: track.sharedDocId === docId ? 'shared' : 'coach' };
}

/**
 * Whether a member may open a track's document: the coach both, the coachee
 * the shared one until they leave the track; nobody else, and no guest (a
 * party whose role became guest included). Removed members never get this far
 * (their tokens are revoked).
 */
export function mayOpenTrackDocument(
  found: { track: TrackRow; part: 'shared' | 'coach' },
  member: Pick<Actor, 'memberId' | 'role'>,
): boolean {
  if (!canEdit(member.role)) return false;
  const { track, part } = found;
  if (member.memberId === track.coachId) return true;
  return part === 'shared' && member.memberId === track.coacheeId && track.coacheeLeftAt === null;
}

function infoFor(track: TrackRow, memberId: MemberId): CoachingTrackInfo {
  const isCoach = track.coachId === memberId;
  return {
    trackId: track.trackId,
    coachId: track.coachId,
    coacheeId: track.coacheeId,
    role: isCoach ? 'coach' : 'coachee',
    sharedDoc: teamScopedDocName(track.teamId, track.sharedDocId),
    coachDoc: isCoach ? teamScopedDocName(track.teamId, track.coachDocId) : null,
    createdAt: track.createdAt,
    coacheeLeftAt: track.coacheeLeftAt,
  };
}

/** Starts a track with the caller as coach. Guests may not; the coachee is another current member who is not a guest. */
export async function createTrack(
  deps: ServiceDeps,
  actor: Actor,
  coacheeId: MemberId,
): Promise<CreatedCoachingTrack> {
  if (!canEdit(actor.role)) throw new ServiceError('forbidden', 'guests cannot start a track');
  if (coacheeId === actor.memberId)
    throw new ServiceError('bad_request', 'a coach cannot coach themselves');
  const track: TrackRow = {
    trackId: newId(),
    teamId: actor.teamId,
    coachId: actor.memberId,
    coacheeId,
    sharedDocId: newId() as DocId,
    coachDocId: newId() as DocId,
    createdAt: deps.now().toISOString(),
    coacheeLeftAt: null,
  };
  return deps.db.transaction(async (tx) => {
    const coachee = await findMember(tx, actor.teamId, coacheeId);
    if (!coachee || coachee.removedAt !== null)
      throw new ServiceError('not_found', 'no such member');
    if (!canEdit(coachee.role)) throw new ServiceError('conflict', 'a guest cannot be coached');
    await tx.run(
      `INSERT INTO coaching_tracks (${TRACK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      track.trackId,
      track.teamId,
      track.coachId,
      track.coacheeId,
      track.sharedDocId,
      track.coachDocId,
      track.createdAt,
      null,
    );
    return {
      trackId: track.trackId,
      sharedDoc: teamScopedDocName(track.teamId, track.sharedDocId),
      coachDoc: teamScopedDocName(track.teamId, track.coachDocId),
    };
  });
}

/** The caller's own tracks, as coach or as a coachee who has not left, oldest first. */
export async function listTracks(deps: ServiceDeps, actor: Actor): Promise<CoachingTrackInfo[]> {
  const rows = await deps.db.all(
    `SELECT ${TRACK_COLUMNS} FROM coaching_tracks
      WHERE team_id = ? AND (coach_id = ? OR (coachee_id = ? AND coachee_left_at IS NULL))
      ORDER BY created_at, id`,
    actor.teamId,
    actor.memberId,
    actor.memberId,
  );
  return rows.map((row) => infoFor(toTrackRow(row), actor.memberId));
}

async function requireTrack(deps: ServiceDeps, actor: Actor, trackId: string): Promise<TrackRow> {
  const row = await deps.db.get(
    `SELECT ${TRACK_COLUMNS} FROM coaching_tracks WHERE id = ? AND team_id = ?`,
    trackId,
    actor.teamId,
  );
  const track = row ? toTrackRow(row) : null;
  // Someone outside the track does not learn that it exists.
  if (!track || (track.coachId !== actor.memberId && track.coacheeId !== actor.memberId))
    throw new ServiceError('not_found', 'no such track');
  return track;
}

/**
 * Ends a track for good (the coach): both documents are tombstoned and their
 * stored data removed in one transaction, then any loaded copy is discarded
 * and its connections closed, so devices reconnect, are refused as deleted
 * and purge their copies.
 */
export async function deleteTrack(deps: ServiceDeps, actor: Actor, trackId: string): Promise<void> {
  const track = await requireTrack(deps, actor, trackId);
  if (track.coachId !== actor.memberId)
    throw new ServiceError('forbidden', 'only the coach may delete a track');
  const at = deps.now().toISOString();
  const names = await deps.db.transaction((tx) => tombstoneTrack(tx, track, at));
  for (const name of names) deps.documents.discard(name);
}

/** Tombstones both documents of a track and drops its row; call inside a transaction. Returns the names. */
async function tombstoneTrack(sql: Sql, track: TrackRow, deletedAt: string): Promise<string[]> {
  const names = [track.sharedDocId, track.coachDocId].map((docId) =>
    teamScopedDocName(track.teamId, docId),
  );
  for (const name of names)
    await tombstoneDocument(sql, {
      name,
      teamId: track.teamId,
      deletedBy: track.coachId,
      deletedAt,
      kind: 'coaching',
    });
  await sql.run('DELETE FROM coaching_tracks WHERE id = ?', track.trackId);
  return names;
}

/**
 * The coachee leaves a track: from now on only the coach opens its documents.
 * What the coachee wrote in the shared document stays there for the coach.
 * Their open connection to it re-authenticates and is refused.
 */
export async function leaveTrack(deps: ServiceDeps, actor: Actor, trackId: string): Promise<void> {
  const track = await requireTrack(deps, actor, trackId);
  if (track.coacheeId !== actor.memberId)
    throw new ServiceError('forbidden', 'only the coachee may leave a track; the coach deletes it');
  await deps.db.run(
    'UPDATE coaching_tracks SET coachee_left_at = ? WHERE id = ? AND coachee_left_at IS NULL',
    deps.now().toISOString(),
    track.trackId,
  );
  deps.connections.reauthenticate(
    actor.teamId,
    actor.memberId,
    teamScopedDocName(track.teamId, track.sharedDocId),
  );
}

/**
 * Ends a member's part in every track of their team when they delete their
 * account: the tracks they coach are deleted (their private preparation is
 * theirs), the ones they are coached in are left. Call inside a transaction;
 * returns the names of the documents to discard afterwards.
 */
export async function endTracksOf(
  sql: Sql,
  teamId: TeamId,
  memberId: MemberId,
  at: string,
): Promise<string[]> {
  await sql.run(
    `UPDATE coaching_tracks SET coachee_left_at = ?
      WHERE team_id = ? AND coachee_id = ? AND coachee_left_at IS NULL`,
    at,
    teamId,
    memberId,
  );
  const coached = await sql.all(
    `SELECT ${TRACK_COLUMNS} FROM coaching_tracks WHERE team_id = ? AND coach_id = ?`,
    teamId,
    memberId,
  );
  const names: string[] = [];
  for (const row of coached) names.push(...(await tombstoneTrack(sql, toTrackRow(row), at)));
  return names;
}
