import { describe, expect, it } from 'vitest';
import { readResearchLesson } from '../../../src/model/cycleDoc.ts';
import type { PhaseId } from '../../../src/model/cycleTypes.ts';
import {
  addPhase,
  addResponse,
  movePhase,
  phaseText,
  removePhase,
  removeResponse,
  responseText,
  setPhaseMinutes,
  totalMinutes,
} from '../../../src/model/phases.ts';
import { newCycle, RL1, RL2, replica, sync, testCtx } from './cycleTestUtils.ts';

const titles = (doc: ReturnType<typeof newCycle>) =>
  readResearchLesson(doc, RL1)?.phases.map((p) => p.title) ?? [];

function planOf(names: string[]) {
  const ctx = testCtx();
  const doc = newCycle(ctx);
  const ids = names.map((title) => addPhase(doc, RL1, { title }, ctx));
  return { doc, ctx, ids };
}

describe('addPhase', () => {
  it('appends at the end by default, with defaults for minutes and texts', () => {
    const { doc } = planOf(['A', 'B']);
    const rl = readResearchLesson(doc, RL1);
    expect(rl?.phases.map((p) => [p.title, p.minutes, p.teacherActions, p.copiedFrom])).toEqual([
      ['A', 5, '', null],
      ['B', 5, '', null],
    ]);
  });

  it('inserts at the start when after is null and after a given phase', () => {
    const { doc, ctx, ids } = planOf(['A', 'B', 'C']);
    addPhase(doc, RL1, { title: 'start', after: null }, ctx);
    addPhase(doc, RL1, { title: 'afterA', after: ids[0] }, ctx);
    addPhase(doc, RL1, { title: 'afterC', after: ids[2] }, ctx);
    addPhase(doc, RL1, { title: 'unknown', after: 'nope' as PhaseId }, ctx);
    expect(titles(doc)).toEqual(['start', 'A', 'afterA', 'B', 'C', 'afterC', 'unknown']);
  });

  it('refuses bad minutes, overlong titles and a missing research lesson', () => {
    const { doc, ctx } = planOf([]);
    expect(() => addPhase(doc, RL1, { minutes: -1 }, ctx)).toThrow(RangeError);
    expect(() => addPhase(doc, RL1, { minutes: 241 }, ctx)).toThrow(RangeError);
    expect(() => addPhase(doc, RL1, { minutes: 2.5 }, ctx)).toThrow(RangeError);
    expect(() => addPhase(doc, RL1, { title: 'x'.repeat(201) }, ctx)).toThrow(RangeError);
    expect(() => addPhase(doc, RL2, {}, ctx)).toThrow(RangeError);
    expect(titles(doc)).toEqual([]);
  });

  it('writes one transaction with the user origin', () => {
    const { doc, ctx } = planOf([]);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    addPhase(doc, RL1, { title: 'A' }, ctx);
    expect(origins).toEqual([ctx.origin]);
  });
});

describe('removePhase', () => {
  it('removes the phase and is a no-op for an unknown one', () => {
    const { doc, ctx, ids } = planOf(['A', 'B', 'C']);
    removePhase(doc, RL1, ids[1] as PhaseId, ctx);
    removePhase(doc, RL1, ids[1] as PhaseId, ctx);
    expect(titles(doc)).toEqual(['A', 'C']);
    expect(phaseText(doc, RL1, ids[1] as PhaseId, 'title')).toBeNull();
  });
});

describe('movePhase', () => {
  const names = ['A', 'B', 'C', 'D', 'E'];
  for (let from = 0; from < names.length; from++) {
    it(`moves the phase at ${from} to every index`, () => {
      for (let to = -1; to <= names.length; to++) {
        const { doc, ctx, ids } = planOf(names);
        movePhase(doc, RL1, ids[from] as PhaseId, to, ctx);
        const expected = [...names];
        const [moved] = expected.splice(from, 1);
        expected.splice(Math.max(0, Math.min(names.length - 1, to)), 0, moved ?? '');
        expect(titles(doc), `from ${from} to ${to}`).toEqual(expected);
      }
    });
  }

  it('keeps the phase, its id and its texts (only the position changes)', () => {
    const { doc, ctx, ids } = planOf(['A', 'B', 'C']);
    const id = ids[2] as PhaseId;
    phaseText(doc, RL1, id, 'teacherActions')?.insert(0, 'uitleg');
    const text = phaseText(doc, RL1, id, 'teacherActions');
    movePhase(doc, RL1, id, 0, ctx);
    expect(phaseText(doc, RL1, id, 'teacherActions')).toBe(text);
    expect(readResearchLesson(doc, RL1)?.phases[0]).toMatchObject({ id, teacherActions: 'uitleg' });
  });

  it('places moves precisely between phases that share a position after a concurrent insert', () => {
    const { doc, ctx, ids } = planOf(['A', 'B']);
    const other = replica(doc);
    addPhase(doc, RL1, { title: 'X', after: ids[0] }, ctx);
    addPhase(other, RL1, { title: 'Y', after: ids[0] }, testCtx(2));
    sync(doc, other);
    const order = titles(doc);
    expect(order.slice(1, 3).sort()).toEqual(['X', 'Y']);
    const b = ids[1] as PhaseId;
    movePhase(doc, RL1, b, 2, ctx);
    expect(titles(doc)).toEqual([order[0], order[1], 'B', order[2]]);
  });
});

describe('setPhaseMinutes and totalMinutes', () => {
  it('validates minutes and sums the plan', () => {
    const { doc, ctx, ids } = planOf(['A', 'B', 'C']);
    setPhaseMinutes(doc, RL1, ids[0] as PhaseId, 0, ctx);
    setPhaseMinutes(doc, RL1, ids[1] as PhaseId, 240, ctx);
    expect(() => setPhaseMinutes(doc, RL1, ids[2] as PhaseId, 241, ctx)).toThrow(RangeError);
    expect(() => setPhaseMinutes(doc, RL1, ids[2] as PhaseId, Number.NaN, ctx)).toThrow(RangeError);
    expect(() => setPhaseMinutes(doc, RL1, ids[2] as PhaseId, 1.5, ctx)).toThrow(RangeError);
    const phases = readResearchLesson(doc, RL1)?.phases ?? [];
    expect(phases.map((p) => p.minutes)).toEqual([0, 240, 5]);
    expect(totalMinutes(phases)).toBe(245);
    expect(totalMinutes([])).toBe(0);
  });
});

describe('anticipated responses', () => {
  it('adds, reads in order, and removes responses with the teacher answer', () => {
    const { doc, ctx, ids } = planOf(['A']);
    const phase = ids[0] as PhaseId;
    const r1 = addResponse(doc, RL1, phase, ctx);
    const r2 = addResponse(doc, RL1, phase, ctx);
    responseText(doc, RL1, phase, r1, 'response')?.insert(0, '3/4 < 2/3');
    responseText(doc, RL1, phase, r1, 'answer')?.insert(0, 'Teken beide breuken');
    responseText(doc, RL1, phase, r2, 'response')?.insert(0, 'weet niet');
    expect(readResearchLesson(doc, RL1)?.phases[0]?.responses).toEqual([
      { id: r1, response: '3/4 < 2/3', answer: 'Teken beide breuken' },
      { id: r2, response: 'weet niet', answer: '' },
    ]);
    removeResponse(doc, RL1, phase, r1, ctx);
    expect(readResearchLesson(doc, RL1)?.phases[0]?.responses.map((r) => r.id)).toEqual([r2]);
    expect(responseText(doc, RL1, phase, r1, 'answer')).toBeNull();
  });
});
