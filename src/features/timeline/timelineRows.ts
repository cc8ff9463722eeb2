import type { PhaseId } from '../../model/cycleTypes.ts';
import { OBSERVATION_KINDS, type ObservationEvent } from '../../model/eventLog.ts';
import { isInterviewEvent } from '../../model/interviews.ts';

/**
 * Display helpers of the timeline: which events it lists, how the filters
 * match them, and the rows of the (virtualised) list with a header row per
 * phase.
 */

/** Filter value for "about the whole class" (no case pupil); '~' never occurs in an id. */
export const CLASS_ONLY = '~class';
/** Filter values for records without a kijkwijzer item. */
export const FREE_NOTES = '~note';
export const PHOTOS = '~photo';

/** '' means "all". */
export type TimelineFilter = {
  readonly observer: string;
  readonly pupil: string;
  readonly item: string;
};

export const NO_FILTER: TimelineFilter = { observer: '', pupil: '', item: '' };

const RECORDED = OBSERVATION_KINDS;

/**
 * What the lesson's timeline lists: recorded observations, not the clock
 * events (start, phase, end: those are the summary's time per phase) and not
 * the pupil interviews (they have their own section).
 */
export function lessonRecords(effective: readonly ObservationEvent[]): ObservationEvent[] {
  return effective.filter((event) => RECORDED.has(event.kind) && !isInterviewEvent(event));
}

/** The item filter value an event matches: its item id, or the free-note / photo value. */
export function itemKey(event: ObservationEvent): string {
  if (event.itemId !== undefined) return event.itemId;
  return event.kind === 'photo' ? PHOTOS : FREE_NOTES;
}

export function matchesFilter(event: ObservationEvent, filter: TimelineFilter): boolean {
  if (filter.observer !== '' && event.observer !== filter.observer) return false;
  if (
    filter.pupil === CLASS_ONLY
      ? event.pupilId !== undefined
      : filter.pupil !== '' && event.pupilId !== filter.pupil
  )
    return false;
  return filter.item === '' || itemKey(event) === filter.item;
}

export type TimelineRow =
  | {
      readonly type: 'phase';
      readonly key: string;
      readonly phaseId: PhaseId | null;
      /** Events listed under this header. */
      readonly count: number;
    }
  | { readonly type: 'event'; readonly key: string; readonly event: ObservationEvent };

/**
 * The rows of the timeline: per phase a header row, then its events by lesson
 * clock (then observer and order of recording). Phases come in plan order
 * (`phaseOrder`), then phases outside the plan in the order they were first
 * recorded, then events recorded without a phase.
 */
export function timelineRows(
  records: readonly ObservationEvent[],
  filter: TimelineFilter,
  phaseOrder: readonly PhaseId[],
): TimelineRow[] {
  const groups = new Map<PhaseId | null, ObservationEvent[]>();
  for (const event of records) {
    if (!matchesFilter(event, filter)) continue;
    const group = groups.get(event.phaseId) ?? [];
    group.push(event);
    groups.set(event.phaseId, group);
  }
  const byClock = (a: ObservationEvent, b: ObservationEvent) =>
    a.t - b.t || a.observer.localeCompare(b.observer) || a.seq - b.seq;
  for (const group of groups.values()) group.sort(byClock);

  const planned = phaseOrder.filter((id) => groups.has(id));
  const plannedSet = new Set<PhaseId | null>(phaseOrder);
  const others = [...groups.keys()]
    .filter((id): id is PhaseId => id !== null && !plannedSet.has(id))
    .sort((a, b) => (groups.get(a)?.[0]?.t ?? 0) - (groups.get(b)?.[0]?.t ?? 0));
  const order: (PhaseId | null)[] = [...planned, ...others];
  if (groups.has(null)) order.push(null);

  const rows: TimelineRow[] = [];
  for (const phaseId of order) {
    const group = groups.get(phaseId) ?? [];
    rows.push({ type: 'phase', key: `phase:${phaseId ?? ''}`, phaseId, count: group.length });
    for (const event of group) rows.push({ type: 'event', key: event.id, event });
  }
  return rows;
}

/** A lesson clock in ms as m:ss (h:mm:ss from an hour on), rounded down to the second. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${String(minutes).padStart(2, '0')}:${seconds}`;
}
