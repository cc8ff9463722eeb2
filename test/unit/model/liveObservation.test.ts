import { describe, expect, it } from 'vitest';
import type { PhaseId, RunId } from '../../../src/model/cycleTypes.ts';
import { appendEvent, type EventInput, foldEvents, readLog } from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import {
  formatClock,
  intervalDue,
  lastUndoable,
  lessonClock,
  lessonState,
  nextPhase,
  readItem,
  recentRecords,
} from '../../../src/model/liveObservation.ts';
import { newCycle, testCtx } from './cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const P1 = 'phase00000000001' as PhaseId;
const P2 = 'phase00000000002' as PhaseId;
const PUPIL = 'pvp1000000000000';
const MIN = 60_000;

function observe(script: (add: (input: EventInput) => string) => void) {
  const ctx = testCtx();
  const doc = newCycle(ctx);
  script((input) => appendEvent(doc, RUN, ANS, input, ctx).id);
  return foldEvents(readLog(doc, RUN, ANS));
}

describe('lessonState and lessonClock', () => {
  it('follows start, phase changes (undo included) and end', () => {
    const folded = observe((add) => {
      add({ kind: 'start', t: 0, phaseId: P1 });
      add({ kind: 'tally', t: MIN, phaseId: P1, itemId: 'q' });
      const wrong = add({ kind: 'phase', t: 2 * MIN, phaseId: P2 });
      add({ kind: 'undo', t: 2 * MIN + 1, phaseId: P2, target: wrong });
      add({ kind: 'phase', t: 3 * MIN, phaseId: P2 });
    });
    const state = lessonState(folded.effective);
    expect(state.phaseId).toBe(P2);
    expect(state.phaseSince).toBe(3 * MIN);
    expect(state.end).toBeNull();
    const startedAt = Date.parse(state.start?.at ?? '');
    expect(lessonClock(state, startedAt + 4 * MIN)).toBe(4 * MIN);
    expect(lessonClock(state, startedAt - 5)).toBe(0); // a clock set back never runs backwards
  });

  it('freezes at the end and is 0 before the start', () => {
    const folded = observe((add) => {
      add({ kind: 'start', t: 0, phaseId: null });
      add({ kind: 'end', t: 45 * MIN, phaseId: null });
      add({ kind: 'phase', t: 46 * MIN, phaseId: P2 }); // after the end: ignored
    });
    const state = lessonState(folded.effective);
    expect(lessonClock(state, Date.now())).toBe(45 * MIN);
    expect(state.phaseId).toBeNull();
    expect(lessonClock(lessonState([]), Date.now())).toBe(0);
  });
});

describe('nextPhase', () => {
  const phases = [{ id: P1 }, { id: P2 }];
  it('moves through the plan and stops at the last phase', () => {
    expect(nextPhase(phases, null)).toEqual({ id: P1 });
    expect(nextPhase(phases, P1)).toEqual({ id: P2 });
    expect(nextPhase(phases, P2)).toBeNull();
    expect(nextPhase([], P1)).toBeNull();
  });
});

describe('undo last and recent records', () => {
  it('never cancels the start or end; recent skips phase changes', () => {
    const folded = observe((add) => {
      add({ kind: 'start', t: 0, phaseId: P1 });
      add({ kind: 'tally', t: 1, phaseId: P1, itemId: 'q', pupilId: PUPIL });
      add({ kind: 'phase', t: 2, phaseId: P2 });
    });
    expect(lastUndoable(folded.effective)?.kind).toBe('phase');
    expect(recentRecords(folded.effective, 5).map((e) => e.kind)).toEqual(['tally']);
    expect(
      lastUndoable(observe((add) => add({ kind: 'start', t: 0, phaseId: null })).effective),
    ).toBeNull();
  });

  it('leaves pupil-interview answers out', () => {
    const folded = observe((add) => {
      add({ kind: 'tally', t: 1, phaseId: P1, itemId: 'q' });
      add({
        kind: 'note',
        t: 2,
        phaseId: null,
        itemId: 'interview:qst0000000000001',
        pupilId: PUPIL,
        text: 'ja',
      });
    });
    expect(lastUndoable(folded.effective)?.kind).toBe('tally');
    expect(recentRecords(folded.effective, 5).map((e) => e.kind)).toEqual(['tally']);
  });
});

describe('readItem', () => {
  it('counts per phase, per team and over the run; keeps the last check and rating', () => {
    const folded = observe((add) => {
      add({ kind: 'tally', t: 1, phaseId: P1, itemId: 'q', pupilId: PUPIL });
      add({ kind: 'tally', t: 2, phaseId: P2, itemId: 'q', pupilId: PUPIL });
      add({ kind: 'tally', t: 3, phaseId: P2, itemId: 'q', pupilId: PUPIL });
      add({ kind: 'tally', t: 4, phaseId: P2, itemId: 'q' }); // the class, not the pupil
      add({ kind: 'tally', t: 5, phaseId: P2, itemId: 'g', team: 1 });
      add({ kind: 'check', t: 6, phaseId: P2, itemId: 'c', value: true });
      add({ kind: 'check', t: 7, phaseId: P2, itemId: 'c', value: false });
      add({ kind: 'rating', t: 8, phaseId: P2, itemId: 'r', value: 3 });
      add({ kind: 'tally', t: 9, phaseId: P1, itemId: 'q2', pupilId: PUPIL }); // another item
      add({ kind: 'tally', t: 10, phaseId: P1, itemId: 'g', team: 0, value: 2 });
    });
    expect(readItem(folded, { id: 'q' }, PUPIL, P2)).toMatchObject({
      phaseCount: 2,
      totalCount: 3,
    });
    expect(readItem(folded, { id: 'q' }, undefined, P2)).toMatchObject({
      phaseCount: 1,
      totalCount: 1,
    });
    expect(readItem(folded, { id: 'g', teams: ['a', 'b'] }, undefined, P2)).toMatchObject({
      phaseCount: 1,
      teamCounts: [0, 1],
      totalCount: 3,
    });
    expect(readItem(folded, { id: 'c' }, undefined, P2).checked).toBe(false);
    expect(readItem(folded, { id: 'c' }, undefined, P1).checked).toBeUndefined();
    expect(readItem(folded, { id: 'r' }, undefined, P2).rating).toBe(3);
  });
});

describe('intervalDue', () => {
  it('asks once per interval and remembers the last answer', () => {
    const folded = observe((add) => {
      add({ kind: 'interval', t: 1 * MIN, phaseId: null, itemId: 'i', value: 20 });
      add({ kind: 'interval', t: 6 * MIN, phaseId: null, itemId: 'i', value: 24 });
    });
    const item = { id: 'i', intervalMinutes: 5 };
    expect(intervalDue(folded.effective, item, undefined, 7 * MIN)).toEqual({
      slot: 1,
      answered: true,
      nextAt: 10 * MIN,
      lastValue: 24,
    });
    expect(intervalDue(folded.effective, item, undefined, 11 * MIN).answered).toBe(false);
  });
});

describe('formatClock', () => {
  it('formats minutes and hours', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65_432)).toBe('1:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
  });
});
