import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addBaseline,
  CYCLE_CASE_PUPILS,
  CYCLE_RESEARCH_LESSONS,
  CYCLE_RUNS,
  cycleText,
  cycleTextPlain,
  initCycleDoc,
  readCycle,
  readCycleMeta,
  removeBaseline,
  summarizeCycle,
  updateBaseline,
  updateCycleMeta,
} from '../../../src/model/cycleDoc.ts';
import type { CycleId } from '../../../src/model/cycleTypes.ts';
import { newDocId, newMemberId } from '../../../src/model/ids.ts';
import { addPhase } from '../../../src/model/phases.ts';
import { planRun } from '../../../src/model/runs.ts';
import { newCycle, RL1, replica, sync, testCtx } from './cycleTestUtils.ts';

describe('initCycleDoc', () => {
  it('writes meta defaults and an empty RL1, readable by a second client', () => {
    const ctx = testCtx();
    const doc = new Y.Doc();
    const createdBy = newMemberId();
    initCycleDoc(
      doc,
      { title: ' Breuken ', subject: 'Rekenen', yearGroup: 'Groep 6', createdBy },
      ctx,
    );
    const cycle = readCycle(replica(doc));
    expect(cycle.meta).toMatchObject({
      schemaVersion: 1,
      title: 'Breuken',
      subject: 'Rekenen',
      yearGroup: 'Groep 6',
      stage: 'data',
      lessonMinutes: 50,
      createdBy,
      baselines: [],
    });
    expect(cycle.researchLessons).toEqual([
      { id: RL1, number: 1, createdAt: cycle.meta.createdAt, phases: [], predictions: new Map() },
    ]);
    expect(cycle.skipped).toBe(0);
  });

  it('is idempotent and never overwrites', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    addPhase(doc, RL1, { title: 'A' }, ctx);
    updateCycleMeta(doc, { title: 'Anders', stage: 'design' }, ctx);
    initCycleDoc(doc, { title: 'X', subject: '', yearGroup: '', createdBy: null }, ctx);
    const cycle = readCycle(doc);
    expect(cycle.meta.title).toBe('Anders');
    expect(cycle.meta.stage).toBe('design');
    expect(cycle.researchLessons[0]?.phases).toHaveLength(1);
  });

  it('refuses an empty title or a lesson length out of range', () => {
    const ctx = testCtx();
    expect(() =>
      initCycleDoc(new Y.Doc(), { title: ' ', subject: '', yearGroup: '', createdBy: null }, ctx),
    ).toThrow(RangeError);
    expect(() =>
      initCycleDoc(
        new Y.Doc(),
        { title: 'x', subject: '', yearGroup: '', lessonMinutes: 4, createdBy: null },
        ctx,
      ),
    ).toThrow(RangeError);
  });
});

describe('updateCycleMeta', () => {
  it('updates the given fields and validates them', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    updateCycleMeta(
      doc,
      { subject: 'Taal', yearGroup: 'Groep 7', lessonMinutes: 60, stage: 'teach' },
      ctx,
    );
    expect(readCycleMeta(doc)).toMatchObject({
      subject: 'Taal',
      yearGroup: 'Groep 7',
      lessonMinutes: 60,
      stage: 'teach',
    });
    expect(() => updateCycleMeta(doc, { title: '' }, ctx)).toThrow(RangeError);
    expect(() => updateCycleMeta(doc, { title: 'x'.repeat(121) }, ctx)).toThrow(RangeError);
    expect(() => updateCycleMeta(doc, { lessonMinutes: 481 }, ctx)).toThrow(RangeError);
    expect(() => updateCycleMeta(doc, { lessonMinutes: 45.5 }, ctx)).toThrow(RangeError);
    // @ts-expect-error a stage from a newer or broken client
    expect(() => updateCycleMeta(doc, { stage: 'party' }, ctx)).toThrow(RangeError);
    expect(readCycleMeta(doc).lessonMinutes).toBe(60);
  });
});

describe('title, subject and year group', () => {
  it('merge character by character when two people type in the same field', () => {
    const a = newCycle(testCtx(1));
    const b = replica(a);
    updateCycleMeta(a, { title: 'Breuken vergelijken in groep 6' }, testCtx(2));
    updateCycleMeta(b, { title: 'Samen breuken vergelijken' }, testCtx(3));
    updateCycleMeta(b, { subject: 'Rekenen en wiskunde' }, testCtx(3));
    sync(a, b);
    expect(readCycleMeta(a)).toEqual(readCycleMeta(b));
    expect(readCycleMeta(a).title).toBe('Samen breuken vergelijken in groep 6');
    expect(readCycleMeta(a).subject).toBe('Rekenen en wiskunde');
  });
});

describe('baselines', () => {
  it('adds in order, updates and removes', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const a = addBaseline(doc, { label: 'Nulmeting breuken', value: 54, unit: '%' }, ctx);
    const b = addBaseline(doc, { label: 'Observatie', value: null, unit: '' }, ctx);
    updateBaseline(doc, a, { value: 58 }, ctx);
    expect(readCycleMeta(doc).baselines).toEqual([
      { id: a, label: 'Nulmeting breuken', value: 58, unit: '%', after: null },
      { id: b, label: 'Observatie', value: null, unit: '', after: null },
    ]);
    expect(() => updateBaseline(doc, a, { value: Number.POSITIVE_INFINITY }, ctx)).toThrow(
      RangeError,
    );
    // The new measurement at the end of the cycle, kept when the label changes later.
    updateBaseline(doc, a, { after: 71 }, ctx);
    updateBaseline(doc, a, { label: 'Toets breuken' }, ctx);
    expect(readCycleMeta(doc).baselines[0]).toMatchObject({
      label: 'Toets breuken',
      value: 58,
      after: 71,
    });
    expect(() => updateBaseline(doc, a, { after: Number.NaN }, ctx)).toThrow(RangeError);
    removeBaseline(doc, a, ctx);
    expect(readCycleMeta(doc).baselines.map((x) => x.id)).toEqual([b]);
  });
});

describe('cycleText', () => {
  it('gives one XmlFragment per long text and reads it as plain paragraphs', () => {
    const doc = newCycle();
    const fragment = cycleText(doc, 'researchQuestion');
    expect(cycleText(doc, 'researchQuestion')).toBe(fragment);
    const p1 = new Y.XmlElement('paragraph');
    p1.insert(0, [new Y.XmlText('Hoe helpt een getallenlijn')]);
    const p2 = new Y.XmlElement('paragraph');
    p2.insert(0, [new Y.XmlText('bij breuken?')]);
    fragment.insert(0, [p1, p2]);
    expect(cycleTextPlain(doc, 'researchQuestion')).toBe(
      'Hoe helpt een getallenlijn\nbij breuken?',
    );
    expect(cycleTextPlain(doc, 'goals')).toBe('');
  });
});

describe('readCycle', () => {
  it('skips and counts malformed entries written by a peer, never throwing', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    addPhase(doc, RL1, { title: 'ok' }, ctx);
    const rl1 = doc.getMap(CYCLE_RESEARCH_LESSONS).get('rl1') as Y.Map<unknown>;
    const phases = rl1.get('phases') as Y.Map<unknown>;
    phases.set('not-an-id', new Y.Map());
    phases.set(ctx.newId(), 'garbage');
    const noTexts = new Y.Map<unknown>();
    noTexts.set('position', 'a5');
    noTexts.set('minutes', 3);
    phases.set(ctx.newId(), noTexts);
    doc.getMap(CYCLE_RESEARCH_LESSONS).set('rl9', 'x');
    doc.getMap(CYCLE_RESEARCH_LESSONS).set('banana', new Y.Map());
    doc.getMap(CYCLE_CASE_PUPILS).set(ctx.newId(), { pseudonym: 'plain object' });
    doc.getMap(CYCLE_RUNS).set(ctx.newId(), new Y.Map());
    doc.getMap('meta').set('stage', 42);
    doc.getMap('meta').set('lessonMinutes', 'lang');
    doc.getMap('baselines').set('b', { label: 1 });
    const cycle = readCycle(doc);
    expect(cycle.researchLessons.map((rl) => rl.phases.map((p) => p.title))).toEqual([['ok']]);
    expect(cycle.casePupils).toEqual([]);
    expect(cycle.runs).toEqual([]);
    expect(cycle.meta.stage).toBe('data');
    expect(cycle.meta.lessonMinutes).toBe(50);
    expect(cycle.skipped).toBe(8);
  });
});

describe('summarizeCycle', () => {
  it('counts research lessons and the runs taught by the day of the last activity', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    planRun(doc, { researchLessonId: RL1, date: '2026-09-10' }, ctx);
    planRun(doc, { researchLessonId: RL1, date: '2026-10-01' }, ctx);
    planRun(doc, { researchLessonId: RL1 }, ctx);
    const cycleId = newDocId() as CycleId;
    expect(summarizeCycle(cycleId, readCycle(doc), '2026-09-10T15:00:00.000Z')).toEqual({
      cycleId,
      title: 'Breuken vergelijken',
      stage: 'data',
      researchLessons: 1,
      runsTaught: 1,
      lastActivityAt: '2026-09-10T15:00:00.000Z',
      createdAt: readCycleMeta(doc).createdAt,
      lessonsTaught: 1,
      lessonMinutes: 50,
      baselines: [],
      activities: [],
      measures: [],
    });
  });
});
