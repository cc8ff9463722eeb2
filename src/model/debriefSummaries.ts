import {
  intervalSeries,
  type RatingSummary,
  ratingsPerItem,
  type TimePerPhase,
  timePerPhase,
} from './aggregates.ts';
import type { Phase, PhaseId } from './cycleTypes.ts';
import type { ObservationEvent } from './eventLog.ts';
import { isInterviewEvent } from './interviews.ts';
import type { Template, TemplateItem } from './templates.ts';

/**
 * Summaries across observers for the debrief's "patterns across the class"
 * step: rating distributions per item and per section, tallies per phase and
 * per stretch of the lesson, time on task over the lesson (the interval
 * items), and planned against actual time per phase. Pure; the screen draws
 * them as charts and as tables.
 */

export type SectionRatings = {
  /** The kijkwijzer section, or '' for ratings of items not in the kijkwijzer. */
  readonly sectionId: string;
  readonly title: string;
  readonly items: readonly RatingSummary[];
  /** All the section's ratings together. */
  readonly distribution: readonly [number, number, number, number];
  readonly n: number;
  readonly mean: number | null;
};

export type PhaseCount = { readonly phaseId: PhaseId | null; readonly count: number };

export type TallyRow = {
  readonly itemId: string;
  /** Planned phases in plan order, then a row for records outside the plan when there are any. */
  readonly perPhase: readonly PhaseCount[];
  /** Counts per stretch of `binMinutes` of the lesson clock, from the start. */
  readonly perInterval: readonly number[];
  readonly total: number;
};

export type TimeOnTaskPoint = {
  /** Whole minutes into the lesson. */
  readonly minute: number;
  /** Mean of the answers given at that minute (all observers, all pupils). */
  readonly mean: number;
  readonly n: number;
};

export type TimeOnTask = { readonly itemId: string; readonly points: readonly TimeOnTaskPoint[] };

export type DebriefSummaries = {
  readonly time: TimePerPhase;
  readonly ratings: readonly SectionRatings[];
  readonly tallies: readonly TallyRow[];
  readonly binMinutes: number;
  readonly timeOnTask: readonly TimeOnTask[];
};

export type SummaryInput = {
  /** The run's effective events, all observers. */
  readonly events: readonly ObservationEvent[];
  readonly phases: readonly Phase[];
  readonly template: Template | null;
  /** Length of a stretch for the tallies over the lesson; 5 minutes by default. */
  readonly binMinutes?: number;
};

function sumDistribution(items: readonly RatingSummary[]): [number, number, number, number] {
  const total: [number, number, number, number] = [0, 0, 0, 0];
  for (const { distribution: d } of items) {
    total[0] += d[0];
    total[1] += d[1];
    total[2] += d[2];
    total[3] += d[3];
  }
  return total;
}

function section(sectionId: string, title: string, items: RatingSummary[]): SectionRatings {
  const distribution = sumDistribution(items);
  const n = distribution.reduce((sum, c) => sum + c, 0);
  const weighted = distribution.reduce((sum, c, i) => sum + c * (i + 1), 0);
  return { sectionId, title, items, distribution, n, mean: n === 0 ? null : weighted / n };
}

/** Ratings per item, grouped by the kijkwijzer's sections (sections without ratings left out). */
export function ratingsBySection(
  events: readonly ObservationEvent[],
  template: Template | null,
): SectionRatings[] {
  const perItem = new Map(ratingsPerItem(events).map((summary) => [summary.itemId, summary]));
  const out: SectionRatings[] = [];
  for (const each of template?.sections ?? []) {
    const items: RatingSummary[] = [];
    for (const item of each.items) {
      const summary = perItem.get(item.id);
      if (summary === undefined) continue;
      items.push(summary);
      perItem.delete(item.id);
    }
    if (items.length > 0) out.push(section(each.id, each.title, items));
  }
  if (perItem.size > 0) out.push(section('', '', [...perItem.values()]));
  return out;
}

/** Tallies per item: per planned phase (then outside the plan), per stretch of the lesson, in all. */
export function tallyRows(
  events: readonly ObservationEvent[],
  phases: readonly Phase[],
  binMinutes = 5,
): TallyRow[] {
  const binMs = Math.max(1, binMinutes) * 60_000;
  const planned = new Set<PhaseId | null>(phases.map((phase) => phase.id));
  const rows = new Map<
    string,
    { perPhase: Map<PhaseId | null, number>; perInterval: number[]; total: number }
  >();
  for (const event of events) {
    if (event.kind !== 'tally' || event.itemId === undefined) continue;
    const step = typeof event.value === 'number' ? event.value : 1;
    let row = rows.get(event.itemId);
    if (row === undefined) {
      row = { perPhase: new Map(phases.map((phase) => [phase.id, 0])), perInterval: [], total: 0 };
      rows.set(event.itemId, row);
    }
    const phaseId = planned.has(event.phaseId) ? event.phaseId : null;
    row.perPhase.set(phaseId, (row.perPhase.get(phaseId) ?? 0) + step);
    const bin = Math.floor(event.t / binMs);
    for (let i = row.perInterval.length; i <= bin; i++) row.perInterval.push(0);
    row.perInterval[bin] = (row.perInterval[bin] ?? 0) + step;
    row.total += step;
  }
  return [...rows]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([itemId, row]) => ({
      itemId,
      perPhase: [...row.perPhase].map(([phaseId, count]) => ({ phaseId, count })),
      perInterval: row.perInterval,
      total: row.total,
    }));
}

/** Per interval item (e.g. "how many pupils are on task?"), the mean answer per minute of the lesson. */
export function timeOnTask(
  events: readonly ObservationEvent[],
  items: readonly Pick<TemplateItem, 'id' | 'kind'>[],
): TimeOnTask[] {
  const out: TimeOnTask[] = [];
  const ids = new Set(items.filter((item) => item.kind === 'interval').map((item) => item.id));
  for (const event of events) if (event.kind === 'interval' && event.itemId) ids.add(event.itemId);
  for (const itemId of [...ids].sort()) {
    const perMinute = new Map<number, { sum: number; n: number }>();
    for (const point of intervalSeries(events, itemId)) {
      const bucket = perMinute.get(point.minute) ?? { sum: 0, n: 0 };
      bucket.sum += point.value;
      bucket.n += 1;
      perMinute.set(point.minute, bucket);
    }
    if (perMinute.size === 0) continue;
    out.push({
      itemId,
      points: [...perMinute]
        .sort(([a], [b]) => a - b)
        .map(([minute, { sum, n }]) => ({ minute, mean: sum / n, n })),
    });
  }
  return out;
}

/** Everything the patterns step shows, from the run's effective events (interview answers left out). */
export function debriefSummaries(input: SummaryInput): DebriefSummaries {
  const lesson = input.events.filter((event) => !isInterviewEvent(event));
  const binMinutes = input.binMinutes ?? 5;
  const items = input.template?.sections.flatMap((each) => each.items) ?? [];
  return {
    time: timePerPhase(
      lesson,
      input.phases.map((phase) => ({ id: phase.id, minutes: phase.minutes })),
    ),
    ratings: ratingsBySection(lesson, input.template),
    tallies: tallyRows(lesson, input.phases, binMinutes),
    binMinutes,
    timeOnTask: timeOnTask(lesson, items),
  };
}
