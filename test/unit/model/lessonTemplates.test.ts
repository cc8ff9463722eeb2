import { describe, expect, it } from 'vitest';
import { addCasePupil } from '../../../src/model/casePupils.ts';
import { readResearchLesson } from '../../../src/model/cycleDoc.ts';
import { applyTemplate, LESSON_TEMPLATES } from '../../../src/model/lessonTemplates.ts';
import { addPhase, totalMinutes } from '../../../src/model/phases.ts';
import { newCycle, RL1, RL2, testCtx } from './cycleTestUtils.ts';

describe('lesson templates', () => {
  it('appends the EDI phases with localized titles and 50 minutes in all', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    addCasePupil(doc, { pseudonym: 'A' }, ctx);
    addPhase(doc, RL1, { title: 'eigen fase' }, ctx);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    const ids = applyTemplate(
      doc,
      RL1,
      'edi',
      { lessonGoal: 'Lesdoel', instruction: 'Instructie' },
      ctx,
    );
    expect(origins).toEqual([ctx.origin]);
    const rl = readResearchLesson(doc, RL1);
    expect(rl?.phases.map((p) => p.title)).toEqual([
      'eigen fase',
      'Lesdoel',
      'activation',
      'Instructie',
      'guidedPractice',
      'closing',
      'independentPractice',
    ]);
    expect(rl?.phases.slice(1).map((p) => p.id)).toEqual(ids);
    expect(totalMinutes(LESSON_TEMPLATES.edi)).toBe(50);
    expect(totalMinutes(rl?.phases ?? [])).toBe(55);
    expect(rl?.predictions.size).toBe(7);
  });

  it('adds nothing for the blank template and refuses a missing research lesson', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    expect(applyTemplate(doc, RL1, 'blank', {}, ctx)).toEqual([]);
    expect(readResearchLesson(doc, RL1)?.phases).toEqual([]);
    expect(() => applyTemplate(doc, RL2, 'edi', {}, ctx)).toThrow(RangeError);
  });
});
