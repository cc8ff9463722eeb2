import { beforeEach, describe, expect, it } from 'vitest';
import { newMemberId, newTeamId, type TeamId } from '../../../src/model/ids.ts';
import { db } from '../../../src/store/db.ts';
import {
  deleteMembership,
  getMembership,
  type LocalMembership,
  listMemberships,
  putMembership,
  updateMembership,
} from '../../../src/store/memberships.ts';

function membership(overrides: Partial<LocalMembership> = {}): LocalMembership {
  return {
    teamId: newTeamId(),
    memberId: newMemberId(),
    displayName: 'Anna',
    role: 'teacher',
    teamName: 'PLG rekenen',
    token: 'token-1',
    creatorKey: null,
    status: 'active',
    createdAt: '2025-01-01T10:00:00.000Z',
    lastOpenedAt: null,
    ...overrides,
  };
}

describe('memberships', () => {
  beforeEach(async () => {
    await db.memberships.clear();
  });

  it('stores and reads back a membership', async () => {
    const m = membership();
    await putMembership(m);
    expect(await getMembership(m.teamId)).toEqual(m);
  });

  it('returns undefined for an unknown team', async () => {
    expect(await getMembership(newTeamId())).toBeUndefined();
  });

  it('lists memberships oldest first', async () => {
    const late = membership({ createdAt: '2025-03-01T00:00:00.000Z', teamName: 'B' });
    const early = membership({ createdAt: '2025-02-01T00:00:00.000Z', teamName: 'A' });
    await putMembership(late);
    await putMembership(early);
    expect((await listMemberships()).map((m) => m.teamName)).toEqual(['A', 'B']);
  });

  it('patches fields and keeps the others', async () => {
    const m = membership({ status: 'pending', token: null });
    await putMembership(m);
    await updateMembership(m.teamId, { status: 'active', token: 'secret' });
    expect(await getMembership(m.teamId)).toEqual({ ...m, status: 'active', token: 'secret' });
  });

  it('never changes the key and never creates a membership on update', async () => {
    const m = membership();
    await putMembership(m);
    await updateMembership(m.teamId, { teamId: 'zzzzzzzzzzzzzzzz' as TeamId, teamName: 'X' });
    expect((await getMembership(m.teamId))?.teamName).toBe('X');
    const missing = newTeamId();
    await updateMembership(missing, { teamName: 'Y' });
    expect(await getMembership(missing)).toBeUndefined();
  });

  it('deletes a membership', async () => {
    const m = membership();
    await putMembership(m);
    await deleteMembership(m.teamId);
    expect(await listMemberships()).toEqual([]);
  });
});
