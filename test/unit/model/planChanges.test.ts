import { describe, expect, it } from 'vitest';
import { addCasePupil } from '../../../src/model/casePupils.ts';
import { readResearchLesson } from '../../../src/model/cycleDoc.ts';
import type { CasePupilId, PhaseId } from '../../../src/model/cycleTypes.ts';
import type { PlannedChange } from '../../../src/model/debrief.ts';
import { addPhase, phaseText } from '../../../src/model/phases.ts';
import { appliedChangesOf, applyPlannedChange } from '../../../src/model/planChanges.ts';
import { predictionText } from '../../../src/model/predictions.ts';
import { prepareNextResearchLesson } from '../../../src/model/researchLessons.ts';
import { createCycleUndoManager } from '../../../src/model/undo.ts';
import { newCycle, RL1, RL2, replica, sync, testCtx } from './cycleTestUtils.ts';

/** RL1 with one phase and a case pupil, RL2 copied from it; returns RL2's copy of the phase. */
function prepared() {
  const ctx = testCtx();
  const doc = newCycle(ctx);
  const rl1Phase = addPhase(doc, RL1, { title: 'Instructie' }, ctx);
  const pupil = addCasePupil(doc, { pseudonym: 'Leerling A' }, ctx);
  prepareNextResearchLesson(doc, ctx);
  const phase = readResearchLesson(doc, RL2)?.phases.find((p) => p.copiedFrom === rl1Phase);
  if (!phase) throw new Error('RL2 did not copy the phase');
  return { doc, ctx, phase: phase.id, pupil };
}

const change = (over: Partial<PlannedChange>): PlannedChange => ({
  id: 'chg0000000000001',
  target: 'phase',
  phaseId: 'p' as PhaseId,
  text: 'Strook eerder uitdelen',
  ...over,
});

describe('applyPlannedChange', () => {
  it('appends a phase change to the teacher actions as a line of its own', () => {
    const { doc, ctx, phase } = prepared();
    phaseText(doc, RL2, phase, 'teacherActions')?.insert(0, 'Uitleg op het bord');
    expect(applyPlannedChange(doc, RL2, phase, change({}), ctx)).toBe(true);
    expect(phaseText(doc, RL2, phase, 'teacherActions')?.toString()).toBe(
      'Uitleg op het bord\nStrook eerder uitdelen',
    );
    expect([...appliedChangesOf(doc, RL2)]).toEqual(['chg0000000000001']);
    expect(appliedChangesOf(doc, RL1).size).toBe(0);
  });

  it('puts an observer-focus change in the observer focus, and an empty field gets no blank line', () => {
    const { doc, ctx, phase } = prepared();
    applyPlannedChange(
      doc,
      RL2,
      phase,
      change({ target: 'observerFocus', text: ' Let op de strook ' }),
      ctx,
    );
    expect(phaseText(doc, RL2, phase, 'observerFocus')?.toString()).toBe('Let op de strook');
  });

  it("adds a case pupil's prediction to that pupil's cell in the phase", () => {
    const { doc, ctx, phase, pupil } = prepared();
    const written = applyPlannedChange(
      doc,
      RL2,
      phase,
      change({ target: 'prediction', pupilId: pupil, text: 'Begint zelfstandig' }),
      ctx,
    );
    expect(written).toBe(true);
    expect(predictionText(doc, RL2, pupil, phase)?.toString()).toBe('Begint zelfstandig');
  });

  it('turns a prediction for the class into an anticipated response', () => {
    const { doc, ctx, phase } = prepared();
    applyPlannedChange(
      doc,
      RL2,
      phase,
      change({ target: 'prediction', text: 'Vragen naar de strook' }),
      ctx,
    );
    const rl = readResearchLesson(doc, RL2);
    const responses = rl?.phases.find((p) => p.id === phase)?.responses ?? [];
    expect(responses.map((r) => r.response)).toEqual(['Vragen naar de strook']);
  });

  it('takes a change once, and refuses an empty change, a missing phase or an unknown pupil', () => {
    const { doc, ctx, phase } = prepared();
    expect(applyPlannedChange(doc, RL2, phase, change({}), ctx)).toBe(true);
    expect(applyPlannedChange(doc, RL2, phase, change({}), ctx)).toBe(false);
    expect(phaseText(doc, RL2, phase, 'teacherActions')?.toString()).toBe('Strook eerder uitdelen');
    expect(applyPlannedChange(doc, RL2, phase, change({ id: 'c2', text: '  ' }), ctx)).toBe(false);
    expect(applyPlannedChange(doc, RL2, 'gone' as PhaseId, change({ id: 'c3' }), ctx)).toBe(false);
    const stranger = change({ id: 'c4', target: 'prediction', pupilId: 'x' as CasePupilId });
    expect(applyPlannedChange(doc, RL2, phase, stranger, ctx)).toBe(false);
    expect([...appliedChangesOf(doc, RL2)]).toEqual(['chg0000000000001']);
  });

  it('undoes as one step: the words and the record that they were taken', () => {
    const { doc, ctx, phase } = prepared();
    const undo = createCycleUndoManager(doc, ctx.origin);
    applyPlannedChange(doc, RL2, phase, change({}), ctx);
    undo.undo();
    expect(phaseText(doc, RL2, phase, 'teacherActions')?.toString()).toBe('');
    expect(appliedChangesOf(doc, RL2).size).toBe(0);
  });

  it('merges two colleagues taking different changes offline without losing either', () => {
    const { doc, ctx, phase } = prepared();
    const other = replica(doc);
    applyPlannedChange(doc, RL2, phase, change({ id: 'a1', text: 'Eerst' }), ctx);
    applyPlannedChange(
      other,
      RL2,
      phase,
      change({ id: 'b1', target: 'observerFocus', text: 'Kijk' }),
      testCtx(2),
    );
    sync(doc, other);
    for (const each of [doc, other]) {
      expect([...appliedChangesOf(each, RL2)].sort()).toEqual(['a1', 'b1']);
      expect(phaseText(each, RL2, phase, 'teacherActions')?.toString()).toBe('Eerst');
      expect(phaseText(each, RL2, phase, 'observerFocus')?.toString()).toBe('Kijk');
    }
  });
});
