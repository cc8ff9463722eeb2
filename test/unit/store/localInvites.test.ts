import { beforeEach, describe, expect, it } from 'vitest';
import { newInviteId, newTeamId } from '../../../src/model/ids.ts';
import { db } from '../../../src/store/db.ts';
import {
  deleteLocalInvite,
  deleteLocalInvitesOfTeam,
  type LocalInvite,
  listLocalInvites,
  putLocalInvite,
} from '../../../src/store/localInvites.ts';

const teamA = newTeamId();
const teamB = newTeamId();

function invite(overrides: Partial<LocalInvite> = {}): LocalInvite {
  return {
    inviteId: newInviteId(),
    teamId: teamA,
    code: 'ABCDEFGHJK',
    role: 'teacher',
    expiresAt: '2025-01-08T00:00:00.000Z',
    singleUse: false,
    ...overrides,
  };
}

describe('localInvites', () => {
  beforeEach(async () => {
    await db.localInvites.clear();
  });

  it("lists only the team's invites, soonest expiring first", async () => {
    const later = invite({ expiresAt: '2025-02-01T00:00:00.000Z' });
    const sooner = invite({ expiresAt: '2025-01-02T00:00:00.000Z' });
    await putLocalInvite(later);
    await putLocalInvite(sooner);
    await putLocalInvite(invite({ teamId: teamB }));
    expect(await listLocalInvites(teamA)).toEqual([sooner, later]);
  });

  it('deletes one invite or all invites of a team', async () => {
    const a = invite();
    const b = invite();
    const c = invite({ teamId: teamB });
    await Promise.all([putLocalInvite(a), putLocalInvite(b), putLocalInvite(c)]);
    await deleteLocalInvite(a.inviteId);
    expect(await listLocalInvites(teamA)).toEqual([b]);
    await deleteLocalInvitesOfTeam(teamA);
    expect(await listLocalInvites(teamA)).toEqual([]);
    expect(await listLocalInvites(teamB)).toEqual([c]);
  });
});
