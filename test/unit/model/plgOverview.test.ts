import { describe, expect, it } from 'vitest';
import type {
  CycleId,
  CycleStage,
  CycleSummary,
  ItemMeasure,
  RunId,
  RunMeasures,
  SummaryBaseline,
} from '../../../src/model/cycleTypes.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import type { LearningActivity } from '../../../src/model/learningActivities.ts';
import {
  type CycleOverview,
  type FollowedItem,
  measuredItems,
  plgOverview,
  schoolYearsOf,
  yearAggregates,
  yearsOfCycle,
} from '../../../src/model/plgOverview.ts';
import type { SchoolYear } from '../../../src/model/schoolYear.ts';

const ANS = 'ans0000000000000' as MemberId;

const summary = (
  overrides: Partial<Omit<CycleSummary, 'cycleId'>> & { readonly cycleId: string },
): CycleSummary => ({
  title: 'Breuken',
  stage: 'design',
  researchLessons: 1,
  runsTaught: 0,
  lastActivityAt: '2026-09-15T08:00:00.000Z',
  createdAt: '2026-09-01T08:00:00.000Z',
  lessonsTaught: 0,
  lessonMinutes: 50,
  baselines: [],
  activities: [],
  measures: [],
  ...overrides,
  cycleId: overrides.cycleId as CycleId,
});

const act = (date: string): LearningActivity => ({
  kind: 'meeting',
  date,
  minutes: 60,
  memberIds: [ANS],
});

const item = (label: string, value: number, kind: ItemMeasure['kind'] = 'tally'): ItemMeasure => ({
  key: `${kind}:${label.toLowerCase()}`,
  label,
  kind,
  value,
});

const run = (runId: string, rl: number, date: string, items: ItemMeasure[]): RunMeasures => ({
  runId: runId as RunId,
  rl,
  date,
  items,
});

const followed = (label: string, kind: FollowedItem['kind'] = 'tally'): FollowedItem => ({
  key: `${kind}:${label.toLowerCase()}`,
  label,
  kind,
});

const year = (name: string) => name as SchoolYear;

describe('yearsOfCycle', () => {
  it('is the one school year of a cycle that started and stays in it', () => {
    expect([...yearsOfCycle(summary({ cycleId: 'c1' }))]).toEqual(['2026-2027']);
  });

  it('spans every school year from its start to its last activity', () => {
    const years = yearsOfCycle(
      summary({
        cycleId: 'c1',
        createdAt: '2025-06-01T08:00:00.000Z',
        lastActivityAt: '2026-09-02T08:00:00.000Z',
      }),
    );
    expect([...years].sort()).toEqual(['2024-2025', '2025-2026', '2026-2027']);
  });

  it('spans two school years across 31 July / 1 August', () => {
    const years = yearsOfCycle(
      summary({
        cycleId: 'c1',
        createdAt: '2026-07-31T08:00:00.000Z',
        lastActivityAt: '2026-08-01T08:00:00.000Z',
      }),
    );
    expect([...years].sort()).toEqual(['2025-2026', '2026-2027']);
  });

  it('adds the school year of any activity, even outside the start–last range', () => {
    const years = yearsOfCycle(
      summary({ cycleId: 'c1', activities: [act('2028-01-10'), act('2026-10-01')] }),
    );
    expect([...years].sort()).toEqual(['2026-2027', '2027-2028']);
  });

  it('uses the activities alone when the start or last activity cannot be read', () => {
    expect([...yearsOfCycle(summary({ cycleId: 'c1', createdAt: '' }))]).toEqual([]);
    expect([
      ...yearsOfCycle(summary({ cycleId: 'c1', createdAt: '', activities: [act('2027-03-01')] })),
    ]).toEqual(['2026-2027']);
  });
});

describe('schoolYearsOf', () => {
  it('is empty without cycles', () => {
    expect(schoolYearsOf([])).toEqual([]);
  });

  it('lists every year any cycle belongs to, once, newest first', () => {
    const years = schoolYearsOf([
      summary({ cycleId: 'c1' }),
      summary({
        cycleId: 'c2',
        createdAt: '2024-09-01T08:00:00.000Z',
        lastActivityAt: '2025-09-01T08:00:00.000Z',
      }),
      summary({ cycleId: 'c3', activities: [act('2028-02-01')] }),
    ]);
    expect(years).toEqual(['2027-2028', '2026-2027', '2025-2026', '2024-2025']);
  });
});

describe('measuredItems', () => {
  it('is empty when no cycle measured anything', () => {
    expect(measuredItems([])).toEqual([]);
    expect(measuredItems([summary({ cycleId: 'c1' })])).toEqual([]);
  });

  it('lists each item once by key, sorted by label', () => {
    const items = measuredItems([
      summary({
        cycleId: 'c1',
        measures: [
          run('r1', 1, '2026-10-01', [
            item('Vraagt om hulp', 3),
            item('Betrokkenheid', 2, 'rating'),
          ]),
          run('r2', 2, '2026-11-01', [item('Vraagt om hulp', 1)]),
        ],
      }),
      summary({
        cycleId: 'c2',
        measures: [run('r3', 1, '2026-10-05', [item('Aan het werk', 0.5, 'check')])],
      }),
    ]);
    expect(items).toEqual([
      { key: 'check:aan het werk', label: 'Aan het werk', kind: 'check' },
      { key: 'rating:betrokkenheid', label: 'Betrokkenheid', kind: 'rating' },
      { key: 'tally:vraagt om hulp', label: 'Vraagt om hulp', kind: 'tally' },
    ]);
  });

  it('keeps the label it met first for a key, and two kinds of one label apart', () => {
    const items = measuredItems([
      summary({
        cycleId: 'c1',
        measures: [
          run('r1', 1, '2026-10-01', [
            { key: 'tally:hulp', label: 'Hulp', kind: 'tally', value: 1 },
            { key: 'rating:hulp', label: 'Hulp', kind: 'rating', value: 2 },
          ]),
          run('r2', 2, '2026-11-01', [
            { key: 'tally:hulp', label: 'HULP', kind: 'tally', value: 4 },
          ]),
        ],
      }),
    ]);
    expect(items).toEqual([
      { key: 'rating:hulp', label: 'Hulp', kind: 'rating' },
      { key: 'tally:hulp', label: 'Hulp', kind: 'tally' },
    ]);
  });
});

describe('plgOverview', () => {
  const old = summary({
    cycleId: 'prev000000000000',
    title: 'Vorig jaar',
    createdAt: '2025-09-01T08:00:00.000Z',
    lastActivityAt: '2026-03-01T08:00:00.000Z',
  });
  const spanning = summary({
    cycleId: 'span000000000000',
    title: 'Over de zomer',
    createdAt: '2026-05-01T08:00:00.000Z',
    lastActivityAt: '2026-09-20T08:00:00.000Z',
  });
  const recent = summary({
    cycleId: 'new0000000000000',
    title: 'Dit jaar',
    stage: 'teach',
    researchLessons: 2,
    lessonsTaught: 1,
    runsTaught: 2,
    lastActivityAt: '2026-10-20T08:00:00.000Z',
    baselines: [{ label: 'Toets', unit: '%', value: 60, after: 70 }],
    measures: [
      run('r2', 1, '2026-10-08', [item('Vraagt om hulp', 2), item('Betrokkenheid', 3, 'rating')]),
      run('r1', 1, '2026-10-01', [item('Vraagt om hulp', 4)]),
      run('r3', 2, '2026-10-15', [item('Niet gevolgd', 9)]),
    ],
  });
  const all = [old, spanning, recent];

  it('is empty without cycles', () => {
    expect(plgOverview([], null, [])).toEqual([]);
    expect(plgOverview([], year('2026-2027'), [])).toEqual([]);
  });

  it('lists all cycles for year null, most recently active first', () => {
    expect(plgOverview(all, null, []).map((c) => c.title)).toEqual([
      'Dit jaar',
      'Over de zomer',
      'Vorig jaar',
    ]);
  });

  it('lists only the cycles of the school year', () => {
    expect(plgOverview(all, year('2026-2027'), []).map((c) => c.title)).toEqual([
      'Dit jaar',
      'Over de zomer',
    ]);
    expect(plgOverview(all, year('2025-2026'), []).map((c) => c.title)).toEqual([
      'Over de zomer',
      'Vorig jaar',
    ]);
    expect(plgOverview(all, year('2030-2031'), [])).toEqual([]);
  });

  it('orders cycles with the same last activity by id', () => {
    const at = '2026-10-01T08:00:00.000Z';
    const b = summary({ cycleId: 'bbb0000000000000', lastActivityAt: at });
    const a = summary({ cycleId: 'aaa0000000000000', lastActivityAt: at });
    expect(plgOverview([b, a], null, []).map((c) => c.cycleId)).toEqual([
      'aaa0000000000000',
      'bbb0000000000000',
    ]);
  });

  it('copies the summary figures and baselines', () => {
    const [first] = plgOverview([recent], null, []);
    expect(first).toEqual({
      cycleId: 'new0000000000000',
      title: 'Dit jaar',
      stage: 'teach',
      researchLessons: 2,
      lessonsTaught: 1,
      runsTaught: 2,
      lastActivityAt: '2026-10-20T08:00:00.000Z',
      baselines: [{ label: 'Toets', unit: '%', value: 60, after: 70 }],
      followed: [],
    });
  });

  it('keeps only followed items the cycle measured, in followed order, points by date', () => {
    const [first] = plgOverview([recent], null, [
      followed('Betrokkenheid', 'rating'),
      followed('Nooit gemeten'),
      followed('Vraagt om hulp'),
    ]);
    expect(first?.followed).toEqual([
      { key: 'rating:betrokkenheid', points: [{ rl: 1, date: '2026-10-08', value: 3 }] },
      {
        key: 'tally:vraagt om hulp',
        points: [
          { rl: 1, date: '2026-10-01', value: 4 },
          { rl: 1, date: '2026-10-08', value: 2 },
        ],
      },
    ]);
  });

  it('gives a cycle without measures no followed items', () => {
    const overview = plgOverview([old, recent], null, [followed('Vraagt om hulp')]);
    expect(overview.find((c) => c.title === 'Vorig jaar')?.followed).toEqual([]);
    expect(overview.find((c) => c.title === 'Dit jaar')?.followed).toHaveLength(1);
  });

  it("keeps a cycle's points of the chosen school year only", () => {
    const overSummer = summary({
      cycleId: 'sumr000000000000',
      createdAt: '2026-05-01T08:00:00.000Z',
      lastActivityAt: '2026-09-20T08:00:00.000Z',
      measures: [
        run('a', 1, '2026-06-10', [item('Vraagt om hulp', 5)]),
        run('b', 2, '2026-09-15', [item('Vraagt om hulp', 3)]),
      ],
    });
    const followed = [
      { key: 'tally:vraagt om hulp', label: 'Vraagt om hulp', kind: 'tally' as const },
    ];
    const [thisYear] = plgOverview([overSummer], year('2026-2027'), followed);
    expect(thisYear?.followed[0]?.points.map((p) => p.rl)).toEqual([2]);
    const [both] = plgOverview([overSummer], null, followed);
    expect(both?.followed[0]?.points.map((p) => p.rl)).toEqual([1, 2]);
  });
});

describe('yearAggregates', () => {
  const overview = (
    stage: CycleStage,
    lessonsTaught: number,
    runsTaught: number,
    baselines: SummaryBaseline[] = [],
  ): CycleOverview => ({
    cycleId: 'c' as CycleId,
    title: 'x',
    stage,
    researchLessons: 3,
    lessonsTaught,
    runsTaught,
    lastActivityAt: '2026-10-01T08:00:00.000Z',
    baselines,
    followed: [],
  });
  const baseline = (value: number | null, after: number | null): SummaryBaseline => ({
    label: 'Toets',
    unit: '%',
    value,
    after,
  });

  it('is all zero without cycles', () => {
    expect(yearAggregates([])).toEqual({
      cycles: 0,
      byStage: {},
      lessonsTaught: 0,
      runsTaught: 0,
      baselines: { measured: 0, up: 0, down: 0, same: 0 },
    });
  });

  it('counts cycles per stage and sums lessons and runs taught', () => {
    const out = yearAggregates([
      overview('teach', 1, 2),
      overview('teach', 2, 3),
      overview('impact', 3, 4),
      overview('data', 0, 0),
    ]);
    expect(out.cycles).toBe(4);
    expect(out.byStage).toEqual({ teach: 2, impact: 1, data: 1 });
    expect(out.lessonsTaught).toBe(6);
    expect(out.runsTaught).toBe(9);
  });

  it('counts baselines that rose, fell or stayed, ignoring those without a value or a new measurement', () => {
    const out = yearAggregates([
      overview('impact', 0, 0, [baseline(50, 70), baseline(50, 40), baseline(50, null)]),
      overview('impact', 0, 0, [baseline(3, 3), baseline(null, 5), baseline(0, 0.5)]),
    ]);
    expect(out.baselines).toEqual({ measured: 4, up: 2, down: 1, same: 1 });
  });
});
