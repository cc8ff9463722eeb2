import type * as Y from 'yjs';
import type { MemberData } from './api.ts';
import type {
  Goal,
  HeldConversation,
  Preparation,
  Reflection,
  SharedConversation,
} from './coaching.ts';
import { readCycle } from './cycleDoc.ts';
import type { CycleSummary } from './cycleTypes.ts';
import { type ObservationEvent, observedRuns, readLog } from './eventLog.ts';
import type { MemberId, TeamId } from './ids.ts';
import type { ActivityKind } from './learningActivities.ts';
import type { ManualHours } from './learningHours.ts';
import { readMeetings } from './meetings.ts';
import type { Role } from './roles.ts';

/**
 * "My data": one JSON file with everything of one person, from this device
 * and from the server, that they can take with them. A device holds one
 * membership per team, so the file has one part per team: what the server
 * holds about them there (MemberData), the learning activities and hours
 * that count for them, the meetings they attended, the lessons they taught,
 * every observation they recorded, and their coaching tracks (what both
 * members see; for the coach also the private preparation and notes).
 *
 * Never in it: tokens and other secrets (they would let the file's reader act
 * as them), and the real names of case pupils (typed on a device for that
 * device alone; the file names pupils by their pseudonym ids, as the team
 * documents do).
 */

export const MY_DATA_FORMAT = 'leskring-my-data';
export const MY_DATA_VERSION = 1;

/** Why the server's part of a team is missing from the file. */
export type ServerPartMissing = 'offline' | 'not-registered' | 'removed' | 'failed';

export type MyActivity = {
  readonly cycleId: string;
  readonly cycleTitle: string;
  readonly kind: ActivityKind;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly minutes: number;
};

export type MyCycleData = {
  readonly cycleId: string;
  readonly title: string;
  readonly meetingsAttended: readonly { date: string; minutes: number; topic: string }[];
  readonly lessonsTaught: readonly { runId: string; date: string; className: string }[];
  /** Every entry of this member's own observation logs, as recorded (undo and edit included). */
  readonly observations: readonly { runId: string; events: readonly ObservationEvent[] }[];
};

/** A coaching track of the member: what both see, and for the coach also the private preparation. */
export type MyCoachingTrack = {
  readonly trackId: string;
  readonly role: 'coach' | 'coachee';
  readonly coachId: MemberId;
  readonly coacheeId: MemberId;
  readonly conversations: readonly SharedConversation[];
  readonly reflections: Readonly<Record<string, Reflection>>;
  readonly goals: readonly Goal[];
  readonly preparation?: Preparation;
  readonly held?: readonly HeldConversation[];
};

export type MyTeamData = {
  readonly teamId: TeamId;
  readonly teamName: string;
  readonly memberId: MemberId;
  readonly displayName: string;
  readonly role: Role;
  readonly server: MemberData | { readonly missing: ServerPartMissing };
  readonly learningActivities: readonly MyActivity[];
  readonly hoursByHand: readonly Omit<ManualHours, 'memberId'>[];
  readonly cycles: readonly MyCycleData[];
  readonly coaching: readonly MyCoachingTrack[];
};

export type MyDataFile = {
  readonly format: typeof MY_DATA_FORMAT;
  readonly version: typeof MY_DATA_VERSION;
  readonly exportedAt: string;
  readonly device: {
    /** This device's settings (language, the name last typed to join a team). */
    readonly settings: Readonly<Record<string, unknown>>;
    /** Invites made on this device, without their codes. */
    readonly invitesMade: readonly { teamId: string; inviteId: string; expiresAt: string }[];
  };
  readonly teams: readonly MyTeamData[];
};

/** The learning activities of the team's cycles that count for the member, oldest first. */
export function myActivities(summaries: readonly CycleSummary[], memberId: MemberId): MyActivity[] {
  const out: MyActivity[] = [];
  for (const summary of summaries)
    for (const activity of summary.activities)
      if (activity.memberIds.includes(memberId))
        out.push({
          cycleId: summary.cycleId,
          cycleTitle: summary.title,
          kind: activity.kind,
          date: activity.date,
          minutes: activity.minutes,
        });
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.cycleId.localeCompare(b.cycleId));
}

/** The hours the member entered by hand, oldest first, without the member id the file already names. */
export function myHoursByHand(
  manual: readonly ManualHours[],
  memberId: MemberId,
): Omit<ManualHours, 'memberId'>[] {
  return manual
    .filter((entry) => entry.memberId === memberId)
    .map(({ memberId: _member, ...entry }) => entry)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** What the member contributed to one cycle, or null when they contributed nothing to it. */
export function myCycleData(doc: Y.Doc, cycleId: string, memberId: MemberId): MyCycleData | null {
  const cycle = readCycle(doc);
  const meetingsAttended = readMeetings(doc)
    .filter((meeting) => meeting.attendees.includes(memberId))
    .map(({ date, minutes, topic }) => ({ date, minutes, topic }));
  const lessonsTaught = cycle.runs
    .filter((run) => run.teacherId === memberId)
    .map((run) => ({ runId: run.id, date: run.date, className: run.className }));
  const observations = observedRuns(doc).flatMap((runId) => {
    const events = readLog(doc, runId, memberId);
    return events.length > 0 ? [{ runId, events }] : [];
  });
  if (meetingsAttended.length + lessonsTaught.length + observations.length === 0) return null;
  return { cycleId, title: cycle.meta.title, meetingsAttended, lessonsTaught, observations };
}

/** The file's name: `leskring-my-data-<YYYY-MM-DD>.json`. */
export function myDataFileName(exportedAt: string): string {
  return `leskring-my-data-${exportedAt.slice(0, 10)}.json`;
}
