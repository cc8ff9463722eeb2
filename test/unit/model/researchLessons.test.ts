import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCasePupil } from '../../../src/model/casePupils.ts';
import { readCycle, readResearchLesson } from '../../../src/model/cycleDoc.ts';
import type { Phase, PhaseId, ResearchLesson } from '../../../src/model/cycleTypes.ts';
import {
  addPhase,
  addResponse,
  movePhase,
  phaseText,
  removePhase,
  responseText,
  setPhaseMinutes,
} from '../../../src/model/phases.ts';
import { predictionKey, predictionText } from '../../../src/model/predictions.ts';
import {
  diffResearchLessons,
  prepareNextResearchLesson,
  textChanges,
} from '../../../src/model/researchLessons.ts';
import { newCycle, RL1, RL2, RL3, replica, sync, testCtx } from './cycleTestUtils.ts';

function plannedCycle() {
  const ctx = testCtx();
  const doc = newCycle(ctx);
  const pupil = addCasePupil(doc, { pseudonym: 'Leerling A' }, ctx);
  const ids = ['Lesdoel', 'Instructie', 'Begeleide inoefening'].map((title) =>
    addPhase(doc, RL1, { title }, ctx),
  );
  const [goal, instruction] = ids as [PhaseId, PhaseId, PhaseId];
  phaseText(doc, RL1, instruction, 'teacherActions')?.insert(0, 'Doet voor met stroken');
  const response = addResponse(doc, RL1, instruction, ctx);
  responseText(doc, RL1, instruction, response, 'response')?.insert(0, '1/5 is groter');
  responseText(doc, RL1, instruction, response, 'answer')?.insert(0, 'Vouw de stroken');
  predictionText(doc, RL1, pupil, instruction)?.insert(0, 'kijkt naar de noemer');
  predictionText(doc, RL1, pupil, goal)?.insert(0, 'herhaalt het doel');
  return { ctx, doc, pupil, ids };
}

describe('prepareNextResearchLesson', () => {
  it('copies phases, texts, responses and re-keyed predictions into RL2', () => {
    const { ctx, doc, pupil } = plannedCycle();
    expect(prepareNextResearchLesson(doc, ctx)).toBe(RL2);
    const rl1 = readResearchLesson(doc, RL1) as ResearchLesson;
    const rl2 = readResearchLesson(doc, RL2) as ResearchLesson;
    expect(rl2.number).toBe(2);
    expect(rl2.phases.map((p) => p.copiedFrom)).toEqual(rl1.phases.map((p) => p.id));
    const strip = (p: Phase) => ({ ...p, id: '', copiedFrom: null });
    expect(rl2.phases.map(strip)).toEqual(rl1.phases.map(strip));
    expect(
      new Set(rl2.phases.map((p) => p.id)).isDisjointFrom(new Set(rl1.phases.map((p) => p.id))),
    ).toBe(true);
    for (const [i, phase] of rl2.phases.entries()) {
      const source = rl1.phases[i] as Phase;
      expect(rl2.predictions.get(predictionKey(pupil, phase.id))).toBe(
        rl1.predictions.get(predictionKey(pupil, source.id)),
      );
    }
    expect(rl2.predictions.size).toBe(3);
    // The copy is independent: editing RL2 leaves RL1 alone.
    const copied = rl2.phases[1] as Phase;
    phaseText(doc, RL2, copied.id, 'teacherActions')?.insert(0, 'Eerst: ');
    expect(readResearchLesson(doc, RL1)?.phases[1]?.teacherActions).toBe('Doet voor met stroken');
  });

  it('numbers RL2 then RL3 and stops at three', () => {
    const { ctx, doc } = plannedCycle();
    expect(prepareNextResearchLesson(doc, ctx)).toBe(RL2);
    expect(prepareNextResearchLesson(doc, ctx)).toBe(RL3);
    expect(prepareNextResearchLesson(doc, ctx)).toBeNull();
    expect(readCycle(doc).researchLessons.map((rl) => [rl.id, rl.number])).toEqual([
      [RL1, 1],
      [RL2, 2],
      [RL3, 3],
    ]);
  });

  it('is idempotent when the next research lesson already exists', () => {
    const { ctx, doc } = plannedCycle();
    expect(prepareNextResearchLesson(doc, ctx, RL1)).toBe(RL2);
    const before = readCycle(doc);
    expect(prepareNextResearchLesson(doc, ctx, RL1)).toBeNull();
    expect(readCycle(doc)).toEqual(before);
  });

  it('gives one RL2 when two people prepare it at the same time', () => {
    const { ctx, doc } = plannedCycle();
    const other = replica(doc);
    prepareNextResearchLesson(doc, ctx);
    prepareNextResearchLesson(other, testCtx(7));
    sync(doc, other);
    const a = readCycle(doc);
    expect(a).toEqual(readCycle(other));
    expect(a.researchLessons.map((rl) => rl.id)).toEqual([RL1, RL2]);
    expect(a.researchLessons[1]?.phases).toHaveLength(3);
  });

  it('returns null on a document without research lessons', () => {
    const { ctx } = plannedCycle();
    expect(prepareNextResearchLesson(new Y.Doc(), ctx)).toBeNull();
  });
});

describe('diffResearchLessons', () => {
  it('reports added, removed, changed, moved and unchanged phases with field and prediction changes', () => {
    const { ctx, doc, pupil } = plannedCycle();
    prepareNextResearchLesson(doc, ctx);
    const [goal, instruction, practice] = readResearchLesson(doc, RL2)?.phases ?? [];
    if (goal === undefined || instruction === undefined || practice === undefined)
      throw new Error();
    // RL2: practice moves before instruction, instruction changes, goal is removed, a new phase is added.
    movePhase(doc, RL2, practice.id, 0, ctx);
    phaseText(doc, RL2, instruction.id, 'teacherActions')?.insert(0, 'Eerst zelf laten proberen. ');
    setPhaseMinutes(doc, RL2, instruction.id, 12, ctx);
    const response = instruction.responses[0]?.id;
    if (response !== undefined)
      responseText(doc, RL2, instruction.id, response, 'answer')?.insert(0, 'Leg naast elkaar. ');
    predictionText(doc, RL2, pupil, instruction.id)?.insert(0, 'Eerst ');
    removePhase(doc, RL2, goal.id, ctx);
    const added = addPhase(doc, RL2, { title: 'Afsluiting', minutes: 3 }, ctx);

    const cycle = readCycle(doc);
    const [rl1, rl2] = cycle.researchLessons as [ResearchLesson, ResearchLesson];
    const diff = diffResearchLessons(rl1, rl2, cycle.casePupils);
    expect(diff.totalMinutes).toEqual({ before: 15, after: 20 });
    expect(diff.phases.map((p) => [p.kind, (p.after ?? p.before)?.title, p.moved])).toEqual([
      ['removed', 'Lesdoel', false],
      ['unchanged', 'Begeleide inoefening', true],
      ['changed', 'Instructie', false],
      ['added', 'Afsluiting', false],
    ]);
    const changed = diff.phases[2];
    expect(changed?.fields).toEqual([
      {
        field: 'teacherActions',
        before: 'Doet voor met stroken',
        after: 'Eerst zelf laten proberen. Doet voor met stroken',
      },
      { field: 'minutes', before: '5', after: '12' },
      {
        field: 'responses',
        before: '1/5 is groter → Vouw de stroken',
        after: '1/5 is groter → Leg naast elkaar. Vouw de stroken',
      },
    ]);
    expect(changed?.predictions).toEqual([
      {
        pupilId: pupil,
        pseudonym: 'Leerling A',
        before: 'kijkt naar de noemer',
        after: 'Eerst kijkt naar de noemer',
      },
    ]);
    expect(diff.phases[0]?.predictions).toEqual([
      { pupilId: pupil, pseudonym: 'Leerling A', before: 'herhaalt het doel', after: '' },
    ]);
    expect(diff.phases[3]?.after?.id).toBe(added);
  });

  it('finds nothing between a research lesson and its fresh copy', () => {
    const { ctx, doc } = plannedCycle();
    prepareNextResearchLesson(doc, ctx);
    const cycle = readCycle(doc);
    const [rl1, rl2] = cycle.researchLessons as [ResearchLesson, ResearchLesson];
    const diff = diffResearchLessons(rl1, rl2, cycle.casePupils);
    expect(
      diff.phases.map((p) => [p.kind, p.moved, p.fields.length, p.predictions.length]),
    ).toEqual([
      ['unchanged', false, 0, 0],
      ['unchanged', false, 0, 0],
      ['unchanged', false, 0, 0],
    ]);
  });

  it('flags only the phase that moved, not the ones it jumped over', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    for (const title of ['A', 'B', 'C', 'D', 'E']) addPhase(doc, RL1, { title }, ctx);
    prepareNextResearchLesson(doc, ctx);
    const e = readResearchLesson(doc, RL2)?.phases[4] as Phase;
    movePhase(doc, RL2, e.id, 0, ctx);
    const cycle = readCycle(doc);
    const [rl1, rl2] = cycle.researchLessons as [ResearchLesson, ResearchLesson];
    expect(
      diffResearchLessons(rl1, rl2, []).phases.map((p) => `${p.after?.title}${p.moved ? '*' : ''}`),
    ).toEqual(['E*', 'A', 'B', 'C', 'D']);
  });
});

describe('textChanges', () => {
  const join = (changes: ReturnType<typeof textChanges>, skip: 'added' | 'removed') =>
    changes
      .filter((c) => c.kind !== skip)
      .map((c) => c.text)
      .join('');

  it('marks added and removed words, reassembling both texts', () => {
    const before = 'De leerlingen vergelijken twee breuken';
    const after = 'De leerlingen vergelijken drie stambreuken';
    const changes = textChanges(before, after);
    expect(changes).toEqual([
      { kind: 'same', text: 'De leerlingen vergelijken ' },
      { kind: 'removed', text: 'twee breuken' },
      { kind: 'added', text: 'drie stambreuken' },
    ]);
    expect(join(changes, 'added')).toBe(before);
    expect(join(changes, 'removed')).toBe(after);
  });

  it('handles equal, empty and very long texts', () => {
    expect(textChanges('zelfde', 'zelfde')).toEqual([{ kind: 'same', text: 'zelfde' }]);
    expect(textChanges('', '')).toEqual([]);
    expect(textChanges('', 'nieuw')).toEqual([{ kind: 'added', text: 'nieuw' }]);
    expect(textChanges('weg', '')).toEqual([{ kind: 'removed', text: 'weg' }]);
    const long = 'woord '.repeat(1000);
    const changes = textChanges(long, `${long}extra`);
    expect(join(changes, 'added')).toBe(long);
    expect(join(changes, 'removed')).toBe(`${long}extra`);
  });
});
