import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  isRosterDocId,
  isRosterDocName,
  parseDocName,
  ROSTER_DOC_ID,
  rosterDocName,
  teamScopedDocName,
} from '../../../src/model/docName.ts';
import {
  isDocId,
  type MemberId,
  newDocId,
  newMemberId,
  newTeamId,
} from '../../../src/model/ids.ts';
import {
  type CycleTombstone,
  isCycleDeleted,
  ROSTER_DELETED_CYCLES,
  ROSTER_MEMBERS,
  ROSTER_META,
  type RosterState,
  readCycleTombstone,
  readDeletedCycleIds,
  readRoster,
  rosterWithSelf,
  type TeamMember,
  writeRoster,
} from '../../../src/model/roster.ts';

const T0 = '2026-09-01T08:00:00.000Z';
const T1 = '2026-10-01T08:00:00.000Z';

function member(displayName: string, patch: Partial<TeamMember> = {}): TeamMember {
  return {
    memberId: newMemberId(),
    displayName,
    role: 'teacher',
    joinedAt: T0,
    removedAt: null,
    erasedAt: null,
    ...patch,
  };
}

function state(members: TeamMember[], deleted: Array<[string, CycleTombstone]> = []): RosterState {
  return { members, deletedCycles: new Map(deleted) };
}

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));

describe('the roster document name', () => {
  it('is <teamId>/<reserved id>, a valid document name', () => {
    const teamId = newTeamId();
    expect(isDocId(ROSTER_DOC_ID)).toBe(true);
    expect(parseDocName(rosterDocName(teamId))).toEqual({ teamId, docId: ROSTER_DOC_ID });
    expect(isRosterDocName(rosterDocName(teamId))).toBe(true);
    expect(isRosterDocName(teamId)).toBe(false);
    expect(isRosterDocName(teamScopedDocName(teamId, newDocId()))).toBe(false);
    expect(isRosterDocId(ROSTER_DOC_ID)).toBe(true);
    expect(isRosterDocId(newDocId())).toBe(false);
  });
});

describe('reading the roster', () => {
  it('lists current members by name, keeps removed members’ names, and the deleted cycles', () => {
    const server = new Y.Doc();
    const zeynep = member('Zeynep');
    const anouk = member('Anouk', { role: 'facilitator' });
    const gone = member('Bram', { removedAt: T1 });
    const cycleId = newDocId();
    writeRoster(
      server,
      state([zeynep, anouk, gone], [[cycleId, { deletedAt: T1, deletedBy: anouk.memberId }]]),
    );
    const device = new Y.Doc();
    sync(server, device);

    const roster = readRoster(device);
    expect(roster.written).toBe(true);
    expect(roster.members).toEqual([anouk, zeynep]);
    expect(roster.names).toEqual(
      new Map([
        [zeynep.memberId, 'Zeynep'],
        [anouk.memberId, 'Anouk'],
        [gone.memberId, 'Bram'],
      ]),
    );
    expect(roster.deletedCycles).toEqual(
      new Map([[cycleId, { deletedAt: T1, deletedBy: anouk.memberId }]]),
    );
    expect(roster.skipped).toBe(0);
    expect(isCycleDeleted(device, cycleId)).toBe(true);
    expect(isCycleDeleted(device, newDocId())).toBe(false);
    expect(readCycleTombstone(device, cycleId)).toEqual({
      deletedAt: T1,
      deletedBy: anouk.memberId,
    });
    expect([...readDeletedCycleIds(device)]).toEqual([cycleId]);
  });

  it('names members who deleted their account by a numbered neutral label, in the order they left', () => {
    const server = new Y.Doc();
    const anouk = member('Anouk', { role: 'facilitator' });
    const later = member('', { removedAt: T1, erasedAt: '2026-11-02T08:00:00.000Z' });
    const first = member('', { removedAt: T0, erasedAt: '2026-10-02T08:00:00.000Z' });
    writeRoster(server, state([anouk, later, first]));
    const device = new Y.Doc();
    sync(server, device);

    const roster = readRoster(device, (n) => `Oud-lid ${n}`);
    expect(roster.members).toEqual([anouk]);
    expect(roster.names.get(first.memberId)).toBe('Oud-lid 1');
    expect(roster.names.get(later.memberId)).toBe('Oud-lid 2');
    expect(readRoster(device).names.get(first.memberId)).toBe('#1');
    // Entries written before erasedAt existed read as not erased.
    device.getMap(ROSTER_MEMBERS).set(anouk.memberId, {
      displayName: 'Anouk',
      role: 'facilitator',
      joinedAt: T0,
      removedAt: null,
    });
    expect(readRoster(device).members.map((m) => m.displayName)).toEqual(['Anouk']);
    // Writing the same state again changes nothing; erasing is a change.
    expect(writeRoster(server, state([anouk, later, first]))).toBe(false);
    expect(
      writeRoster(server, state([{ ...anouk, displayName: '', erasedAt: T1 }, later, first])),
    ).toBe(true);
  });

  it('is not written while empty (opening, or a team the server does not know yet)', () => {
    const roster = readRoster(new Y.Doc());
    expect(roster).toMatchObject({ written: false, members: [], skipped: 0 });
    expect(roster.deletedCycles.size).toBe(0);
  });

  it('skips and counts malformed entries, never throwing', () => {
    const doc = new Y.Doc();
    const good = member('Anouk');
    writeRoster(doc, state([good]));
    const members = doc.getMap(ROSTER_MEMBERS);
    members.set('not-an-id', { displayName: 'X', role: 'teacher', joinedAt: T0, removedAt: null });
    members.set(newMemberId(), {
      displayName: 'Y',
      role: 'headmaster',
      joinedAt: T0,
      removedAt: null,
    });
    members.set(newMemberId(), { displayName: 'Z', role: 'teacher', joinedAt: T0 });
    members.set(newMemberId(), 'garbage');
    members.set(newMemberId(), null);
    const deleted = doc.getMap(ROSTER_DELETED_CYCLES);
    const garbage = newDocId();
    const badBy = newDocId();
    const noDate = newDocId();
    deleted.set(garbage, 'garbage');
    deleted.set(badBy, { deletedAt: T1, deletedBy: 'someone' });
    deleted.set(noDate, { deletedBy: null });
    deleted.set('not-a-cycle', { deletedAt: T1, deletedBy: null });

    let roster: ReturnType<typeof readRoster> | undefined;
    expect(() => {
      roster = readRoster(doc);
    }).not.toThrow();
    expect(roster?.members).toEqual([good]);
    expect(roster?.names).toEqual(new Map([[good.memberId, 'Anouk']]));
    expect(roster?.deletedCycles.size).toBe(0);
    expect(roster?.skipped).toBe(9);
    for (const cycleId of [garbage, badBy, noDate, 'not-a-cycle']) {
      expect(isCycleDeleted(doc, cycleId)).toBe(false);
      expect(readCycleTombstone(doc, cycleId)).toBeNull();
    }
    expect(readDeletedCycleIds(doc).size).toBe(0);
  });

  it('shows this device’s own member alone until the server’s roster arrives', () => {
    const self = member('Anna', { role: 'facilitator' });
    expect(rosterWithSelf(null, self)).toMatchObject({ written: false, members: [self] });
    const empty = rosterWithSelf(readRoster(new Y.Doc()), self);
    expect(empty.members).toEqual([self]);
    expect(empty.names).toEqual(new Map([[self.memberId, 'Anna']]));
    expect(empty.deletedCycles.size).toBe(0);

    const doc = new Y.Doc();
    const other = member('Bram');
    writeRoster(doc, state([{ ...self, role: 'teacher' }, other]));
    const arrived = rosterWithSelf(readRoster(doc), self);
    expect(arrived.written).toBe(true);
    expect(arrived.members.map((m) => [m.displayName, m.role])).toEqual([
      ['Anna', 'teacher'],
      ['Bram', 'teacher'],
    ]);
  });
});

describe('the server writing the roster', () => {
  it('writes only what differs, and nothing the second time', () => {
    const doc = new Y.Doc();
    const anna = member('Anna', { role: 'facilitator' });
    const bram = member('Bram');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    expect(writeRoster(doc, state([anna, bram]))).toBe(true);
    expect(writeRoster(doc, state([anna, bram]))).toBe(false);
    expect(updates).toHaveLength(1);
    expect(doc.getMap(ROSTER_META).get('schemaVersion')).toBe(1);

    const renamed = { ...bram, displayName: 'Bram de Vries', role: 'coach' as const };
    expect(writeRoster(doc, state([anna, renamed]))).toBe(true);
    expect(readRoster(doc).members).toEqual([anna, renamed]);
  });

  it('puts right whatever else the stored document says, and its write wins on every device', () => {
    const anna = member('Anna', { role: 'facilitator' });
    const bram = member('Bram');
    const stored = new Y.Doc();
    writeRoster(stored, state([anna, bram]));
    // A device's copy, and forged content from before the roster was read-only.
    const device = new Y.Doc();
    sync(stored, device);
    const forger = new Y.Doc();
    sync(stored, forger);
    forger.getMap(ROSTER_MEMBERS).set(bram.memberId, { ...bram, role: 'facilitator' });
    forger.getMap(ROSTER_MEMBERS).set(anna.memberId, { ...anna, removedAt: T1 });
    forger.getMap(ROSTER_DELETED_CYCLES).set(newDocId(), { deletedAt: T1, deletedBy: null });
    sync(forger, stored);

    expect(writeRoster(stored, state([anna, bram]))).toBe(true);
    sync(stored, device);
    sync(forger, device);
    for (const doc of [stored, device]) {
      const roster = readRoster(doc);
      expect(roster.members).toEqual([anna, bram]);
      expect(roster.deletedCycles.size).toBe(0);
    }
  });

  it('keeps removed members with their removal date', () => {
    const doc = new Y.Doc();
    const anna = member('Anna', { role: 'facilitator' });
    const bram = member('Bram');
    writeRoster(doc, state([anna, bram]));
    writeRoster(doc, state([anna, { ...bram, removedAt: T1 }]));
    expect(readRoster(doc).members).toEqual([anna]);
    expect(doc.getMap(ROSTER_MEMBERS).get(bram.memberId)).toMatchObject({ removedAt: T1 });
    expect(readRoster(doc).names.get(bram.memberId as MemberId)).toBe('Bram');
  });
});
