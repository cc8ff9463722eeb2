import { describe, expect, it } from 'vitest';
import {
  addCasePupil,
  casePupilText,
  moveCasePupil,
  removeCasePupil,
} from '../../../src/model/casePupils.ts';
import { readCycle } from '../../../src/model/cycleDoc.ts';
import type { CasePupilId } from '../../../src/model/cycleTypes.ts';
import { newMemberId } from '../../../src/model/ids.ts';
import { addPhase } from '../../../src/model/phases.ts';
import { predictionKey } from '../../../src/model/predictions.ts';
import { prepareNextResearchLesson } from '../../../src/model/researchLessons.ts';
import { planRun, setObserver } from '../../../src/model/runs.ts';
import { newCycle, RL1, testCtx } from './cycleTestUtils.ts';

describe('case pupils', () => {
  it('adds up to six pupils in order and refuses a seventh', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F'])
      addCasePupil(
        doc,
        { pseudonym: `Leerling ${name}`, profile: name === 'A' ? 'sterk' : undefined },
        ctx,
      );
    expect(() => addCasePupil(doc, { pseudonym: 'Leerling G' }, ctx)).toThrow(RangeError);
    const pupils = readCycle(doc).casePupils;
    expect(pupils.map((p) => p.pseudonym)).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => `Leerling ${n}`),
    );
    expect(pupils[0]?.profile).toBe('sterk');
    expect(() => addCasePupil(newCycle(ctx), { pseudonym: '  ' }, ctx)).toThrow(RangeError);
  });

  it('moves a pupil and exposes the shared texts', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const ids = ['A', 'B', 'C'].map((n) => addCasePupil(doc, { pseudonym: n }, ctx));
    moveCasePupil(doc, ids[2] as CasePupilId, 0, ctx);
    expect(readCycle(doc).casePupils.map((p) => p.pseudonym)).toEqual(['C', 'A', 'B']);
    casePupilText(doc, ids[0] as CasePupilId, 'profile')?.insert(0, 'twijfelt snel');
    expect(readCycle(doc).casePupils[1]?.profile).toBe('twijfelt snel');
    expect(casePupilText(doc, 'missing' as CasePupilId, 'profile')).toBeNull();
  });

  it('creates prediction cells for every phase of every research lesson', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const p1 = addPhase(doc, RL1, { title: '1' }, ctx);
    const p2 = addPhase(doc, RL1, { title: '2' }, ctx);
    const rl2 = prepareNextResearchLesson(doc, ctx);
    const pupil = addCasePupil(doc, { pseudonym: 'A' }, ctx);
    const cycle = readCycle(doc);
    expect([...(cycle.researchLessons[0]?.predictions.keys() ?? [])].sort()).toEqual(
      [predictionKey(pupil, p1), predictionKey(pupil, p2)].sort(),
    );
    expect(rl2).toBe('rl2');
    expect(cycle.researchLessons[1]?.predictions.size).toBe(2);
  });

  it('removes a pupil with its prediction cells and observer assignments', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    addPhase(doc, RL1, {}, ctx);
    const a = addCasePupil(doc, { pseudonym: 'A' }, ctx);
    const b = addCasePupil(doc, { pseudonym: 'B' }, ctx);
    prepareNextResearchLesson(doc, ctx);
    const run = planRun(doc, { researchLessonId: RL1 }, ctx);
    const observer = newMemberId();
    setObserver(doc, run, observer, [a, b], ctx);
    removeCasePupil(doc, a, ctx);
    const cycle = readCycle(doc);
    expect(cycle.casePupils.map((p) => p.id)).toEqual([b]);
    for (const rl of cycle.researchLessons) {
      expect([...rl.predictions.keys()].every((key) => key.startsWith(`${b}:`))).toBe(true);
      expect(rl.predictions.size).toBe(1);
    }
    expect(cycle.runs[0]?.observers).toEqual([{ memberId: observer, casePupilIds: [b] }]);
    addCasePupil(doc, { pseudonym: 'C' }, ctx);
    expect(readCycle(doc).casePupils).toHaveLength(2);
  });
});
