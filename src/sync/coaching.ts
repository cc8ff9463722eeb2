import { useCallback, useEffect, useState } from 'react';
import type { CoachingTrackInfo } from '../model/api.ts';
import { initCoachDoc, initSharedTrackDoc } from '../model/coaching.ts';
import { teamDocName } from '../model/docName.ts';
import type { MemberId } from '../model/ids.ts';
import { removeTrackActivities } from '../model/teamCoaching.ts';
import type { LocalMembership } from '../store/memberships.ts';
import { getSetting, setSetting } from '../store/settings.ts';
import * as api from './api.ts';
import { ApiError } from './api.ts';
import { editDocLocally, purgeDoc } from './docSession.ts';

/**
 * This member's coaching tracks. The server decides who is in a track, so the
 * list comes from the API; a copy is kept on the device so the tracks open
 * offline too (their documents live in IndexedDB like every document).
 */

const cacheKey = (teamId: string) => `coachingTracks:${teamId}`;

/** The member's tracks in the team as this device last knew them. */
export async function cachedTracks(teamId: string): Promise<CoachingTrackInfo[]> {
  return (await getSetting<CoachingTrackInfo[]>(cacheKey(teamId))) ?? [];
}

async function store(teamId: string, tracks: readonly CoachingTrackInfo[]): Promise<void> {
  await setSetting(cacheKey(teamId), tracks);
}

function usable(membership: LocalMembership | null | undefined): membership is LocalMembership & {
  token: string;
} {
  return !!membership && membership.status === 'active' && membership.token !== null;
}

export type CoachingTracks = {
  /** Null while the device's copy loads. */
  readonly tracks: readonly CoachingTrackInfo[] | null;
  /** Why the server's list could not be fetched now (the copy on the device is shown). */
  readonly problem: ApiError['code'] | null;
  readonly refresh: () => Promise<void>;
};

export function useCoachingTracks(membership: LocalMembership | null | undefined): CoachingTracks {
  const teamId = membership?.teamId ?? null;
  const [tracks, setTracks] = useState<readonly CoachingTrackInfo[] | null>(null);
  const [problem, setProblem] = useState<ApiError['code'] | null>(null);

  const refresh = useCallback(async () => {
    if (!teamId) return;
    setTracks(await cachedTracks(teamId));
    if (!usable(membership)) return;
    try {
      const { tracks: fresh } = await api.listCoachingTracks(teamId, membership.token);
      await store(teamId, fresh);
      setTracks(fresh);
      setProblem(null);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.code);
    }
  }, [teamId, membership]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { tracks, problem, refresh };
}

/** The track as this device last knew it, or null. */
export async function findCachedTrack(
  teamId: string,
  trackId: string,
): Promise<CoachingTrackInfo | null> {
  return (await cachedTracks(teamId)).find((track) => track.trackId === trackId) ?? null;
}

/**
 * Starts a track with this member as coach: the server creates it, then both
 * documents are initialised on this device (they reach the server when the
 * track opens). Resolves with the track.
 */
export async function startCoachingTrack(
  membership: LocalMembership,
  coacheeId: MemberId,
): Promise<CoachingTrackInfo> {
  if (!usable(membership)) throw new ApiError('network', null, 'the team is not registered yet');
  const created = await api.createCoachingTrack(membership.teamId, membership.token, coacheeId);
  const track: CoachingTrackInfo = {
    trackId: created.trackId,
    coachId: membership.memberId,
    coacheeId,
    role: 'coach',
    sharedDoc: created.sharedDoc,
    coachDoc: created.coachDoc,
    createdAt: new Date().toISOString(),
    coacheeLeftAt: null,
  };
  const parties = {
    trackId: track.trackId,
    coachId: track.coachId,
    coacheeId,
    createdAt: track.createdAt,
  };
  await editDocLocally(created.sharedDoc, (doc, ctx) => initSharedTrackDoc(doc, parties, ctx));
  await editDocLocally(created.coachDoc, (doc, ctx) => initCoachDoc(doc, track.trackId, ctx));
  await store(membership.teamId, [...(await cachedTracks(membership.teamId)), track]);
  return track;
}

async function forgetTrack(membership: LocalMembership, track: CoachingTrackInfo): Promise<void> {
  await store(
    membership.teamId,
    (await cachedTracks(membership.teamId)).filter((each) => each.trackId !== track.trackId),
  );
  await Promise.all(
    [track.sharedDoc, track.coachDoc].flatMap((name) => (name ? [purgeDoc(name)] : [])),
  );
}

/** The coach ends the track for good; the team document forgets its hours too. */
export async function deleteCoachingTrack(
  membership: LocalMembership,
  track: CoachingTrackInfo,
): Promise<void> {
  if (!usable(membership)) throw new ApiError('network', null);
  await api.deleteCoachingTrack(membership.teamId, membership.token, track.trackId);
  await editDocLocally(teamDocName(membership.teamId), (doc, ctx) =>
    removeTrackActivities(doc, track.trackId, ctx.origin),
  );
  await forgetTrack(membership, track);
}

/** The coachee leaves the track; its documents leave this device. */
export async function leaveCoachingTrack(
  membership: LocalMembership,
  track: CoachingTrackInfo,
): Promise<void> {
  if (!usable(membership)) throw new ApiError('network', null);
  await api.leaveCoachingTrack(membership.teamId, membership.token, track.trackId);
  await forgetTrack(membership, track);
}
