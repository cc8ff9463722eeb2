import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  repairCycleSummary,
  touchCycleSummary,
} from '../../../src/features/cycle/useCycleSummarySync.ts';
import type { CycleId, CycleSummary } from '../../../src/model/cycleTypes.ts';
import { type MemberId, newDocId, newMemberId } from '../../../src/model/ids.ts';
import {
  isCycleDeleted,
  markCycleDeleted,
  putCycleSummary,
  readCycleSummaries,
  readCycleTombstone,
  readDeletedCycleIds,
  TEAM_CYCLES,
  TEAM_DELETED_CYCLES,
} from '../../../src/model/teamDoc.ts';
import { newCycle } from './cycleTestUtils.ts';

const NOW = '2026-10-01T08:00:00.000Z';

const summary = (cycleId: CycleId, title = 'Breuken'): CycleSummary => ({
  cycleId,
  title,
  stage: 'design',
  researchLessons: 1,
  runsTaught: 0,
  lastActivityAt: '2026-09-02T08:00:00.000Z',
  createdAt: '2026-09-01T08:00:00.000Z',
});

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));

describe('deleted cycles in the team document', () => {
  const facilitator: MemberId = newMemberId();

  it('hides a deleted cycle, removes its summary and keeps who deleted it when', () => {
    const doc = new Y.Doc();
    const gone = newDocId() as CycleId;
    const stays = newDocId() as CycleId;
    putCycleSummary(doc, summary(gone, 'weg'));
    putCycleSummary(doc, summary(stays, 'blijft'));
    markCycleDeleted(doc, gone, { deletedAt: NOW, deletedBy: facilitator });

    expect(readCycleSummaries(doc).map((s) => s.title)).toEqual(['blijft']);
    expect(doc.getMap(TEAM_CYCLES).has(gone)).toBe(false);
    expect(isCycleDeleted(doc, gone)).toBe(true);
    expect(isCycleDeleted(doc, stays)).toBe(false);
    expect(readCycleTombstone(doc, gone)).toEqual({ deletedAt: NOW, deletedBy: facilitator });
    expect(readCycleTombstone(doc, stays)).toBeNull();
    expect([...readDeletedCycleIds(doc)]).toEqual([gone]);
  });

  it('never lets a summary bring a deleted cycle back, also one written offline elsewhere', () => {
    const here = new Y.Doc();
    const offline = new Y.Doc();
    const cycleId = newDocId() as CycleId;
    putCycleSummary(here, summary(cycleId));
    sync(here, offline);

    markCycleDeleted(here, cycleId, { deletedAt: NOW, deletedBy: facilitator });
    expect(putCycleSummary(here, summary(cycleId, 'terug?'))).toBe(false);
    // A colleague without the news keeps editing the cycle offline, then both sync.
    putCycleSummary(offline, summary(cycleId, 'offline bewerkt'));
    sync(offline, here);
    sync(here, offline);
    for (const doc of [here, offline]) {
      expect(readCycleSummaries(doc)).toEqual([]);
      expect(isCycleDeleted(doc, cycleId)).toBe(true);
    }
  });

  it('keeps the first tombstone when the server and the client both write one', () => {
    const doc = new Y.Doc();
    const cycleId = newDocId();
    markCycleDeleted(doc, cycleId, { deletedAt: NOW, deletedBy: facilitator });
    markCycleDeleted(doc, cycleId, { deletedAt: '2030-01-01T00:00:00.000Z', deletedBy: null });
    expect(readCycleTombstone(doc, cycleId)).toEqual({ deletedAt: NOW, deletedBy: facilitator });
  });

  it('treats a malformed tombstone as a deletion all the same', () => {
    const doc = new Y.Doc();
    const cycleId = newDocId() as CycleId;
    putCycleSummary(doc, summary(cycleId));
    doc.getMap(TEAM_DELETED_CYCLES).set(cycleId, 'garbage');
    expect(isCycleDeleted(doc, cycleId)).toBe(true);
    expect(readCycleTombstone(doc, cycleId)).toEqual({ deletedAt: '', deletedBy: null });
    expect(readCycleSummaries(doc)).toEqual([]);
  });
});

describe('the cycle summary sync and deleted cycles', () => {
  it('writes a missing summary for a live cycle, and nothing once it is deleted', () => {
    const team = new Y.Doc();
    const cycleDoc = newCycle();
    const cycleId = newDocId() as CycleId;
    expect(repairCycleSummary(team, cycleId, cycleDoc, NOW)).toBe(true);
    expect(readCycleSummaries(team).map((s) => s.title)).toEqual(['Breuken vergelijken']);
    expect(repairCycleSummary(team, cycleId, cycleDoc, NOW)).toBe(false);

    markCycleDeleted(team, cycleId, { deletedAt: NOW, deletedBy: null });
    expect(repairCycleSummary(team, cycleId, cycleDoc, NOW)).toBe(false);
    expect(touchCycleSummary(team, cycleId, cycleDoc, NOW)).toBe(false);
    expect(team.getMap(TEAM_CYCLES).has(cycleId)).toBe(false);
  });

  it('records local activity on a live cycle', () => {
    const team = new Y.Doc();
    const cycleId = newDocId() as CycleId;
    expect(touchCycleSummary(team, cycleId, newCycle(), NOW)).toBe(true);
    expect(readCycleSummaries(team)[0]?.lastActivityAt).toBe(NOW);
  });
});
