import { describe, expect, it } from 'vitest';
import type { CycleId, CycleSummary } from '../../../src/model/cycleTypes.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import type { LearningActivity } from '../../../src/model/learningActivities.ts';
import {
  DEFAULT_TARGET_HOURS,
  hoursOf,
  type ManualHours,
  teamActivities,
  teamHours,
} from '../../../src/model/learningHours.ts';
import type { SchoolYear } from '../../../src/model/schoolYear.ts';

const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const CAS = 'cas0000000000000' as MemberId;
const DEWI = 'dex0000000000000' as MemberId;
const Y2026 = '2026-2027' as SchoolYear;
const Y2025 = '2025-2026' as SchoolYear;

const activity = (
  kind: LearningActivity['kind'],
  date: string,
  minutes: number,
  memberIds: MemberId[],
): LearningActivity => ({ kind, date, minutes, memberIds });

const summary = (cycleId: string, activities: LearningActivity[]): CycleSummary => ({
  cycleId: cycleId as CycleId,
  title: 'Breuken',
  stage: 'teach',
  researchLessons: 1,
  runsTaught: 1,
  lastActivityAt: '2026-10-01T08:00:00.000Z',
  createdAt: '2026-09-01T08:00:00.000Z',
  lessonsTaught: 1,
  lessonMinutes: 50,
  baselines: [],
  activities,
  measures: [],
});

const manual = (id: string, memberId: MemberId, date: string, minutes: number): ManualHours => ({
  id,
  memberId,
  date,
  minutes,
  description: 'Studiedag',
});

const zero = { meeting: 0, taught: 0, observed: 0, debrief: 0, coaching: 0, manual: 0 };

describe('teamActivities', () => {
  it('is empty without summaries or hours', () => {
    expect(teamActivities([], [])).toEqual([]);
  });

  it('joins the activities of every summary, manual hours as "manual", then the extra ones', () => {
    const a = activity('meeting', '2026-09-10', 60, [ANS, BRAM]);
    const b = activity('taught', '2026-10-01', 50, [ANS]);
    const extra = activity('coaching', '2026-11-01', 30, [CAS]);
    const out = teamActivities(
      [summary('c1', [a]), summary('c2', [b])],
      [manual('h1', BRAM, '2026-09-20', 90)],
      [extra],
    );
    expect(out).toEqual([
      a,
      b,
      { kind: 'manual', date: '2026-09-20', minutes: 90, memberIds: [BRAM] },
      extra,
    ]);
  });

  it('keeps a summary written without activities out of the count', () => {
    expect(teamActivities([summary('c1', [])], [manual('h1', ANS, '2026-09-20', 15)])).toEqual([
      { kind: 'manual', date: '2026-09-20', minutes: 15, memberIds: [ANS] },
    ]);
  });
});

describe('hoursOf', () => {
  it('is zero for every kind without activities', () => {
    expect(hoursOf(ANS, [], Y2026)).toEqual({ memberId: ANS, minutes: 0, byKind: zero });
  });

  it('counts only the activities the member took part in, within the school year', () => {
    const activities = [
      activity('meeting', '2026-07-31', 60, [ANS]), // last day of 2025-2026
      activity('meeting', '2026-08-01', 45, [ANS]), // first day of 2026-2027
      activity('taught', '2027-07-31', 50, [ANS]), // last day of 2026-2027
      activity('observed', '2027-08-01', 50, [ANS]), // first day of 2027-2028
      activity('observed', '2026-10-01', 50, [BRAM]), // someone else
    ];
    expect(hoursOf(ANS, activities, Y2026)).toEqual({
      memberId: ANS,
      minutes: 95,
      byKind: { ...zero, meeting: 45, taught: 50 },
    });
    expect(hoursOf(ANS, activities, Y2025)).toEqual({
      memberId: ANS,
      minutes: 60,
      byKind: { ...zero, meeting: 60 },
    });
    expect(hoursOf(BRAM, activities, Y2026).minutes).toBe(50);
    expect(hoursOf(CAS, activities, Y2026).minutes).toBe(0);
  });

  it('sums minutes per kind, and hours by hand as "manual"', () => {
    const activities = teamActivities(
      [
        summary('c1', [
          activity('meeting', '2026-09-10', 60, [ANS, BRAM]),
          activity('meeting', '2026-09-17', 30, [ANS]),
          activity('taught', '2026-10-01', 50, [ANS]),
          activity('observed', '2026-10-01', 50, [BRAM]),
          activity('debrief', '2026-10-02', 55, [ANS, BRAM]),
          activity('coaching', '2026-11-01', 20, [ANS]),
        ]),
      ],
      [manual('h1', ANS, '2026-12-01', 120), manual('h2', BRAM, '2026-12-01', 240)],
    );
    expect(hoursOf(ANS, activities, Y2026)).toEqual({
      memberId: ANS,
      minutes: 60 + 30 + 50 + 55 + 20 + 120,
      byKind: { meeting: 90, taught: 50, observed: 0, debrief: 55, coaching: 20, manual: 120 },
    });
    expect(hoursOf(BRAM, activities, Y2026).byKind).toEqual({
      ...zero,
      meeting: 60,
      observed: 50,
      debrief: 55,
      manual: 240,
    });
  });

  it('skips activities with a date it cannot read', () => {
    expect(hoursOf(ANS, [activity('manual', 'morgen', 60, [ANS])], Y2026).minutes).toBe(0);
  });
});

describe('teamHours', () => {
  const activities = [
    activity('meeting', '2026-09-10', 600, [ANS, BRAM]), // counts for both
    activity('taught', '2026-10-01', 600, [ANS]),
    activity('observed', '2026-10-01', 60, [CAS]),
    activity('debrief', '2026-10-02', 120, [DEWI]), // DEWI has left the team
    activity('meeting', '2025-09-10', 999, [ANS]), // another school year
  ];

  it('keeps the given member order, never ranked by hours', () => {
    const team = teamHours([CAS, ANS, BRAM], activities, Y2026, 20);
    expect(team.members.map((row) => row.memberId)).toEqual([CAS, ANS, BRAM]);
    expect(team.members.map((row) => row.minutes)).toEqual([60, 1200, 600]);
    const reversed = teamHours([BRAM, ANS, CAS], activities, Y2026, 20);
    expect(reversed.members.map((row) => row.memberId)).toEqual([BRAM, ANS, CAS]);
  });

  it('marks members under target hours × 60 minutes, a member exactly on target is not under', () => {
    const team = teamHours([ANS, BRAM, CAS], activities, Y2026, 20);
    expect(team.members.map((row) => row.underTarget)).toEqual([false, true, true]);
    expect(team.underTarget).toBe(2);
    const lower = teamHours([ANS, BRAM, CAS], activities, Y2026, 10);
    expect(lower.members.map((row) => row.underTarget)).toEqual([false, false, true]);
    expect(lower.underTarget).toBe(1);
    const higher = teamHours([ANS, BRAM, CAS], activities, Y2026, 21);
    expect(higher.underTarget).toBe(3);
  });

  it('counts a member who left in the total, without a row', () => {
    const team = teamHours([ANS, BRAM, CAS], activities, Y2026, 20);
    expect(team.members.some((row) => row.memberId === DEWI)).toBe(false);
    // 600 × 2 (ANS and BRAM) + 600 + 60 + 120 (DEWI); the 2025 meeting is left out.
    expect(team.totalMinutes).toBe(1200 + 600 + 60 + 120);
  });

  it('counts an activity with two members for both', () => {
    const team = teamHours([ANS, BRAM], activities, Y2026, 20);
    expect(team.members[0]?.byKind.meeting).toBe(600);
    expect(team.members[1]?.byKind.meeting).toBe(600);
  });

  it('gives each row its hours as hoursOf would', () => {
    const team = teamHours([ANS, BRAM], activities, Y2026, DEFAULT_TARGET_HOURS);
    expect(team.members[0]).toEqual({ ...hoursOf(ANS, activities, Y2026), underTarget: false });
    expect(team.members[1]).toEqual({ ...hoursOf(BRAM, activities, Y2026), underTarget: true });
  });

  it('is empty for a team without members or activities', () => {
    expect(teamHours([], [], Y2026, 20)).toEqual({ members: [], totalMinutes: 0, underTarget: 0 });
    const none = teamHours([ANS], [], Y2026, 20);
    expect(none.members).toEqual([{ memberId: ANS, minutes: 0, byKind: zero, underTarget: true }]);
    expect(none.totalMinutes).toBe(0);
    expect(none.underTarget).toBe(1);
  });

  it('totals only the given school year', () => {
    expect(teamHours([ANS], activities, Y2025, 20).totalMinutes).toBe(999);
  });

  it('counts a member named twice in one activity once in the total', () => {
    const team = teamHours([ANS], [activity('meeting', '2026-09-10', 60, [ANS, ANS])], Y2026, 20);
    expect(team.members[0]?.minutes).toBe(60);
    expect(team.totalMinutes).toBe(60);
  });
});

describe('DEFAULT_TARGET_HOURS', () => {
  it('is 20 hours', () => {
    expect(DEFAULT_TARGET_HOURS).toBe(20);
  });
});
