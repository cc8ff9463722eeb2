import { describe, expect, it } from 'vitest';
import { addCasePupil } from '../../../src/model/casePupils.ts';
import { readCycle } from '../../../src/model/cycleDoc.ts';
import type { RunId } from '../../../src/model/cycleTypes.ts';
import { appendDebriefEntry } from '../../../src/model/debrief.ts';
import { appendEvent, startObservation } from '../../../src/model/eventLog.ts';
import {
  changesForLesson,
  checksForRun,
  compareLessons,
  findingsOfLesson,
  previousLesson,
  sameItemIn,
} from '../../../src/model/findingChecks.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { addPhase } from '../../../src/model/phases.ts';
import { prepareNextResearchLesson } from '../../../src/model/researchLessons.ts';
import { planRun } from '../../../src/model/runs.ts';
import { newCycle, RL1, RL2, testCtx } from './cycleTestUtils.ts';

const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;

/** RL1 with two phases, a run of it with a debrief finding, RL2 copied from RL1 and its run. */
function twoLessons() {
  const ctx = testCtx();
  const doc = newCycle(ctx);
  const p1 = addPhase(doc, RL1, { title: 'Instructie' }, ctx);
  const p2 = addPhase(doc, RL1, { title: 'Inoefenen' }, ctx);
  const pupil = addCasePupil(doc, { pseudonym: 'Leerling A' }, ctx);
  const run1 = planRun(doc, { researchLessonId: RL1, date: '2026-10-01' }, ctx);
  const tap = (runId: RunId, observer: MemberId, count: number) => {
    startObservation(doc, runId, observer, { phaseId: p1 }, ctx);
    for (let i = 0; i < count; i++)
      appendEvent(
        doc,
        runId,
        observer,
        { kind: 'tally', t: i, phaseId: p1, itemId: 'hulp', pupilId: pupil },
        ctx,
      );
  };
  tap(run1, ANS, 4);
  tap(run1, BRAM, 2);
  appendDebriefEntry(
    doc,
    run1,
    ANS,
    {
      kind: 'finding',
      findingId: 'fnd0000000000001',
      text: 'Leerling A vraagt veel hulp',
      evidence: [],
      changes: [
        { id: 'chg0000000000001', target: 'phase', phaseId: p1, text: 'Strook eerder uitdelen' },
        {
          id: 'chg0000000000002',
          target: 'observerFocus',
          phaseId: null,
          text: 'Let op de strook',
        },
      ],
      check: { itemId: 'hulp', pupilId: pupil },
      openQuestion: false,
    },
    ctx,
  );
  appendDebriefEntry(
    doc,
    run1,
    ANS,
    {
      kind: 'finding',
      findingId: 'fnd0000000000002',
      text: 'Zonder meting',
      evidence: [],
      changes: [],
      check: null,
      openQuestion: true,
    },
    ctx,
  );
  prepareNextResearchLesson(doc, ctx);
  const run2 = planRun(doc, { researchLessonId: RL2, date: '2026-10-08' }, ctx);
  return { ctx, doc, p1, p2, pupil, run1, run2, tap };
}

describe('the same item in a later kijkwijzer', () => {
  const item = (id: string, label: string, kind: 'tally' | 'rating' = 'tally') =>
    ({ id, kind, scope: 'casePupil', label }) as const;
  it('is the same id, else the item of the same kind and label', () => {
    const later = new Map([
      ['x1', item('x1', 'Vraagt om hulp')],
      ['x2', item('x2', 'Begrip', 'rating')],
    ]);
    expect(sameItemIn(later, item('x2', 'Begrip', 'rating'), 'x2')).toBe('x2');
    expect(sameItemIn(later, item('old', ' vraagt om HULP '), 'old')).toBe('x1');
    expect(sameItemIn(later, item('old', 'Begrip'), 'old')).toBe('old'); // a tally is not a rating
    expect(sameItemIn(later, undefined, 'gone')).toBe('gone');
  });
});

describe('findings across research lessons', () => {
  it('has no previous lesson for RL1, and RL1 for RL2', () => {
    const { doc } = twoLessons();
    const cycle = readCycle(doc);
    expect(previousLesson(cycle, RL1)).toBeNull();
    expect(previousLesson(cycle, RL2)?.number).toBe(1);
  });

  it('places the changes of RL1 findings at the RL2 phase copied from their phase', () => {
    const { doc, p1 } = twoLessons();
    const cycle = readCycle(doc);
    const earlier = findingsOfLesson(doc, cycle, RL1);
    expect(earlier.map((each) => each.findings.map((f) => f.text))).toEqual([
      ['Leerling A vraagt veel hulp', 'Zonder meting'],
    ]);
    const rl2 = cycle.researchLessons.find((rl) => rl.id === RL2);
    if (!rl2) throw new Error('no RL2');
    const copy = rl2.phases.find((phase) => phase.copiedFrom === p1);
    const changes = changesForLesson(rl2, earlier);
    expect(changes.byPhase.get(copy?.id ?? ('' as never))?.map((c) => c.change.text)).toEqual([
      'Strook eerder uitdelen',
    ]);
    expect(changes.general.map((c) => c.change.text)).toEqual(['Let op de strook']);
    expect(findingsOfLesson(doc, cycle, RL2)).toEqual([]);
  });

  it('checks each measured RL1 finding in the RL2 run, per observer', () => {
    const { doc, run1, run2, tap } = twoLessons();
    expect(checksForRun(doc, readCycle(doc), run1)).toEqual([]); // RL1 has nothing before it
    expect(checksForRun(doc, readCycle(doc), run2).map((c) => c.direction)).toEqual(['no-data']);
    tap(run2, ANS, 1);
    const [check] = checksForRun(doc, readCycle(doc), run2);
    expect(check?.finding.text).toBe('Leerling A vraagt veel hulp');
    expect(check?.before.value).toBe(3); // 6 tallies by 2 observers
    expect(check?.after.value).toBe(1);
    expect(check?.direction).toBe('down');
    expect(check?.earlierRun.id).toBe(run1);
  });
});

describe('research lessons side by side', () => {
  it('measures the same items per lesson, matched by kind and label across runs', () => {
    const { doc, run1, run2, tap } = twoLessons();
    const template = (runId: RunId, itemId: string) =>
      doc.getMap('runTemplates').set(runId, {
        id: 'tpl0000000000001',
        version: 1,
        name: 'Kijkwijzer',
        sections: [
          {
            id: 's1',
            title: 'Leerling',
            items: [{ id: itemId, kind: 'tally', scope: 'casePupil', label: 'Vraagt om hulp' }],
          },
        ],
      });
    template(run1, 'hulp');
    template(run2, 'hulp2'); // a fresh copy of the same kijkwijzer: another id
    const comparison0 = compareLessons(doc, readCycle(doc));
    expect(comparison0.lessons.map((l) => l.runs)).toEqual([1, 0]);
    const startObserved = (runId: RunId) => {
      startObservation(doc, runId, ANS, { phaseId: null }, testCtx(5));
      appendEvent(
        doc,
        runId,
        ANS,
        { kind: 'tally', t: 1, phaseId: null, itemId: 'hulp2' },
        testCtx(6),
      );
    };
    startObserved(run2);
    void tap;
    const comparison = compareLessons(doc, readCycle(doc));
    expect(comparison.items).toEqual([
      { key: 'tally|vraagt om hulp', kind: 'tally', label: 'Vraagt om hulp' },
    ]);
    expect(comparison.lessons.map((l) => l.measures.get('tally|vraagt om hulp')?.value)).toEqual([
      3, 1,
    ]);
  });
});
