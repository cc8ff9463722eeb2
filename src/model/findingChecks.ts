import type { Finding, FindingCheck } from './debrief.ts';
import type { ObservationEvent } from './eventLog.ts';
import type { MemberId } from './ids.ts';
import type { ItemKind } from './templates.ts';

/**
 * Whether a change worked: an agreed finding names the measure it rests on
 * (a kijkwijzer item, for a case pupil or the class), and the next research
 * lesson's debrief compares that measure in the earlier run with the later
 * one — the same item, the same case pupil, RL1 against RL2.
 *
 * Runs differ in how many colleagues observed, so tallies are compared per
 * observer who recorded that item; ratings by their mean; checks by the
 * share seen; interval answers by their mean.
 */

export type Measure = {
  readonly kind: ItemKind | null;
  /** The figure compared (see above); null when the run has no records of the item. */
  readonly value: number | null;
  /** Records it rests on. */
  readonly n: number;
  /** Observers who recorded the item. */
  readonly observers: number;
};

export type CheckDirection = 'up' | 'down' | 'same' | 'no-data';

export type FindingCheckResult = {
  readonly finding: Finding;
  readonly check: FindingCheck;
  readonly before: Measure;
  readonly after: Measure;
  readonly direction: CheckDirection;
};

const NO_MEASURE: Measure = { kind: null, value: null, n: 0, observers: 0 };

/** The measure of one item (for one case pupil, or records without a pupil) in a run's effective events. */
export function measureItem(events: readonly ObservationEvent[], check: FindingCheck): Measure {
  let kind: ItemKind | null = null;
  let sum = 0;
  let n = 0;
  const observers = new Set<MemberId>();
  for (const event of events) {
    if (event.itemId !== check.itemId) continue;
    if ((event.pupilId ?? undefined) !== check.pupilId) continue;
    if (event.kind === 'tally') {
      kind = 'tally';
      sum += typeof event.value === 'number' ? event.value : 1;
    } else if (event.kind === 'rating' && typeof event.value === 'number') {
      kind = 'rating';
      sum += event.value;
    } else if (event.kind === 'check' && typeof event.value === 'boolean') {
      kind = 'check';
      sum += event.value ? 1 : 0;
    } else if (event.kind === 'interval' && typeof event.value === 'number') {
      kind = 'interval';
      sum += event.value;
    } else continue;
    n++;
    observers.add(event.observer);
  }
  if (n === 0 || kind === null) return NO_MEASURE;
  const value = kind === 'tally' ? sum / observers.size : sum / n;
  return { kind, value, n, observers: observers.size };
}

/** Differences smaller than this (relative to the larger figure) count as the same. */
const SAME_WITHIN = 0.05;

export function direction(before: Measure, after: Measure): CheckDirection {
  if (before.value === null || after.value === null) return 'no-data';
  const scale = Math.max(Math.abs(before.value), Math.abs(after.value), 1e-9);
  const delta = after.value - before.value;
  if (Math.abs(delta) / scale < SAME_WITHIN) return 'same';
  return delta > 0 ? 'up' : 'down';
}

/**
 * For every earlier finding that names a measure, the measure in the earlier
 * run against the later one. Findings without a measure are left out (the
 * team judges them by their words alone).
 */
export function checkFindings(
  findings: readonly Finding[],
  earlier: readonly ObservationEvent[],
  later: readonly ObservationEvent[],
): FindingCheckResult[] {
  const out: FindingCheckResult[] = [];
  for (const finding of findings) {
    const check = finding.check;
    if (check === null) continue;
    const before = measureItem(earlier, check);
    const after = measureItem(later, check);
    out.push({ finding, check, before, after, direction: direction(before, after) });
  }
  return out;
}
