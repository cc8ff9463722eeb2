import { describe, expect, it } from 'vitest';
import { addCasePupil } from '../../../src/model/casePupils.ts';
import { readCycle } from '../../../src/model/cycleDoc.ts';
import type { CasePupilId, RunId } from '../../../src/model/cycleTypes.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { newMemberId } from '../../../src/model/ids.ts';
import {
  addInterviewQuestion,
  interviewQuestionText,
  planRun,
  removeInterviewQuestion,
  removeObserver,
  removeRun,
  setObserver,
  updateRun,
} from '../../../src/model/runs.ts';
import { newCycle, RL1, RL2, testCtx } from './cycleTestUtils.ts';

describe('runs', () => {
  it('plans a run, updates it and lists runs by date (undated last)', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const teacher = newMemberId();
    const later = planRun(doc, { researchLessonId: RL1, date: '2026-10-01', className: '6B' }, ctx);
    const undated = planRun(doc, { researchLessonId: RL1 }, ctx);
    const first = planRun(
      doc,
      { researchLessonId: RL1, date: '2026-09-15', teacherId: teacher },
      ctx,
    );
    expect(readCycle(doc).runs.map((r) => r.id)).toEqual([first, later, undated]);
    updateRun(doc, undated, { date: '2026-09-01', className: '6A', teacherId: teacher }, ctx);
    expect(readCycle(doc).runs[0]).toMatchObject({
      id: undated,
      researchLessonId: RL1,
      date: '2026-09-01',
      className: '6A',
      teacherId: teacher,
      observers: [],
      interviewQuestions: [],
    });
    removeRun(doc, later, ctx);
    expect(readCycle(doc).runs.map((r) => r.id)).toEqual([undated, first]);
  });

  it('validates dates, members and the research lesson', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    expect(() => planRun(doc, { researchLessonId: RL2 }, ctx)).toThrow(RangeError);
    expect(() => planRun(doc, { researchLessonId: RL1, date: '1-9-2026' }, ctx)).toThrow(
      RangeError,
    );
    expect(() =>
      planRun(doc, { researchLessonId: RL1, teacherId: 'bob' as MemberId }, ctx),
    ).toThrow(RangeError);
    const run = planRun(doc, { researchLessonId: RL1 }, ctx);
    expect(() => updateRun(doc, run, { researchLessonId: RL2 }, ctx)).toThrow(RangeError);
    expect(() => setObserver(doc, 'missing' as RunId, newMemberId(), [], ctx)).toThrow(RangeError);
  });

  it('assigns observers to case pupils, dropping unknown and duplicate pupils', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const a = addCasePupil(doc, { pseudonym: 'A' }, ctx);
    const run = planRun(doc, { researchLessonId: RL1 }, ctx);
    const observer = newMemberId();
    setObserver(doc, run, observer, [a, a, 'ghost' as CasePupilId], ctx);
    expect(readCycle(doc).runs[0]?.observers).toEqual([{ memberId: observer, casePupilIds: [a] }]);
    removeObserver(doc, run, observer, ctx);
    expect(readCycle(doc).runs[0]?.observers).toEqual([]);
  });

  it('keeps interview questions in order as shared texts', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const run = planRun(doc, { researchLessonId: RL1 }, ctx);
    const q1 = addInterviewQuestion(doc, run, 'Wat vond je lastig?', ctx);
    const q2 = addInterviewQuestion(doc, run, '', ctx);
    interviewQuestionText(doc, run, q2)?.insert(0, 'Hoe wist je dat?');
    expect(readCycle(doc).runs[0]?.interviewQuestions).toEqual([
      { id: q1, text: 'Wat vond je lastig?' },
      { id: q2, text: 'Hoe wist je dat?' },
    ]);
    removeInterviewQuestion(doc, run, q1, ctx);
    expect(readCycle(doc).runs[0]?.interviewQuestions.map((q) => q.id)).toEqual([q2]);
    expect(interviewQuestionText(doc, run, q1)).toBeNull();
  });
});
