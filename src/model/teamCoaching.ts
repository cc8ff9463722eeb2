import * as v from 'valibot';
import type * as Y from 'yjs';
import { isMemberId, type MemberId } from './ids.ts';
import type { LearningActivity } from './learningActivities.ts';
import { inSchoolYear, type SchoolYear } from './schoolYear.ts';

/**
 * What the team document knows of coaching: per track only that it exists
 * and its activities as dates, minutes and the two member ids, so the PLG's
 * year counts coaching hours and tracks without any of their content.
 *
 *   coaching   Y.Map  trackId → { activities: [{ date, minutes, memberIds }] } (plain,
 *                     written by the coach's device; last writer wins)
 */
export const TEAM_COACHING = 'coaching';

const ActivitySchema = v.object({
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  minutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60)),
  memberIds: v.array(v.custom<MemberId>(isMemberId)),
});
const EntrySchema = v.object({ activities: v.array(ActivitySchema) });

export type TeamCoaching = {
  /** Tracks that recorded anything. */
  readonly tracks: number;
  readonly activities: readonly LearningActivity[];
  /** Each track's activities, for counting the tracks active in a school year. */
  readonly byTrack: ReadonlyMap<string, readonly LearningActivity[]>;
};

/**
 * How many tracks had an activity in `year`, and their minutes (each activity
 * once, not per member); none while the team document has not loaded (null).
 */
export function coachingInYear(
  coaching: TeamCoaching | null,
  year: SchoolYear,
): { tracks: number; minutes: number } {
  let tracks = 0;
  let minutes = 0;
  for (const activities of coaching?.byTrack.values() ?? []) {
    const inYear = activities.filter((activity) => inSchoolYear(activity.date, year));
    if (inYear.length > 0) tracks++;
    for (const activity of inYear) minutes += activity.minutes;
  }
  return { tracks, minutes };
}

/** Records a track's activities (replacing what it recorded before). */
export function putTrackActivities(
  doc: Y.Doc,
  trackId: string,
  activities: readonly LearningActivity[],
  origin?: unknown,
): void {
  const entry = {
    activities: activities.map(({ date, minutes, memberIds }) => ({
      date,
      minutes,
      memberIds: [...memberIds],
    })),
  };
  const map = doc.getMap(TEAM_COACHING);
  if (JSON.stringify(map.get(trackId)) === JSON.stringify(entry)) return;
  doc.transact(() => map.set(trackId, entry), origin);
}

export function removeTrackActivities(doc: Y.Doc, trackId: string, origin?: unknown): void {
  const map = doc.getMap(TEAM_COACHING);
  if (map.has(trackId)) doc.transact(() => map.delete(trackId), origin);
}

export function readTeamCoaching(doc: Y.Doc): TeamCoaching {
  const byTrack = new Map<string, LearningActivity[]>();
  if (doc.share.has(TEAM_COACHING))
    for (const [trackId, raw] of doc.getMap(TEAM_COACHING).entries()) {
      const parsed = v.safeParse(EntrySchema, raw);
      if (!parsed.success) continue;
      byTrack.set(
        trackId,
        parsed.output.activities.map((activity) => ({ kind: 'coaching', ...activity })),
      );
    }
  return { tracks: byTrack.size, activities: [...byTrack.values()].flat(), byTrack };
}
