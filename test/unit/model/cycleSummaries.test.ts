import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CycleId, CycleSummary } from '../../../src/model/cycleTypes.ts';
import { newDocId } from '../../../src/model/ids.ts';
import { putCycleSummary, readCycleSummaries, TEAM_CYCLES } from '../../../src/model/teamDoc.ts';

const summary = (lastActivityAt: string, title = 'Breuken'): CycleSummary => ({
  cycleId: newDocId() as CycleId,
  title,
  stage: 'design',
  researchLessons: 1,
  runsTaught: 0,
  lastActivityAt,
  createdAt: '2026-09-01T08:00:00.000Z',
  lessonsTaught: 0,
  lessonMinutes: 50,
  baselines: [],
  activities: [],
  measures: [],
});

describe('team document cycle index', () => {
  it('lists cycle summaries newest activity first, as another client reads them', () => {
    const doc = new Y.Doc();
    const old = summary('2026-09-02T08:00:00.000Z', 'oud');
    const recent = summary('2026-10-02T08:00:00.000Z', 'nieuw');
    putCycleSummary(doc, old);
    putCycleSummary(doc, recent);
    putCycleSummary(doc, { ...old, stage: 'teach' });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readCycleSummaries(other, new Set())).toEqual([recent, { ...old, stage: 'teach' }]);
    expect(other.getMap(TEAM_CYCLES).get(old.cycleId)).not.toHaveProperty('cycleId');
  });

  it('skips malformed summaries', () => {
    const doc = new Y.Doc();
    const good = summary('2026-09-02T08:00:00.000Z');
    putCycleSummary(doc, good);
    doc.getMap(TEAM_CYCLES).set('nope', { title: 'x' });
    doc.getMap(TEAM_CYCLES).set(newDocId(), { ...good, stage: 'unknown' });
    doc.getMap(TEAM_CYCLES).set(newDocId(), 'garbage');
    expect(readCycleSummaries(doc, new Set())).toEqual([good]);
  });
});
