import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type MemberId, newMemberId } from '../../../src/model/ids.ts';
import {
  initTeamDoc,
  markMemberRemoved,
  putMember,
  readMemberNames,
  readTeam,
  setTeamName,
  TEAM_MEMBERS,
  TEAM_META,
} from '../../../src/model/teamDoc.ts';

const joinedAt = '2026-11-26T08:00:00.000Z';

describe('teamDoc', () => {
  it('keeps the team name at meta.name, readable by any Yjs client', () => {
    const doc = new Y.Doc();
    initTeamDoc(doc, { name: 'Rekenen groep 6', createdAt: joinedAt });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(other.getMap(TEAM_META).get('name')).toBe('Rekenen groep 6');
  });

  it('initializes idempotently without overwriting a name', () => {
    const doc = new Y.Doc();
    initTeamDoc(doc, { name: 'A', createdAt: joinedAt });
    setTeamName(doc, 'B');
    initTeamDoc(doc, { name: 'A', createdAt: joinedAt });
    expect(readTeam(doc)).toMatchObject({ name: 'B', schemaVersion: 1 });
  });

  it('refuses empty or overlong names', () => {
    const doc = new Y.Doc();
    expect(() => setTeamName(doc, '   ')).toThrow(RangeError);
    expect(() => setTeamName(doc, 'x'.repeat(121))).toThrow(RangeError);
  });

  it('lists current members sorted by name and hides removed ones', () => {
    const doc = new Y.Doc();
    const a = newMemberId();
    const b = newMemberId();
    putMember(doc, a, { displayName: 'Zeynep', role: 'teacher', joinedAt, removedAt: null });
    putMember(doc, b, { displayName: 'Anouk', role: 'coach', joinedAt, removedAt: null });
    expect(readTeam(doc).members.map((m) => m.displayName)).toEqual(['Anouk', 'Zeynep']);
    markMemberRemoved(doc, a, joinedAt);
    expect(readTeam(doc).members.map((m) => m.memberId)).toEqual([b]);
    // Their observations keep their name.
    expect(readMemberNames(doc)).toEqual(
      new Map([
        [a, 'Zeynep'],
        [b, 'Anouk'],
      ]),
    );
  });

  it('skips and counts malformed member entries written by a peer', () => {
    const doc = new Y.Doc();
    const members = doc.getMap(TEAM_MEMBERS);
    members.set('not-an-id', { displayName: 'X', role: 'teacher', joinedAt, removedAt: null });
    members.set(newMemberId(), { displayName: 'Y', role: 'headmaster', joinedAt });
    members.set(newMemberId() as MemberId, 'garbage');
    const team = readTeam(doc);
    expect(team.members).toEqual([]);
    expect(team.skipped).toBe(3);
  });
});
