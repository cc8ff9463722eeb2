import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  repairCycleSummary,
  touchCycleSummary,
} from '../../../src/features/cycle/useCycleSummarySync.ts';
import type { CycleId, CycleSummary } from '../../../src/model/cycleTypes.ts';
import { type MemberId, newDocId, newMemberId } from '../../../src/model/ids.ts';
import {
  type CycleTombstone,
  isCycleDeleted,
  readDeletedCycleIds,
  readRoster,
  writeRoster,
} from '../../../src/model/roster.ts';
import {
  putCycleSummary,
  readCycleSummaries,
  removeCycleSummary,
  TEAM_CYCLES,
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
  lessonsTaught: 0,
  lessonMinutes: 50,
  baselines: [],
  activities: [],
  measures: [],
});

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));

/** A roster as the server writes it, with these cycles deleted. */
function rosterDeleting(...cycleIds: string[]): Y.Doc {
  const doc = new Y.Doc();
  const tombstone: CycleTombstone = { deletedAt: NOW, deletedBy: newMemberId() };
  writeRoster(doc, {
    members: [],
    deletedCycles: new Map(cycleIds.map((id) => [id, tombstone])),
  });
  return doc;
}

describe('deleted cycles: the roster says, the team document does not', () => {
  const facilitator: MemberId = newMemberId();

  it('hides a cycle the roster records as deleted from the list', () => {
    const team = new Y.Doc();
    const gone = newDocId() as CycleId;
    const stays = newDocId() as CycleId;
    putCycleSummary(team, summary(gone, 'weg'));
    putCycleSummary(team, summary(stays, 'blijft'));
    const roster = rosterDeleting(gone);

    expect(readCycleSummaries(team, readRoster(roster).deletedCycles).map((s) => s.title)).toEqual([
      'blijft',
    ]);
    expect(readCycleSummaries(team, readDeletedCycleIds(roster))).toHaveLength(1);
    removeCycleSummary(team, gone);
    expect(team.getMap(TEAM_CYCLES).has(gone)).toBe(false);
    expect(team.getMap(TEAM_CYCLES).has(stays)).toBe(true);
  });

  it('never lets a summary written offline elsewhere bring a deleted cycle back', () => {
    const here = new Y.Doc();
    const offline = new Y.Doc();
    const cycleId = newDocId() as CycleId;
    putCycleSummary(here, summary(cycleId));
    sync(here, offline);
    const roster = rosterDeleting(cycleId);
    removeCycleSummary(here, cycleId);
    // A colleague without the news keeps editing the cycle offline, then both sync.
    putCycleSummary(offline, summary(cycleId, 'offline bewerkt'));
    sync(offline, here);
    sync(here, offline);
    for (const doc of [here, offline]) {
      expect(readCycleSummaries(doc, readDeletedCycleIds(roster))).toEqual([]);
    }
  });

  it('ignores a tombstone a teacher forged in the team document', () => {
    const team = new Y.Doc();
    const cycleId = newDocId() as CycleId;
    putCycleSummary(team, summary(cycleId));
    // What the team document's `deletedCycles` held before the roster, now forgeable by anyone.
    team.getMap('deletedCycles').set(cycleId, { deletedAt: NOW, deletedBy: facilitator });
    const roster = rosterDeleting();
    expect(isCycleDeleted(roster, cycleId)).toBe(false);
    expect(readCycleSummaries(team, readDeletedCycleIds(roster)).map((s) => s.cycleId)).toEqual([
      cycleId,
    ]);
  });
});

describe('the cycle summary sync and deleted cycles', () => {
  it('writes a missing summary for a live cycle, and nothing once the roster says it is deleted', () => {
    const team = new Y.Doc();
    const cycleDoc = newCycle();
    const cycleId = newDocId() as CycleId;
    const none = new Set<string>();
    expect(repairCycleSummary(team, none, cycleId, cycleDoc, NOW)).toBe(true);
    expect(readCycleSummaries(team, none).map((s) => s.title)).toEqual(['Breuken vergelijken']);
    expect(repairCycleSummary(team, none, cycleId, cycleDoc, NOW)).toBe(false);

    removeCycleSummary(team, cycleId);
    const deleted = readDeletedCycleIds(rosterDeleting(cycleId));
    expect(repairCycleSummary(team, deleted, cycleId, cycleDoc, NOW)).toBe(false);
    expect(touchCycleSummary(team, deleted, cycleId, cycleDoc, NOW)).toBe(false);
    expect(team.getMap(TEAM_CYCLES).has(cycleId)).toBe(false);
  });

  it('records local activity on a live cycle', () => {
    const team = new Y.Doc();
    const cycleId = newDocId() as CycleId;
    const none = new Set<string>();
    expect(touchCycleSummary(team, none, cycleId, newCycle(), NOW)).toBe(true);
    expect(readCycleSummaries(team, none)[0]?.lastActivityAt).toBe(NOW);
  });
});
