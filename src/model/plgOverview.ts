import type { CycleStage, CycleSummary, SummaryBaseline } from './cycleTypes.ts';
import { type SchoolYear, schoolYearOf } from './schoolYear.ts';
import type { ItemKind } from './templates.ts';

/**
 * The PLG's year at a glance, from the team document's cycle summaries
 * alone: every cycle with its stage, research lessons taught and last
 * activity, and its key measures over time — baselines against their new
 * measurement, and the kijkwijzer items the team follows, per research lesson.
 */

/** A kijkwijzer item the team follows across cycles (matched by kind and label). */
export type FollowedItem = {
  readonly key: string;
  readonly label: string;
  readonly kind: ItemKind;
};

export type MeasurePoint = { readonly rl: number; readonly date: string; readonly value: number };

export type CycleOverview = {
  readonly cycleId: CycleSummary['cycleId'];
  readonly title: string;
  readonly stage: CycleStage;
  readonly researchLessons: number;
  readonly lessonsTaught: number;
  readonly runsTaught: number;
  readonly lastActivityAt: string;
  readonly baselines: readonly SummaryBaseline[];
  /** Per followed item the cycle measured: its value per taught run, in date order. */
  readonly followed: ReadonlyArray<{
    readonly key: string;
    readonly points: readonly MeasurePoint[];
  }>;
};

/** The school years a cycle belongs to: from its start to its last activity, and any activity between. */
export function yearsOfCycle(summary: CycleSummary): Set<SchoolYear> {
  const years = new Set<SchoolYear>();
  const first = schoolYearOf(summary.createdAt);
  const last = schoolYearOf(summary.lastActivityAt);
  if (first && last)
    for (let start = Number(first.slice(0, 4)); start <= Number(last.slice(0, 4)); start++)
      years.add(`${start}-${start + 1}` as SchoolYear);
  for (const activity of summary.activities) {
    const year = schoolYearOf(activity.date);
    if (year) years.add(year);
  }
  return years;
}

/** Every school year any cycle belongs to, newest first (the overview's filter). */
export function schoolYearsOf(summaries: readonly CycleSummary[]): SchoolYear[] {
  const years = new Set<SchoolYear>();
  for (const summary of summaries) for (const year of yearsOfCycle(summary)) years.add(year);
  return [...years].sort().reverse();
}

/** The measurable items any cycle recorded, by label, for the team to choose what to follow. */
export function measuredItems(summaries: readonly CycleSummary[]): FollowedItem[] {
  const items = new Map<string, FollowedItem>();
  for (const summary of summaries)
    for (const run of summary.measures)
      for (const item of run.items)
        if (!items.has(item.key))
          items.set(item.key, { key: item.key, label: item.label, kind: item.kind });
  return [...items.values()].sort(
    (a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key),
  );
}

/** The cycles of a school year (all when `year` is null), most recently active first. */
export function plgOverview(
  summaries: readonly CycleSummary[],
  year: SchoolYear | null,
  followed: readonly FollowedItem[],
): CycleOverview[] {
  const keys = new Set(followed.map((item) => item.key));
  return summaries
    .filter((summary) => year === null || yearsOfCycle(summary).has(year))
    .map((summary) => {
      const points = new Map<string, MeasurePoint[]>();
      for (const run of summary.measures)
        for (const item of run.items) {
          if (!keys.has(item.key) || (year !== null && schoolYearOf(run.date) !== year)) continue;
          const list = points.get(item.key) ?? [];
          list.push({ rl: run.rl, date: run.date, value: item.value });
          points.set(item.key, list);
        }
      return {
        cycleId: summary.cycleId,
        title: summary.title,
        stage: summary.stage,
        researchLessons: summary.researchLessons,
        lessonsTaught: summary.lessonsTaught,
        runsTaught: summary.runsTaught,
        lastActivityAt: summary.lastActivityAt,
        baselines: summary.baselines,
        followed: followed
          .filter((item) => points.has(item.key))
          .map((item) => ({
            key: item.key,
            points: (points.get(item.key) ?? []).sort((a, b) => a.date.localeCompare(b.date)),
          })),
      };
    })
    .sort(
      (a, b) =>
        b.lastActivityAt.localeCompare(a.lastActivityAt) || a.cycleId.localeCompare(b.cycleId),
    );
}

/** Counts for a leader's report: aggregates only, never an individual's observations. */
export type YearAggregates = {
  readonly cycles: number;
  readonly byStage: Readonly<Partial<Record<CycleStage, number>>>;
  readonly lessonsTaught: number;
  readonly runsTaught: number;
  /** Baselines with a new measurement: how many rose, fell or stayed. */
  readonly baselines: {
    readonly measured: number;
    readonly up: number;
    readonly down: number;
    readonly same: number;
  };
};

export function yearAggregates(cycles: readonly CycleOverview[]): YearAggregates {
  const byStage: Partial<Record<CycleStage, number>> = {};
  let lessonsTaught = 0;
  let runsTaught = 0;
  const baselines = { measured: 0, up: 0, down: 0, same: 0 };
  for (const cycle of cycles) {
    byStage[cycle.stage] = (byStage[cycle.stage] ?? 0) + 1;
    lessonsTaught += cycle.lessonsTaught;
    runsTaught += cycle.runsTaught;
    for (const baseline of cycle.baselines) {
      if (baseline.value === null || baseline.after === null) continue;
      baselines.measured++;
      if (baseline.after > baseline.value) baselines.up++;
      else if (baseline.after < baseline.value) baselines.down++;
      else baselines.same++;
    }
  }
  return { cycles: cycles.length, byStage, lessonsTaught, runsTaught, baselines };
}
