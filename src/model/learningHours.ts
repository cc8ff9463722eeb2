import type { CycleSummary } from './cycleTypes.ts';
import type { MemberId } from './ids.ts';
import { ACTIVITY_KINDS, type ActivityKind, type LearningActivity } from './learningActivities.ts';
import { inSchoolYear, type SchoolYear } from './schoolYear.ts';

/**
 * Professional learning hours per member and school year: what the app
 * counted (meetings, lessons taught and observed, debriefs, coaching) plus
 * what a member entered by hand. Duration is a condition for effect: the
 * research behind this product asks for at least 15–20 hours a year, so a
 * team sets a target (default 20) and each member sees their own total
 * against it. The team view lists members by name, never ranked by hours.
 */

export const DEFAULT_TARGET_HOURS = 20;

/** Hours a member entered by hand (a course, a study day, reading with the team). */
export type ManualHours = {
  readonly id: string;
  readonly memberId: MemberId;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly minutes: number;
  readonly description: string;
};

export type MemberHours = {
  readonly memberId: MemberId;
  readonly minutes: number;
  /** Minutes per kind of activity ('manual' for hours entered by hand). */
  readonly byKind: Readonly<Record<ActivityKind, number>>;
};

/** Every activity of the team's cycles, and the hours entered by hand as activities. */
export function teamActivities(
  summaries: readonly CycleSummary[],
  manual: readonly ManualHours[],
  extra: readonly LearningActivity[] = [],
): LearningActivity[] {
  return [
    ...summaries.flatMap((summary) => summary.activities),
    ...manual.map(
      (entry): LearningActivity => ({
        kind: 'manual',
        date: entry.date,
        minutes: entry.minutes,
        memberIds: [entry.memberId],
      }),
    ),
    ...extra,
  ];
}

const noMinutes = (): Record<ActivityKind, number> =>
  Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, 0])) as Record<ActivityKind, number>;

/** One member's hours in a school year. */
export function hoursOf(
  memberId: MemberId,
  activities: readonly LearningActivity[],
  year: SchoolYear,
): MemberHours {
  const byKind = noMinutes();
  let minutes = 0;
  for (const activity of activities) {
    if (!activity.memberIds.includes(memberId) || !inSchoolYear(activity.date, year)) continue;
    byKind[activity.kind] += activity.minutes;
    minutes += activity.minutes;
  }
  return { memberId, minutes, byKind };
}

export type TeamHours = {
  /** The current members in the order given (by name), each with their hours and whether they are under the target. */
  readonly members: ReadonlyArray<MemberHours & { readonly underTarget: boolean }>;
  /** Learning minutes of everyone in the year, former members included. */
  readonly totalMinutes: number;
  /** How many current members are under the target. */
  readonly underTarget: number;
};

/** Hours of the team's current members (in the order given), against the target in hours. */
export function teamHours(
  members: readonly MemberId[],
  activities: readonly LearningActivity[],
  year: SchoolYear,
  targetHours: number,
): TeamHours {
  const rows = members.map((memberId) => {
    const hours = hoursOf(memberId, activities, year);
    return { ...hours, underTarget: hours.minutes < targetHours * 60 };
  });
  let totalMinutes = 0;
  for (const activity of activities)
    if (inSchoolYear(activity.date, year))
      totalMinutes += activity.minutes * new Set(activity.memberIds).size;
  return { members: rows, totalMinutes, underTarget: rows.filter((row) => row.underTarget).length };
}
