import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleCycleNl } from '../../../src/i18n/exampleCycle.nl.ts';
import { cycleTextPlain, readCycle } from '../../../src/model/cycleDoc.ts';
import { CYCLE_TEXT_FIELDS } from '../../../src/model/cycleTypes.ts';
import { isCycleEmpty, loadExampleCycle } from '../../../src/model/exampleCycle.ts';
import { addPhase } from '../../../src/model/phases.ts';
import { predictionGrid } from '../../../src/model/predictions.ts';
import { createCycleUndoManager } from '../../../src/model/undo.ts';
import { newCycle, RL1, replica, testCtx } from './cycleTestUtils.ts';

describe('loadExampleCycle', () => {
  it('fills an empty doc with texts, EDI phases, three case pupils and predictions', () => {
    const ctx = testCtx();
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => {
      if (tr.changed.size > 0) origins.push(tr.origin);
    });
    expect(loadExampleCycle(doc, exampleCycleNl, ctx)).toBe(true);
    expect(origins).toEqual([ctx.origin]);

    const cycle = readCycle(replica(doc));
    expect(cycle.skipped).toBe(0);
    expect(cycle.meta).toMatchObject({
      title: exampleCycleNl.title,
      subject: exampleCycleNl.subject,
      yearGroup: exampleCycleNl.yearGroup,
      lessonMinutes: exampleCycleNl.lessonMinutes,
    });
    expect(cycle.meta.baselines.map(({ label, value, unit }) => ({ label, value, unit }))).toEqual([
      exampleCycleNl.baseline,
    ]);
    for (const field of CYCLE_TEXT_FIELDS)
      expect(cycleTextPlain(doc, field)).toBe(exampleCycleNl.texts[field].join('\n'));
    const rl = cycle.researchLessons[0];
    if (rl === undefined) throw new Error('no RL1');
    expect(rl.phases.map((p) => [p.title, p.minutes, p.teacherActions])).toEqual(
      exampleCycleNl.phases.map((p) => [p.title, p.minutes, p.teacherActions]),
    );
    expect(cycle.casePupils.map((p) => [p.pseudonym, p.profile])).toEqual(
      exampleCycleNl.casePupils.map((p) => [p.pseudonym, p.profile]),
    );
    expect(cycle.casePupils.length).toBe(3);
    expect(predictionGrid(rl, cycle.casePupils).map((row) => row.cells.map((c) => c.text))).toEqual(
      exampleCycleNl.casePupils.map((p) => p.predictions),
    );
    const responses = rl.phases.flatMap((p) => p.responses);
    expect(responses.map((r) => [r.response, r.answer])).toEqual([
      [exampleCycleNl.response.response, exampleCycleNl.response.answer],
    ]);
  });

  it('fills an initialized but empty cycle and is undone in one step', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    expect(isCycleEmpty(doc)).toBe(true);
    const undo = createCycleUndoManager(doc, ctx.origin);
    expect(loadExampleCycle(doc, exampleCycleNl, ctx)).toBe(true);
    expect(isCycleEmpty(doc)).toBe(false);
    undo.undo();
    expect(isCycleEmpty(doc)).toBe(true);
    expect(readCycle(doc).meta.title).toBe('Breuken vergelijken');
  });

  it('leaves a cycle with content alone', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    addPhase(doc, RL1, { title: 'eigen' }, ctx);
    expect(loadExampleCycle(doc, exampleCycleNl, ctx)).toBe(false);
    expect(readCycle(doc).researchLessons[0]?.phases.map((p) => p.title)).toEqual(['eigen']);
  });
});
