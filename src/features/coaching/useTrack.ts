import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import { localDay } from '../../app/localDay.ts';
import type { CoachingTrackInfo } from '../../model/api.ts';
import {
  type HeldConversation,
  type Preparation,
  readHeldConversations,
  readPreparation,
  readTrack,
  type TrackSnapshot,
} from '../../model/coaching.ts';
import {
  type CycleLesson,
  coacheeLessons,
  type ItemTrend,
  itemTrends,
  linkedMeasures,
  type Proposal,
  proposals,
  trackActivities,
} from '../../model/coachingInsights.ts';
import { readCycle } from '../../model/cycleDoc.ts';
import { cycleMeasures } from '../../model/cycleSummary.ts';
import type { CycleSnapshot, RunId, RunMeasures } from '../../model/cycleTypes.ts';
import { teamDocName } from '../../model/docName.ts';
import {
  foldEvents,
  logLength,
  type ObservationEvent,
  readRunEvents,
  runObservers,
} from '../../model/eventLog.ts';
import type { TeamId } from '../../model/ids.ts';
import { putTrackActivities } from '../../model/teamCoaching.ts';
import { readCycleSummaries } from '../../model/teamDoc.ts';
import type { LocalMembership } from '../../sync/device.ts';
import { type DocSession, editDocLocally, type SessionStatus } from '../../sync/docSession.ts';
import { useOpenSession, useSessionState, useYSnapshot } from '../../sync/hooks.ts';
import { useRoster } from '../../sync/roster.ts';

export type TrackRun = CycleSnapshot['runs'][number] & { readonly events: number };

export type TrackState = {
  readonly shared: DocSession | null;
  readonly coach: DocSession | null;
  readonly status: SessionStatus | null;
  readonly track: TrackSnapshot | null;
  readonly runs: readonly TrackRun[];
  readonly lessonMinutes: number;
  readonly trends: readonly ItemTrend[];
  readonly proposals: readonly Proposal[];
  /** The notes of the latest observed lesson, as moments a strength can point at. */
  readonly notes: readonly { runId: string; t: number; text: string }[];
  readonly preparation: Preparation | null;
  readonly held: readonly HeldConversation[];
  /** The coachee's lessons in the team's cycles, newest first. */
  readonly cycleLessons: readonly CycleLesson[];
};

/** The track's runs with how many entries their logs hold, and the measures of the runs taught so far. */
function readRuns(doc: Y.Doc): {
  runs: TrackRun[];
  measures: readonly RunMeasures[];
  lessonMinutes: number;
  latest: { runId: string; events: readonly ObservationEvent[] } | null;
  notes: { runId: string; t: number; text: string }[];
} {
  const cycle = readCycle(doc);
  const runs = cycle.runs
    .map((run) => ({
      ...run,
      events: runObservers(doc, run.id).reduce(
        (sum, observer) => sum + logLength(doc, run.id, observer),
        0,
      ),
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
  const measures = cycleMeasures(doc, cycle, new Date().toISOString().slice(0, 10));
  const observed = runs.filter((run) => run.events > 0);
  const last = observed.at(-1);
  const latest = last
    ? { runId: last.id, events: foldEvents(readRunEvents(doc, last.id as RunId)).effective }
    : null;
  const notes = (latest?.events ?? []).flatMap((event) =>
    event.kind === 'note' && event.text
      ? [{ runId: latest?.runId ?? '', t: event.t, text: event.text }]
      : [],
  );
  return { runs, measures, lessonMinutes: cycle.meta.lessonMinutes, latest, notes };
}

/**
 * Opens a track's documents for its page: the shared one for both parties,
 * the private one for the coach; reads what the page shows, and on the
 * coach's device keeps the team document's content-free count of the track's
 * coaching hours current.
 */
export function useTrack(
  teamId: TeamId,
  membership: LocalMembership,
  info: CoachingTrackInfo | null,
): TrackState {
  const shared = useOpenSession(info?.sharedDoc ?? null);
  const coach = useOpenSession(info?.role === 'coach' ? info.coachDoc : null);
  const status = useSessionState(shared, (state) => state.status);
  const track = useYSnapshot(shared?.doc ?? null, readTrack);
  const read = useYSnapshot(shared?.doc ?? null, readRuns);
  const preparation = useYSnapshot(coach?.doc ?? null, readPreparation);
  const held = useYSnapshot(coach?.doc ?? null, readHeldConversations) ?? [];
  const teamSession = useOpenSession(teamDocName(teamId));
  const { roster } = useRoster(membership);
  const deleted = roster?.deletedCycles ?? NONE_DELETED;
  const summaries = useYSnapshot(
    teamSession?.doc ?? null,
    (doc) => readCycleSummaries(doc, deleted),
    [deleted],
  );
  const links = track?.links;
  const coacheeId = info?.coacheeId ?? null;
  const cycleLessons = useMemo(
    () => (coacheeId ? coacheeLessons(summaries ?? [], coacheeId, links ?? []) : []),
    [summaries, coacheeId, links],
  );
  // The trend counts the track's own lessons and the linked lessons of the team's cycles.
  const trends = useMemo(
    () => itemTrends([...(read?.measures ?? []), ...linkedMeasures(summaries ?? [], links ?? [])]),
    [read, summaries, links],
  );
  const proposed = useMemo(() => proposals(trends, read?.latest ?? null), [trends, read]);

  const parties = track?.parties ?? null;
  const conversations = track?.conversations;
  const runs = read?.runs;
  const lessonMinutes = read?.lessonMinutes ?? 0;
  useEffect(() => {
    if (info?.role !== 'coach' || !parties || !conversations || !runs) return;
    const observed = runs
      .filter((run) => run.events > 0)
      .map((run) => ({ date: run.date, minutes: lessonMinutes }));
    const activities = trackActivities(parties, conversations, observed, localDay());
    void editDocLocally(teamDocName(teamId), (doc, ctx) =>
      putTrackActivities(doc, parties.trackId, activities, ctx.origin),
    );
  }, [info?.role, teamId, parties, conversations, runs, lessonMinutes]);

  return {
    shared,
    coach,
    status,
    track,
    runs: runs ?? [],
    lessonMinutes,
    trends,
    proposals: proposed,
    notes: read?.notes ?? [],
    preparation,
    held,
    cycleLessons,
  };
}

const NONE_DELETED: ReadonlyMap<string, unknown> = new Map();
