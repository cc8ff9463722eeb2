import { describe, expect, it } from 'vitest';
import { addCasePupil, removeCasePupil } from '../../../src/model/casePupils.ts';
import { readCycle, readResearchLesson } from '../../../src/model/cycleDoc.ts';
import { addPhase, removePhase } from '../../../src/model/phases.ts';
import {
  ensurePredictionCells,
  predictionGrid,
  predictionKey,
  predictionText,
} from '../../../src/model/predictions.ts';
import { newCycle, RL1, RL2, replica, sync, testCtx } from './cycleTestUtils.ts';

describe('prediction grid', () => {
  it('creates cells eagerly when a phase is added for every current pupil', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const a = addCasePupil(doc, { pseudonym: 'A' }, ctx);
    const b = addCasePupil(doc, { pseudonym: 'B' }, ctx);
    const phase = addPhase(doc, RL1, { title: 'Instructie' }, ctx);
    expect(predictionText(doc, RL1, a, phase)?.toString()).toBe('');
    expect(predictionText(doc, RL1, b, phase)).not.toBeNull();
    expect(ensurePredictionCells(doc, RL1, ctx)).toBe(0);
    removePhase(doc, RL1, phase, ctx);
    expect(readResearchLesson(doc, RL1)?.predictions.size).toBe(0);
  });

  it('renders pupils × phases in order, missing cells as empty', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const a = addCasePupil(doc, { pseudonym: 'A' }, ctx);
    const p1 = addPhase(doc, RL1, { title: '1' }, ctx);
    const p2 = addPhase(doc, RL1, { title: '2', after: null }, ctx);
    predictionText(doc, RL1, a, p1)?.insert(0, 'haakt af');
    const cycle = readCycle(doc);
    const rl = cycle.researchLessons[0];
    if (rl === undefined) throw new Error('no RL1');
    const grid = predictionGrid(rl, cycle.casePupils);
    expect(grid.map((row) => [row.pupil.id, row.cells.map((c) => [c.phase.id, c.text])])).toEqual([
      [
        a,
        [
          [p2, ''],
          [p1, 'haakt af'],
        ],
      ],
    ]);
    const sparse = { ...rl, predictions: new Map([[predictionKey(a, p2), 'x']]) };
    expect(predictionGrid(sparse, cycle.casePupils)[0]?.cells.map((c) => c.text)).toEqual([
      'x',
      '',
    ]);
  });

  it('repairs the cell a concurrent phase add and pupil add on two docs both missed', () => {
    const ctx1 = testCtx(1);
    const ctx2 = testCtx(2);
    const one = newCycle(ctx1);
    addCasePupil(one, { pseudonym: 'A' }, ctx1);
    addPhase(one, RL1, { title: 'bestaand' }, ctx1);
    const two = replica(one);
    const phase = addPhase(one, RL1, { title: 'nieuw' }, ctx1);
    const pupil = addCasePupil(two, { pseudonym: 'B' }, ctx2);
    sync(one, two);
    expect(predictionText(one, RL1, pupil, phase)).toBeNull();
    expect(readResearchLesson(one, RL1)?.predictions.size).toBe(3);
    expect(ensurePredictionCells(one, RL1, ctx1)).toBe(1);
    expect(ensurePredictionCells(one, RL1, ctx1)).toBe(0);
    expect(ensurePredictionCells(one, RL2, ctx1)).toBe(0);
    predictionText(one, RL1, pupil, phase)?.insert(0, 'vraagt hulp');
    sync(one, two);
    expect(predictionText(two, RL1, pupil, phase)?.toString()).toBe('vraagt hulp');
    removeCasePupil(two, pupil, ctx2);
    expect(readResearchLesson(two, RL1)?.predictions.size).toBe(2);
  });
});
