import { describe, expect, it } from 'vitest';
import {
  belongsToTeam,
  docNameOf,
  parseDocName,
  teamDocName,
  teamScopedDocName,
} from '../../../src/model/docName.ts';
import { type DocId, newDocId, newTeamId, type TeamId } from '../../../src/model/ids.ts';

describe('docName', () => {
  const teamId = newTeamId();
  const docId = newDocId();

  it('round-trips team and team-scoped document names', () => {
    expect(parseDocName(teamDocName(teamId))).toEqual({ teamId, docId: null });
    expect(parseDocName(teamScopedDocName(teamId, docId))).toEqual({ teamId, docId });
    expect(docNameOf({ teamId, docId })).toBe(`${teamId}/${docId}`);
  });

  it('rejects other shapes', () => {
    for (const name of [
      '',
      '/',
      `${teamId}/`,
      `/${docId}`,
      `${teamId}/${docId}/x`,
      'x',
      `${teamId}x`,
    ]) {
      expect(parseDocName(name), name).toBeNull();
    }
  });

  it('matches the team exactly, not by string prefix', () => {
    const team1 = '0000000000000001' as TeamId;
    const team10 = '0000000000000001'.slice(0, 15).concat('0') as TeamId;
    expect(belongsToTeam(`${team1}/${docId}`, team1)).toBe(true);
    expect(belongsToTeam(`${team10}/${docId}`, team1)).toBe(false);
    expect(belongsToTeam(`${team1}0/${docId as DocId}`, team1)).toBe(false);
  });
});
