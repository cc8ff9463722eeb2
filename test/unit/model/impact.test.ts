import { describe, expect, it } from 'vitest';
import { addBaseline, readCycle, updateBaseline } from '../../../src/model/cycleDoc.ts';
import { appendDebriefEntry } from '../../../src/model/debrief.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import {
  baselineChanges,
  impactText,
  impactTextName,
  nextResearchQuestion,
  openQuestions,
} from '../../../src/model/impact.ts';
import { planRun } from '../../../src/model/runs.ts';
import { newCycle, RL1, testCtx } from './cycleTestUtils.ts';

const ANS = 'ans0000000000000' as MemberId;

function finding(id: string, text: string, openQuestion: boolean) {
  return {
    kind: 'finding' as const,
    findingId: id,
    text,
    evidence: [],
    changes: [],
    check: null,
    openQuestion,
  };
}

describe('the impact note', () => {
  it('has a shared text per level', () => {
    const doc = newCycle();
    impactText(doc, 'learning').insert(0, 'Voorspellen scherpt het kijken');
    expect(doc.getText(impactTextName('learning')).toString()).toBe(
      'Voorspellen scherpt het kijken',
    );
    expect(impactText(doc, 'pupils').toString()).toBe('');
  });

  it('collects the open questions of every debrief, by run date, for the next research question', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    expect(openQuestions(doc, readCycle(doc))).toEqual([]);
    const later = planRun(doc, { researchLessonId: RL1, date: '2026-10-08' }, ctx);
    const earlier = planRun(doc, { researchLessonId: RL1, date: '2026-10-01' }, ctx);
    appendDebriefEntry(
      doc,
      later,
      ANS,
      finding('fnd0000000000001', 'Hoe helpt de strook bij meten?', true),
      ctx,
    );
    appendDebriefEntry(doc, later, ANS, finding('fnd0000000000002', 'Geen vraag', false), ctx);
    appendDebriefEntry(
      doc,
      earlier,
      ANS,
      finding('fnd0000000000003', '  Werkt dit ook in groep 5? ', true),
      ctx,
    );
    const questions = openQuestions(doc, readCycle(doc));
    expect(questions.map((q) => q.run.id)).toEqual([earlier, later]);
    expect(nextResearchQuestion(questions)).toBe(
      'Werkt dit ook in groep 5?\nHoe helpt de strook bij meten?',
    );
  });

  it('sets each starting measurement beside its new one', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const a = addBaseline(doc, { label: 'Toets breuken', value: 54, unit: '%' }, ctx);
    const b = addBaseline(doc, { label: 'Observatie', value: null, unit: '' }, ctx);
    expect(baselineChanges(readCycle(doc)).map((row) => row.change)).toEqual([null, null]);
    updateBaseline(doc, a, { after: 71.5 }, ctx);
    updateBaseline(doc, b, { after: 3 }, ctx);
    expect(baselineChanges(readCycle(doc))).toEqual([
      { id: a, label: 'Toets breuken', unit: '%', before: 54, after: 71.5, change: 17.5 },
      { id: b, label: 'Observatie', unit: '', before: null, after: 3, change: null },
    ]);
  });
});
