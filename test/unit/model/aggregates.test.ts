import { describe, expect, it } from 'vitest';
import {
  countsPerPhase,
  intervalSeries,
  ratingsPerItem,
  timePerPhase,
} from '../../../src/model/aggregates.ts';
import type { PhaseId, RunId } from '../../../src/model/cycleTypes.ts';
import {
  appendEvent,
  type EventInput,
  foldEvents,
  readRunEvents,
} from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { newCycle, testCtx } from './cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const P1 = 'phase00000000001' as PhaseId;
const P2 = 'phase00000000002' as PhaseId;
const P3 = 'phase00000000003' as PhaseId;
const MIN = 60_000;

/** A log recorded through the model, folded as the screens will see it. */
function lesson(script: (add: (who: MemberId, input: EventInput) => string) => void) {
  const ctx = testCtx();
  const doc = newCycle(ctx);
  script((who, input) => appendEvent(doc, RUN, who, input, ctx).id);
  return foldEvents(readRunEvents(doc, RUN)).effective;
}

describe('countsPerPhase', () => {
  it('counts effective records per phase and kind, tallies by their step', () => {
    const events = lesson((add) => {
      add(ANS, { kind: 'start', t: 0, phaseId: P1 });
      add(ANS, { kind: 'tally', t: 1, phaseId: P1, itemId: 'q' });
      const undone = add(ANS, { kind: 'tally', t: 2, phaseId: P1, itemId: 'q' });
      add(ANS, { kind: 'undo', t: 3, phaseId: P1, target: undone });
      add(BRAM, { kind: 'tally', t: 4, phaseId: P1, itemId: 'q', value: 3 });
      add(ANS, { kind: 'phase', t: 5, phaseId: P2 });
      add(ANS, { kind: 'note', t: 6, phaseId: P2, text: 'stil' });
      add(BRAM, { kind: 'check', t: 7, phaseId: P2, itemId: 'c', value: true });
      add(BRAM, { kind: 'rating', t: 8, phaseId: null, itemId: 'r', value: 2 });
    });
    expect(countsPerPhase(events, [P3, P1, P2])).toEqual([
      { phaseId: P3, byKind: {}, total: 0 },
      { phaseId: P1, byKind: { tally: 4 }, total: 4 },
      { phaseId: P2, byKind: { note: 1, check: 1 }, total: 2 },
      { phaseId: null, byKind: { rating: 1 }, total: 1 },
    ]);
  });
});

describe('ratingsPerItem', () => {
  it('gives mean, n and distribution per item, after edits and undos', () => {
    const events = lesson((add) => {
      add(ANS, { kind: 'rating', t: 0, phaseId: P1, itemId: 'climate', value: 2 });
      const edited = add(BRAM, { kind: 'rating', t: 0, phaseId: P1, itemId: 'climate', value: 1 });
      add(BRAM, { kind: 'edit', t: 1, phaseId: P1, target: edited, value: 4 });
      add(ANS, { kind: 'rating', t: 0, phaseId: P2, itemId: 'climate', value: 4 });
      const undone = add(ANS, { kind: 'rating', t: 0, phaseId: P2, itemId: 'clear', value: 1 });
      add(ANS, { kind: 'undo', t: 1, phaseId: P2, target: undone });
      add(ANS, { kind: 'rating', t: 0, phaseId: P2, itemId: 'activating', value: 3 });
    });
    expect(ratingsPerItem(events)).toEqual([
      { itemId: 'activating', n: 1, mean: 3, distribution: [0, 0, 1, 0] },
      { itemId: 'climate', n: 3, mean: 10 / 3, distribution: [0, 1, 0, 2] },
    ]);
  });
});

describe('timePerPhase', () => {
  const plan = [
    { id: P1, minutes: 5 },
    { id: P2, minutes: 20 },
    { id: P3, minutes: 10 },
  ];

  it('compares planned and actual time between start and end', () => {
    const events = lesson((add) => {
      add(ANS, { kind: 'start', t: 0, phaseId: P1 });
      add(ANS, { kind: 'tally', t: 2 * MIN, phaseId: P1, itemId: 'q' });
      add(ANS, { kind: 'phase', t: 7 * MIN, phaseId: P2 });
      const wrong = add(ANS, { kind: 'phase', t: 20 * MIN, phaseId: P3 });
      add(ANS, { kind: 'undo', t: 21 * MIN, phaseId: P2, target: wrong });
      add(ANS, { kind: 'phase', t: 30 * MIN, phaseId: P3 });
      add(ANS, { kind: 'end', t: 45 * MIN, phaseId: P3 });
      add(ANS, { kind: 'tally', t: 50 * MIN, phaseId: P3, itemId: 'q' });
      // A second observer taps less; the first keeps the clock.
      add(BRAM, { kind: 'start', t: 0, phaseId: P1 });
      add(BRAM, { kind: 'end', t: 40 * MIN, phaseId: P1 });
    });
    expect(timePerPhase(events, plan)).toEqual({
      observer: ANS,
      phases: [
        { phaseId: P1, plannedMs: 5 * MIN, actualMs: 7 * MIN },
        { phaseId: P2, plannedMs: 20 * MIN, actualMs: 23 * MIN },
        { phaseId: P3, plannedMs: 10 * MIN, actualMs: 15 * MIN },
      ],
      totalMs: 45 * MIN,
      ended: true,
    });
    expect(timePerPhase(events, plan, { observer: BRAM }).phases[0]).toEqual({
      phaseId: P1,
      plannedMs: 5 * MIN,
      actualMs: 40 * MIN,
    });
  });

  it('runs the open phase to the current clock, and lists unplanned phases after the plan', () => {
    const other = 'phase00000000009' as PhaseId;
    const events = lesson((add) => {
      add(ANS, { kind: 'tally', t: 0, phaseId: null, itemId: 'before-start' });
      add(ANS, { kind: 'start', t: MIN, phaseId: null });
      add(ANS, { kind: 'phase', t: 2 * MIN, phaseId: other });
      add(ANS, { kind: 'phase', t: 4 * MIN, phaseId: P1 });
    });
    expect(timePerPhase(events, plan, { until: 10 * MIN })).toEqual({
      observer: ANS,
      phases: [
        { phaseId: P1, plannedMs: 5 * MIN, actualMs: 6 * MIN },
        { phaseId: P2, plannedMs: 20 * MIN, actualMs: 0 },
        { phaseId: P3, plannedMs: 10 * MIN, actualMs: 0 },
        { phaseId: null, plannedMs: null, actualMs: MIN },
        { phaseId: other, plannedMs: null, actualMs: 2 * MIN },
      ],
      totalMs: 9 * MIN,
      ended: false,
    });
  });

  it('reports nothing without a start', () => {
    expect(timePerPhase([], plan)).toEqual({
      observer: null,
      phases: plan.map((p) => ({ phaseId: p.id, plannedMs: p.minutes * MIN, actualMs: 0 })),
      totalMs: 0,
      ended: false,
    });
  });
});

describe('intervalSeries', () => {
  it('lists the answers to one interval item by observer and clock', () => {
    const events = lesson((add) => {
      add(BRAM, { kind: 'interval', t: 5 * MIN, phaseId: P1, itemId: 'on-task', value: 20 });
      add(ANS, { kind: 'interval', t: 10 * MIN + 5, phaseId: P2, itemId: 'on-task', value: 18 });
      add(ANS, { kind: 'interval', t: 5 * MIN, phaseId: P1, itemId: 'on-task', value: 25 });
      add(ANS, { kind: 'interval', t: 5 * MIN, phaseId: P1, itemId: 'other', value: 1 });
    });
    expect(intervalSeries(events, 'on-task')).toEqual([
      { observer: ANS, t: 5 * MIN, minute: 5, phaseId: P1, value: 25 },
      { observer: ANS, t: 10 * MIN + 5, minute: 10, phaseId: P2, value: 18 },
      { observer: BRAM, t: 5 * MIN, minute: 5, phaseId: P1, value: 20 },
    ]);
  });
});
