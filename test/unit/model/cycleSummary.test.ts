import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCasePupil } from '../../../src/model/casePupils.ts';
import { addBaseline, readCycle, updateCycleMeta } from '../../../src/model/cycleDoc.ts';
import { itemKey, summarizeCycleDoc } from '../../../src/model/cycleSummary.ts';
import type { CycleId, CycleSummary, ModelContext, RunId } from '../../../src/model/cycleTypes.ts';
import { appendDebriefEntry, type DebriefInput } from '../../../src/model/debrief.ts';
import { defaultProtocol } from '../../../src/model/debriefProtocol.ts';
import {
  appendEvent,
  observationLogName,
  type RunTemplate,
  runTemplatesMap,
  startObservation,
} from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { cycleActivities } from '../../../src/model/learningActivities.ts';
import { addMeeting } from '../../../src/model/meetings.ts';
import { addPhase } from '../../../src/model/phases.ts';
import { prepareNextResearchLesson } from '../../../src/model/researchLessons.ts';
import { planRun } from '../../../src/model/runs.ts';
import { putCycleSummary, readCycleSummaries, teamCycles } from '../../../src/model/teamDoc.ts';
import { newCycle, RL1, RL2, testCtx } from './cycleTestUtils.ts';

const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const CAS = 'cas0000000000000' as MemberId; // teaches RL1
const DEX = 'dex0000000000000' as MemberId; // leads the debrief
const EVE = 'eve0000000000000' as MemberId; // has a role in the debrief, writes nothing
const FAY = 'fay0000000000000' as MemberId; // had a role that was taken back
const CYCLE = 'cyc0000000000001' as CycleId;
const NOW = '2026-10-15T12:00:00.000Z';
const TODAY = '2026-10-15';

const TEMPLATE: RunTemplate = {
  id: 'tpl0000000000001',
  version: 1,
  name: 'Kijkwijzer',
  sections: [
    {
      id: 's1',
      title: 'Leerling',
      items: [
        { id: 'hulp', kind: 'tally', scope: 'casePupil', label: '  Vraagt om HULP ' },
        { id: 'betr', kind: 'rating', scope: 'class', label: 'Betrokkenheid' },
        { id: 'noot', kind: 'note', scope: 'class', label: 'Opmerkingen' },
        { id: 'stil', kind: 'check', scope: 'class', label: 'Werkt stil' }, // never recorded
      ],
    },
  ],
};

/** A context whose clock stands still at `at` (for debrief entries on a given day). */
const at = (iso: string, seed: number): ModelContext => ({ ...testCtx(seed), now: () => iso });

/**
 * A cycle with lessons of 45 minutes and a baseline; RL1 taught by CAS on
 * 1 October (observed by ANS and BRAM, CAS kept a log too, DEX opened an empty
 * one) with a debrief on 2 October; an RL1 run on 8 October without teacher or
 * observers whose debrief has no protocol; RL2 taught by ANS on 10 October,
 * observed by BRAM; a run on 1 December (after now) and an unplanned run;
 * meetings on 20 September, a future one and one without attendees.
 */
function cycle() {
  const ctx = testCtx();
  const doc = newCycle(ctx);
  updateCycleMeta(doc, { lessonMinutes: 45 }, ctx);
  addBaseline(doc, { label: 'Toets', value: 60, unit: '%', after: 70 }, ctx);
  const p1 = addPhase(doc, RL1, { title: 'Instructie' }, ctx);
  const pupil = addCasePupil(doc, { pseudonym: 'Leerling A' }, ctx);
  const run1 = planRun(
    doc,
    { researchLessonId: RL1, date: '2026-10-01', className: '6a', teacherId: CAS },
    ctx,
  );
  const run2 = planRun(doc, { researchLessonId: RL1, date: '2026-10-08' }, ctx);
  const future = planRun(doc, { researchLessonId: RL1, date: '2026-12-01', teacherId: CAS }, ctx);
  const unplanned = planRun(doc, { researchLessonId: RL1, teacherId: CAS }, ctx);

  const tally = (runId: RunId, observer: MemberId, n: number, pupilId?: string) => {
    for (let i = 0; i < n; i++)
      appendEvent(
        doc,
        runId,
        observer,
        {
          kind: 'tally',
          t: 1000 * i,
          phaseId: p1,
          itemId: 'hulp',
          ...(pupilId ? { pupilId } : {}),
        },
        ctx,
      );
  };
  const rate = (runId: RunId, observer: MemberId, value: number) =>
    appendEvent(
      doc,
      runId,
      observer,
      { kind: 'rating', t: 5, phaseId: p1, itemId: 'betr', value },
      ctx,
    );

  // RL1, run 1: ANS 4 tallies (for the case pupil), BRAM 2 (for the class); ratings 3, 4, 4.
  startObservation(doc, run1, ANS, { phaseId: p1, template: TEMPLATE }, ctx);
  tally(run1, ANS, 4, pupil);
  rate(run1, ANS, 3);
  rate(run1, ANS, 4);
  appendEvent(
    doc,
    run1,
    ANS,
    { kind: 'note', t: 9, phaseId: p1, itemId: 'noot', text: 'Stil' },
    ctx,
  );
  startObservation(doc, run1, BRAM, { phaseId: p1 }, ctx);
  tally(run1, BRAM, 2);
  rate(run1, BRAM, 4);
  startObservation(doc, run1, CAS, { phaseId: p1 }, ctx); // the teacher's own log
  doc.getArray(observationLogName(run1, DEX)); // an empty log: DEX never started

  // The future run is observed (e.g. a planned date moved back) but lies after now.
  startObservation(doc, future, ANS, { phaseId: p1, template: TEMPLATE }, ctx);
  tally(future, ANS, 3);

  // Debrief of run 1 on 2 October.
  const debrief = (runId: RunId, by: MemberId, input: DebriefInput, when: string, seed: number) =>
    appendDebriefEntry(doc, runId, by, input, at(when, seed));
  debrief(
    run1,
    DEX,
    { kind: 'role', memberId: ANS, role: 'chair' },
    '2026-10-02T14:05:00.000Z',
    11,
  );
  debrief(
    run1,
    DEX,
    { kind: 'protocol', steps: defaultProtocol() },
    '2026-10-02T14:00:00.000Z',
    12,
  );
  debrief(
    run1,
    DEX,
    { kind: 'role', memberId: EVE, role: 'observer' },
    '2026-10-02T14:06:00.000Z',
    13,
  );
  debrief(
    run1,
    DEX,
    { kind: 'role', name: 'Gastspreker', role: 'guest' },
    '2026-10-02T14:07:00.000Z',
    14,
  );
  debrief(
    run1,
    DEX,
    { kind: 'role', memberId: FAY, role: 'recorder' },
    '2026-10-02T14:08:00.000Z',
    15,
  );
  debrief(run1, DEX, { kind: 'role', memberId: FAY, role: null }, '2026-10-02T14:09:00.000Z', 16);
  debrief(
    run1,
    BRAM,
    { kind: 'contribution', stepId: 'step-review', text: 'Veel hulpvragen', evidence: [] },
    '2026-10-02T14:10:00.000Z',
    17,
  );
  // Debrief of run 2 without a protocol: no minutes to count.
  debrief(
    run2,
    BRAM,
    { kind: 'contribution', stepId: 'step-review', text: 'Notitie', evidence: [] },
    '2026-10-09T10:00:00.000Z',
    18,
  );

  // RL2, taught by ANS and observed by BRAM; ANS also logged a tally.
  prepareNextResearchLesson(doc, ctx);
  const run3 = planRun(doc, { researchLessonId: RL2, date: '2026-10-10', teacherId: ANS }, ctx);
  startObservation(doc, run3, BRAM, { phaseId: null, template: TEMPLATE }, ctx);
  tally(run3, BRAM, 1);
  startObservation(doc, run3, ANS, { phaseId: null }, ctx);
  tally(run3, ANS, 1);

  addMeeting(
    doc,
    { date: '2026-09-20', minutes: 90, topic: 'Ontwerp', attendees: [BRAM, ANS, CAS] },
    ctx,
  );
  addMeeting(doc, { date: '2026-10-20', minutes: 60, topic: 'Later', attendees: [ANS] }, ctx);
  addMeeting(doc, { date: '2026-09-21', minutes: 30, topic: 'Leeg', attendees: [] }, ctx);

  return { ctx, doc, p1, pupil, run1, run2, run3, future, unplanned, tally };
}

describe('cycleActivities', () => {
  it('is empty for a new cycle', () => {
    const doc = newCycle();
    expect(cycleActivities(doc, readCycle(doc), TODAY)).toEqual([]);
  });

  it('counts meetings, lessons taught and observed, and debriefs up to today', () => {
    const { doc, run1, run3 } = cycle();
    expect(cycleActivities(doc, readCycle(doc), TODAY)).toEqual([
      { kind: 'meeting', date: '2026-09-20', minutes: 90, memberIds: [BRAM, ANS, CAS] },
      { kind: 'taught', date: '2026-10-01', minutes: 45, memberIds: [CAS], runId: run1 },
      { kind: 'observed', date: '2026-10-01', minutes: 45, memberIds: [ANS, BRAM] },
      { kind: 'debrief', date: '2026-10-02', minutes: 55, memberIds: [ANS, BRAM, DEX, EVE] },
      { kind: 'taught', date: '2026-10-10', minutes: 45, memberIds: [ANS], runId: run3 },
      { kind: 'observed', date: '2026-10-10', minutes: 45, memberIds: [BRAM] },
    ]);
  });

  it('credits the teacher with teaching, never with observing their own lesson', () => {
    const { doc } = cycle();
    const activities = cycleActivities(doc, readCycle(doc), TODAY);
    for (const activity of activities.filter((a) => a.kind === 'observed'))
      expect(activity.memberIds).not.toContain(activity.date === '2026-10-01' ? CAS : ANS);
    expect(activities.filter((a) => a.kind === 'taught').map((a) => a.memberIds)).toEqual([
      [CAS],
      [ANS],
    ]);
  });

  it('counts the debrief for members with a role or an entry, not guests or a role taken back', () => {
    const { doc } = cycle();
    const debrief = cycleActivities(doc, readCycle(doc), TODAY).find((a) => a.kind === 'debrief');
    expect(debrief?.memberIds).toEqual([ANS, BRAM, DEX, EVE]);
    expect(debrief?.memberIds).not.toContain(FAY);
    expect(debrief?.minutes).toBe(55);
    expect(debrief?.date).toBe('2026-10-02'); // the day of the earliest entry
  });

  it('leaves out what happens after today', () => {
    const { doc, run1 } = cycle();
    expect(cycleActivities(doc, readCycle(doc), '2026-10-01')).toEqual([
      { kind: 'meeting', date: '2026-09-20', minutes: 90, memberIds: [BRAM, ANS, CAS] },
      { kind: 'taught', date: '2026-10-01', minutes: 45, memberIds: [CAS], runId: run1 },
      { kind: 'observed', date: '2026-10-01', minutes: 45, memberIds: [ANS, BRAM] },
    ]);
    expect(cycleActivities(doc, readCycle(doc), '2026-09-19')).toEqual([]);
  });

  it('includes the future run and meeting once their day has come', () => {
    const { doc, future } = cycle();
    const later = cycleActivities(doc, readCycle(doc), '2026-12-01');
    expect(later).toContainEqual({
      kind: 'meeting',
      date: '2026-10-20',
      minutes: 60,
      memberIds: [ANS],
    });
    expect(later).toContainEqual({
      kind: 'taught',
      date: '2026-12-01',
      minutes: 45,
      memberIds: [CAS],
      runId: future,
    });
    expect(later).toContainEqual({
      kind: 'observed',
      date: '2026-12-01',
      minutes: 45,
      memberIds: [ANS],
    });
    expect(later.filter((a) => a.kind === 'meeting')).toHaveLength(2); // never the one without attendees
  });

  it('uses a custom protocol’s minutes', () => {
    const { doc, run1 } = cycle();
    appendDebriefEntry(
      doc,
      run1,
      DEX,
      {
        kind: 'protocol',
        steps: [
          { id: 'a', kind: 'review', title: '', minutes: 10 },
          { id: 'b', kind: 'custom', title: 'Eigen stap', minutes: 20 },
        ],
      },
      at('2026-10-02T15:00:00.000Z', 30),
    );
    const debrief = cycleActivities(doc, readCycle(doc), TODAY).find((a) => a.kind === 'debrief');
    expect(debrief?.minutes).toBe(30);
  });
});

describe('summarizeCycleDoc', () => {
  it('summarizes a new cycle with empty activities and measures', () => {
    const doc = newCycle();
    const summary = summarizeCycleDoc(doc, CYCLE, NOW, NOW);
    expect(summary).toEqual({
      cycleId: CYCLE,
      title: 'Breuken vergelijken',
      stage: 'data',
      researchLessons: 1,
      runsTaught: 0,
      lastActivityAt: NOW,
      createdAt: '2026-09-01T08:00:00.000Z',
      lessonsTaught: 0,
      lessonMinutes: 50,
      baselines: [],
      activities: [],
      measures: [],
    });
  });

  it('adds the figures, baselines, activities and measures of the cycle', () => {
    const { doc, run1, run3 } = cycle();
    const summary = summarizeCycleDoc(doc, CYCLE, NOW, NOW);
    expect(summary).toMatchObject({
      cycleId: CYCLE,
      researchLessons: 2,
      runsTaught: 3,
      lessonsTaught: 2,
      lessonMinutes: 45,
      lastActivityAt: NOW,
      baselines: [{ label: 'Toets', unit: '%', value: 60, after: 70 }],
    });
    expect(summary.activities).toEqual(cycleActivities(doc, readCycle(doc), TODAY));
    expect(summary.measures).toEqual([
      {
        runId: run1,
        rl: 1,
        date: '2026-10-01',
        items: [
          // 4 + 2 tallies by 2 observers, for the pupil and the class alike
          { key: 'tally:vraagt om hulp', label: 'Vraagt om HULP', kind: 'tally', value: 3 },
          // ratings 3, 4, 4: the mean, rounded to two decimals
          { key: 'rating:betrokkenheid', label: 'Betrokkenheid', kind: 'rating', value: 3.67 },
        ],
      },
      {
        runId: run3,
        rl: 2,
        date: '2026-10-10',
        // one tally each by BRAM and ANS
        items: [{ key: 'tally:vraagt om hulp', label: 'Vraagt om HULP', kind: 'tally', value: 1 }],
      },
    ]);
  });

  it('leaves out runs dated after now, unplanned runs and runs nobody observed', () => {
    const { doc, run2, future, unplanned } = cycle();
    const runIds = summarizeCycleDoc(doc, CYCLE, NOW, NOW).measures.map((m) => m.runId);
    expect(runIds).not.toContain(future);
    expect(runIds).not.toContain(unplanned);
    expect(runIds).not.toContain(run2);
    const later = summarizeCycleDoc(
      doc,
      CYCLE,
      '2026-12-02T08:00:00.000Z',
      '2026-12-02T08:00:00.000Z',
    );
    expect(later.measures.find((m) => m.runId === future)?.items).toEqual([
      { key: 'tally:vraagt om hulp', label: 'Vraagt om HULP', kind: 'tally', value: 3 },
    ]);
  });

  it('has no measures for a run observed without a kijkwijzer', () => {
    const { doc, run1 } = cycle();
    runTemplatesMap(doc).delete(run1);
    const measures = summarizeCycleDoc(doc, CYCLE, NOW, NOW).measures;
    expect(measures.map((m) => m.rl)).toEqual([2]);
  });

  it('returns equal measures when called twice, and recomputes when a log grows', () => {
    const { doc, run1, tally } = cycle();
    const first = summarizeCycleDoc(doc, CYCLE, NOW, NOW);
    const second = summarizeCycleDoc(doc, CYCLE, NOW, NOW);
    expect(second.measures).toEqual(first.measures);
    expect(second.measures[0]?.items).toBe(first.measures[0]?.items); // from the cache
    tally(run1, BRAM, 1);
    const third = summarizeCycleDoc(doc, CYCLE, NOW, NOW);
    expect(third.measures[0]?.items[0]?.value).toBe(3.5); // 7 tallies by 2 observers
    expect(first.measures[0]?.items[0]?.value).toBe(3);
  });

  it("recomputes when the run's kijkwijzer is replaced, though no log grew", () => {
    const { doc, run1 } = cycle();
    const before = summarizeCycleDoc(doc, CYCLE, NOW, NOW);
    expect(before.measures[0]?.items[0]?.label).toBe('Vraagt om HULP');
    const renamed = JSON.parse(
      JSON.stringify(TEMPLATE).replace('  Vraagt om HULP ', 'Vraagt hulp'),
    ) as RunTemplate;
    runTemplatesMap(doc).set(run1, renamed);
    const after = summarizeCycleDoc(doc, CYCLE, NOW, NOW);
    expect(after.measures[0]?.items[0]?.label).toBe('Vraagt hulp');
  });

  it('counts runs and lessons taught up to now, as the activities are', () => {
    const { doc } = cycle();
    const summary = summarizeCycleDoc(doc, CYCLE, '2026-09-01T08:00:00.000Z', NOW);
    expect(summary.lastActivityAt).toBe('2026-09-01T08:00:00.000Z');
    expect(summary.runsTaught).toBe(3);
    expect(summary.activities.some((activity) => activity.kind === 'taught')).toBe(true);
  });

  it('keys an item by its kind and trimmed, lower-case label', () => {
    expect(itemKey('tally', '  Vraagt om HULP ')).toBe('tally:vraagt om hulp');
    expect(itemKey('rating', 'Betrokkenheid')).toBe('rating:betrokkenheid');
  });

  it('matches the same item under another id in another run by its key', () => {
    const { doc, run3 } = cycle();
    const copy = {
      ...TEMPLATE,
      id: 'tpl0000000000002',
      sections: [
        {
          id: 's1',
          title: 'Leerling',
          items: [{ id: 'hulp2', kind: 'tally', scope: 'class', label: 'vraagt om hulp' }],
        },
      ],
    };
    runTemplatesMap(doc).set(run3, copy);
    appendEvent(
      doc,
      run3,
      BRAM,
      { kind: 'tally', t: 1, phaseId: null, itemId: 'hulp2' },
      testCtx(40),
    );
    const measures = summarizeCycleDoc(doc, CYCLE, NOW, NOW).measures;
    expect(measures.map((m) => m.items.map((i) => i.key))).toEqual([
      ['tally:vraagt om hulp', 'rating:betrokkenheid'],
      ['tally:vraagt om hulp'],
    ]);
    expect(measures[1]?.items[0]).toEqual({
      key: 'tally:vraagt om hulp',
      label: 'vraagt om hulp',
      kind: 'tally',
      value: 1,
    });
  });
});

describe('cycle summaries in the team document', () => {
  it('reads an entry written before the PLG year with defaults', () => {
    const team = new Y.Doc();
    teamCycles(team).set(CYCLE, {
      title: 'Oud',
      stage: 'teach',
      researchLessons: 2,
      runsTaught: 3,
      lastActivityAt: '2025-10-01T08:00:00.000Z',
      createdAt: '2025-09-01T08:00:00.000Z',
    });
    expect(readCycleSummaries(team, new Set())).toEqual([
      {
        cycleId: CYCLE,
        title: 'Oud',
        stage: 'teach',
        researchLessons: 2,
        runsTaught: 3,
        lastActivityAt: '2025-10-01T08:00:00.000Z',
        createdAt: '2025-09-01T08:00:00.000Z',
        lessonsTaught: 0,
        lessonMinutes: 50,
        baselines: [],
        activities: [],
        measures: [],
      },
    ]);
  });

  it('reads unreadable new parts as their defaults, without hiding the cycle', () => {
    const team = new Y.Doc();
    teamCycles(team).set(CYCLE, {
      title: 'Half',
      stage: 'design',
      researchLessons: 1,
      runsTaught: 0,
      lastActivityAt: '2026-10-01T08:00:00.000Z',
      createdAt: '2026-09-01T08:00:00.000Z',
      lessonsTaught: -1,
      lessonMinutes: 0,
      baselines: 'geen',
      activities: [{ kind: 'meeting', date: '2026-09-20', minutes: 60, memberIds: ['iemand'] }],
      measures: [{ runId: '', rl: 1, date: '2026-10-01', items: [] }],
    });
    expect(readCycleSummaries(team, new Set())).toMatchObject([
      {
        cycleId: CYCLE,
        title: 'Half',
        lessonsTaught: 0,
        lessonMinutes: 50,
        baselines: [],
        activities: [],
        measures: [],
      },
    ]);
  });

  it('round-trips a summary of a cycle document', () => {
    const { doc } = cycle();
    const summary: CycleSummary = summarizeCycleDoc(doc, CYCLE, NOW, NOW);
    expect(summary.activities.length).toBeGreaterThan(0);
    expect(summary.measures.length).toBeGreaterThan(0);
    const team = new Y.Doc();
    putCycleSummary(team, summary);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(team));
    expect(readCycleSummaries(other, new Set())).toEqual([summary]);
    expect(readCycleSummaries(other, new Set([CYCLE]))).toEqual([]);
  });
});
