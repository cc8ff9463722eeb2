import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newMemberId } from '../../../src/model/ids.ts';
import { initTeamDoc, readTeam, setTeamName, TEAM_META } from '../../../src/model/teamDoc.ts';

const createdAt = '2026-11-26T08:00:00.000Z';

describe('teamDoc', () => {
  it('keeps the team name at meta.name, readable by any Yjs client', () => {
    const doc = new Y.Doc();
    initTeamDoc(doc, { name: 'Rekenen groep 6', createdAt });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(other.getMap(TEAM_META).get('name')).toBe('Rekenen groep 6');
  });

  it('initializes idempotently without overwriting a name', () => {
    const doc = new Y.Doc();
    initTeamDoc(doc, { name: 'A', createdAt });
    setTeamName(doc, 'B');
    initTeamDoc(doc, { name: 'A', createdAt });
    expect(readTeam(doc)).toEqual({ name: 'B', schemaVersion: 1 });
  });

  it('refuses empty or overlong names', () => {
    const doc = new Y.Doc();
    expect(() => setTeamName(doc, '   ')).toThrow(RangeError);
    expect(() => setTeamName(doc, 'x'.repeat(121))).toThrow(RangeError);
  });

  it('ignores the members a team document of an earlier version (or a forger) holds', () => {
    const doc = new Y.Doc();
    initTeamDoc(doc, { name: 'A', createdAt });
    doc.getMap('members').set(newMemberId(), {
      displayName: 'Zeynep',
      role: 'facilitator',
      joinedAt: createdAt,
      removedAt: null,
    });
    expect(readTeam(doc)).toEqual({ name: 'A', schemaVersion: 1 });
  });
});
