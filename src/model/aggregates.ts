import type { PhaseId } from './cycleTypes.ts';
import { type EventKind, OBSERVATION_KINDS, type ObservationEvent } from './eventLog.ts';
import type { MemberId } from './ids.ts';

/**
 * Pure aggregations over the effective events of a run (`foldEvents(…)
 * .effective`), for the live screen and the timeline after the lesson
 * (issue 6 points 3 and 7). Nothing here reads a document.
 */

export type PhaseCounts = {
  readonly phaseId: PhaseId | null;
  /** Recorded events of this phase per kind; a tally counts its step (default 1). */
  readonly byKind: Readonly<Partial<Record<EventKind, number>>>;
  /** Sum of byKind over tally, check, rating, interval, note and photo. */
  readonly total: number;
};

const COUNTED = OBSERVATION_KINDS;

/**
 * Counts per phase, in the order the phases first appear (or in `order` when
 * given, with unknown phases after it). Start, phase and end events are not
 * counted.
 */
export function countsPerPhase(
  events: readonly ObservationEvent[],
  order: readonly PhaseId[] = [],
): PhaseCounts[] {
  const rows = new Map<PhaseId | null, Partial<Record<EventKind, number>>>();
  for (const phaseId of order) rows.set(phaseId, {});
  for (const event of events) {
    if (!COUNTED.has(event.kind)) continue;
    const row = rows.get(event.phaseId) ?? {};
    const step = event.kind === 'tally' && typeof event.value === 'number' ? event.value : 1;
    row[event.kind] = (row[event.kind] ?? 0) + step;
    rows.set(event.phaseId, row);
  }
  return [...rows].map(([phaseId, byKind]) => ({
    phaseId,
    byKind,
    total: Object.values(byKind).reduce((sum, n) => sum + n, 0),
  }));
}

export type RatingSummary = {
  readonly itemId: string;
  readonly n: number;
  /** Mean of the ratings; null when n is 0. */
  readonly mean: number | null;
  /** How often each level 1–4 was given. */
  readonly distribution: readonly [number, number, number, number];
};

/** Ratings per item (all pupils, phases and observers together), sorted by item id. */
export function ratingsPerItem(events: readonly ObservationEvent[]): RatingSummary[] {
  const byItem = new Map<string, [number, number, number, number]>();
  for (const event of events) {
    if (event.kind !== 'rating' || event.itemId === undefined) continue;
    const level = event.value;
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 4) continue;
    const counts = byItem.get(event.itemId) ?? [0, 0, 0, 0];
    counts[level - 1] = (counts[level - 1] ?? 0) + 1;
    byItem.set(event.itemId, counts);
  }
  return [...byItem]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([itemId, distribution]) => {
      const n = distribution.reduce((sum, c) => sum + c, 0);
      const total = distribution.reduce((sum, c, i) => sum + c * (i + 1), 0);
      return { itemId, n, mean: n === 0 ? null : total / n, distribution };
    });
}

export type PhaseTime = {
  readonly phaseId: PhaseId | null;
  /** Planned duration in ms, or null for a phase that is not in the plan. */
  readonly plannedMs: number | null;
  /** Time the lesson spent in this phase, in ms (0 for a planned phase never reached). */
  readonly actualMs: number;
};

export type TimePerPhase = {
  /** Whose clock was used (see `timePerPhase`), or null without a start. */
  readonly observer: MemberId | null;
  /** Planned phases in plan order, then phases outside the plan as they appeared. */
  readonly phases: readonly PhaseTime[];
  /** From start to end (or to `until` while the lesson runs). */
  readonly totalMs: number;
  readonly ended: boolean;
};

/**
 * Planned against actual time per phase from one observer's `start`, `phase`
 * and `end` events: the lesson is in the start event's phase from its `t`,
 * each `phase` event moves it on, and `end` (or `until`, the observer's
 * current lesson clock, or else their last event) closes the last one. Events
 * before the first start or after the first end are ignored. By default the
 * clock of the observer who recorded the most phase changes is used (ties:
 * the lowest member id): several observers tap "next phase" for the same lesson.
 */
export function timePerPhase(
  events: readonly ObservationEvent[],
  planned: readonly { readonly id: PhaseId; readonly minutes: number }[] = [],
  options: { readonly observer?: MemberId; readonly until?: number } = {},
): TimePerPhase {
  const observer = options.observer ?? clockKeeper(events);
  const own = events
    .filter((e) => e.observer === observer)
    .sort((a, b) => a.t - b.t || a.seq - b.seq);
  const actual = new Map<PhaseId | null, number>();
  const startIndex = own.findIndex((e) => e.kind === 'start');
  const start = own[startIndex];
  let totalMs = 0;
  let ended = false;
  if (start !== undefined) {
    let phase = start.phaseId;
    let since = start.t;
    let lastT = start.t;
    const close = (t: number) => {
      actual.set(phase, (actual.get(phase) ?? 0) + Math.max(0, t - since));
      since = t;
    };
    for (const event of own.slice(startIndex + 1)) {
      if (event.kind === 'end') {
        close(event.t);
        lastT = event.t;
        ended = true;
        break;
      }
      lastT = event.t;
      if (event.kind === 'phase') {
        close(event.t);
        phase = event.phaseId;
      }
    }
    if (!ended) close(Math.max(options.until ?? lastT, since));
    totalMs = Math.max(0, (ended ? lastT : Math.max(options.until ?? lastT, lastT)) - start.t);
  }
  const phases: PhaseTime[] = planned.map(({ id, minutes }) => ({
    phaseId: id,
    plannedMs: minutes * 60_000,
    actualMs: actual.get(id) ?? 0,
  }));
  const plannedIds = new Set<PhaseId | null>(planned.map((p) => p.id));
  for (const [phaseId, actualMs] of actual)
    if (!plannedIds.has(phaseId)) phases.push({ phaseId, plannedMs: null, actualMs });
  return { observer: start === undefined ? null : (observer ?? null), phases, totalMs, ended };
}

function clockKeeper(events: readonly ObservationEvent[]): MemberId | undefined {
  const phaseEvents = new Map<MemberId, number>();
  for (const event of events) {
    if (event.kind !== 'start' && event.kind !== 'phase') continue;
    phaseEvents.set(event.observer, (phaseEvents.get(event.observer) ?? 0) + 1);
  }
  let best: MemberId | undefined;
  let most = -1;
  for (const [observer, n] of [...phaseEvents].sort(([a], [b]) => a.localeCompare(b)))
    if (n > most) {
      best = observer;
      most = n;
    }
  return best;
}

export type IntervalPoint = {
  readonly observer: MemberId;
  readonly t: number;
  /** Whole minutes into the lesson (observer's clock). */
  readonly minute: number;
  readonly phaseId: PhaseId | null;
  readonly pupilId?: string;
  readonly value: number;
};

/** The answers to one interval item, by observer then lesson clock. */
export function intervalSeries(
  events: readonly ObservationEvent[],
  itemId: string,
): IntervalPoint[] {
  const points: IntervalPoint[] = [];
  for (const event of events) {
    if (event.kind !== 'interval' || event.itemId !== itemId) continue;
    if (typeof event.value !== 'number') continue;
    points.push({
      observer: event.observer,
      t: event.t,
      minute: Math.floor(event.t / 60_000),
      phaseId: event.phaseId,
      ...(event.pupilId !== undefined && { pupilId: event.pupilId }),
      value: event.value,
    });
  }
  return points.sort((a, b) => a.observer.localeCompare(b.observer) || a.t - b.t);
}
