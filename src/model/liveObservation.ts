import type { PhaseId } from './cycleTypes.ts';
import {
  type FoldedObservation,
  foldKey,
  MAX_EVENT_T,
  OBSERVATION_KINDS,
  type ObservationEvent,
} from './eventLog.ts';
import { isInterviewEvent } from './interviews.ts';
import type { TemplateItem } from './templates.ts';

/**
 * What the live observation screen derives from one observer's own log
 * (issue 6 points 3–4): where the lesson clock stands, which phase the lesson
 * is in, what "undo last" would cancel, when an interval is due. Pure: the
 * current time is always passed in.
 */

export type LessonState = {
  /** The observer's first start event, or null before they started. */
  readonly start: ObservationEvent | null;
  /** The observer's end event, or null while observing. */
  readonly end: ObservationEvent | null;
  /** The phase the observer last moved the lesson to (or the start's). */
  readonly phaseId: PhaseId | null;
  /** Lesson clock (ms) at which that phase began. */
  readonly phaseSince: number;
};

/** The lesson's state from one observer's effective (folded) events, in log order. */
export function lessonState(effective: readonly ObservationEvent[]): LessonState {
  let start: ObservationEvent | null = null;
  let end: ObservationEvent | null = null;
  let phaseId: PhaseId | null = null;
  let phaseSince = 0;
  for (const event of effective) {
    if (event.kind === 'start' && start === null) {
      start = event;
      phaseId = event.phaseId;
      phaseSince = event.t;
    } else if (start !== null && end === null) {
      if (event.kind === 'phase') {
        phaseId = event.phaseId;
        phaseSince = event.t;
      } else if (event.kind === 'end') end = event;
    }
  }
  return { start, end, phaseId, phaseSince };
}

/**
 * The lesson clock in ms at wall-clock `nowMs`: time since the start event
 * (its `t` plus the wall time passed since it was recorded), so it keeps
 * running across a reload; frozen at the end event; 0 before the start.
 */
export function lessonClock(state: LessonState, nowMs: number): number {
  if (state.start === null) return 0;
  if (state.end !== null) return state.end.t;
  const startedAt = Date.parse(state.start.at);
  if (!Number.isFinite(startedAt)) return state.start.t;
  return Math.min(MAX_EVENT_T, Math.max(state.start.t, state.start.t + nowMs - startedAt));
}

/** The phase after `current` in plan order, or null at the last phase (or none planned). */
export function nextPhase<P extends { readonly id: PhaseId }>(
  phases: readonly P[],
  current: PhaseId | null,
): P | null {
  if (phases.length === 0) return null;
  const index = phases.findIndex((phase) => phase.id === current);
  return index === -1 ? (phases[0] ?? null) : (phases[index + 1] ?? null);
}

const UNDOABLE: ReadonlySet<ObservationEvent['kind']> = new Set([...OBSERVATION_KINDS, 'phase']);

/** A record of the lesson itself: not a start or end, not a pupil-interview answer. */
const isLessonRecord = (event: ObservationEvent | undefined): event is ObservationEvent =>
  event !== undefined && UNDOABLE.has(event.kind) && !isInterviewEvent(event);

/** The most recent record "undo last" cancels (never the start, the end or an interview answer), or null. */
export function lastUndoable(effective: readonly ObservationEvent[]): ObservationEvent | null {
  for (let i = effective.length - 1; i >= 0; i--) {
    const event = effective[i];
    if (isLessonRecord(event)) return event;
  }
  return null;
}

/** The latest `count` undoable records, newest first. */
export function recentRecords(
  effective: readonly ObservationEvent[],
  count: number,
): ObservationEvent[] {
  const out: ObservationEvent[] = [];
  for (let i = effective.length - 1; i >= 0 && out.length < count; i--) {
    const event = effective[i];
    if (isLessonRecord(event) && event.kind !== 'phase') out.push(event);
  }
  return out;
}

/** What one item shows on the screen for a pupil (or the class) in the current phase. */
export type ItemReading = {
  /** Tallies in the current phase (per team when the item has teams: index → count). */
  readonly phaseCount: number;
  readonly teamCounts: readonly number[];
  /** Tallies over the whole run. */
  readonly totalCount: number;
  /** Last check in the current phase; undefined when none. */
  readonly checked: boolean | undefined;
  /** Last rating in the current phase; undefined when none. */
  readonly rating: number | undefined;
};

/**
 * Tallies over all phases and teams per `${itemId}|${pupilId}`, once per fold:
 * every item of every tile reads its total after each tap, and walking all
 * tallies for each of them made most of a tap's garbage.
 */
const totalsOf = new WeakMap<ReadonlyMap<string, number>, ReadonlyMap<string, number>>();

function tallyTotals(tallies: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  let totals = totalsOf.get(tallies);
  if (totals === undefined) {
    const sums = new Map<string, number>();
    for (const [key, count] of tallies) {
      const itemAndPupil = key.slice(0, key.indexOf('|', key.indexOf('|') + 1));
      sums.set(itemAndPupil, (sums.get(itemAndPupil) ?? 0) + count);
    }
    totals = sums;
    totalsOf.set(tallies, totals);
  }
  return totals;
}

/** Reads an item's state for `pupilId` (undefined = class/teacher) from the folded log. */
export function readItem(
  folded: FoldedObservation,
  item: Pick<TemplateItem, 'id' | 'teams'>,
  pupilId: string | undefined,
  phaseId: PhaseId | null,
): ItemReading {
  const base = { itemId: item.id, pupilId, phaseId };
  const teams = item.teams ?? [];
  const teamCounts = teams.map((_, team) => folded.tallies.get(foldKey({ ...base, team })) ?? 0);
  const phaseCount =
    teams.length > 0
      ? teamCounts.reduce((a, b) => a + b, 0)
      : (folded.tallies.get(foldKey(base)) ?? 0);
  const totalCount = tallyTotals(folded.tallies).get(`${item.id}|${pupilId ?? ''}`) ?? 0;
  const ratings = folded.ratings.get(foldKey(base));
  return {
    phaseCount,
    teamCounts,
    totalCount,
    checked: folded.checks.get(foldKey(base)),
    rating: ratings?.[ratings.length - 1],
  };
}

export type IntervalDue = {
  /** Index of the current interval (0 from the start). */
  readonly slot: number;
  /** Whether this interval already has an answer for the item. */
  readonly answered: boolean;
  /** Lesson clock (ms) when the next interval begins. */
  readonly nextAt: number;
  /** The last answer given for the item, if any. */
  readonly lastValue: number | undefined;
};

/**
 * Interval sampling: the lesson is cut into slots of `minutes`; a slot is
 * answered once an effective `interval` event for the item (and pupil) falls in it.
 */
export function intervalDue(
  effective: readonly ObservationEvent[],
  item: Pick<TemplateItem, 'id' | 'intervalMinutes'>,
  pupilId: string | undefined,
  clockMs: number,
): IntervalDue {
  const length = Math.max(1, item.intervalMinutes ?? 5) * 60_000;
  const slot = Math.floor(clockMs / length);
  let answered = false;
  let lastValue: number | undefined;
  for (const event of effective) {
    if (event.kind !== 'interval' || event.itemId !== item.id || event.pupilId !== pupilId)
      continue;
    if (typeof event.value === 'number') lastValue = event.value;
    if (Math.floor(event.t / length) === slot) answered = true;
  }
  return { slot, answered, nextAt: (slot + 1) * length, lastValue };
}

/** `m:ss` (or `h:mm:ss`) of a lesson-clock duration. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
