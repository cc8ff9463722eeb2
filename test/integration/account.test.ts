import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { CLOSE_REVOKED } from '../../src/model/apiErrors.ts';
import { rosterDocName, teamScopedDocName } from '../../src/model/docName.ts';
import { newDocId } from '../../src/model/ids.ts';
import { readRoster } from '../../src/model/roster.ts';
import {
  api,
  createInvite,
  createTeam,
  isSettled,
  joinTeam,
  newProvider,
  startTestServer,
  waitFor,
} from './helpers.ts';

/** A name that occurs nowhere else, so finding its bytes means it was kept. */
const NAME = 'Bram Verstappen-Zuid';

/** Every stored byte of a document (snapshot and update log) as one Latin-1 string. */
function storedBytes(dbPath: string, name: string): string {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    const rows = [
      ...db.prepare('SELECT state AS data FROM doc_snapshots WHERE name = ?').all(name),
      ...db.prepare('SELECT data FROM doc_updates WHERE name = ?').all(name),
    ];
    return rows
      .map((row) =>
        row.data instanceof Uint8Array ? Buffer.from(row.data).toString('latin1') : '',
      )
      .join('|');
  } finally {
    db.close();
  }
}

async function teamOfThree(url: string) {
  const owner = await createTeam(url, { displayName: 'Ans' });
  const bram = await joinTeam(url, (await createInvite(url, owner)).code, NAME);
  const carla = await joinTeam(url, (await createInvite(url, owner)).code, 'Carla');
  return { owner, bram, carla };
}

describe('My data: what the server holds about a member, and deleting their account', () => {
  it('exports what the server holds about the caller, and nobody else', async () => {
    const { url } = await startTestServer();
    const { owner, bram } = await teamOfThree(url);
    const invite = await createInvite(url, bram);

    const mine = await api(url, 'GET', `/api/teams/${owner.teamId}/me`, { token: bram.token });
    expect(mine.status).toBe(200);
    expect(mine.body.team).toMatchObject({ teamId: owner.teamId, name: 'Rekenen groep 5' });
    expect(mine.body.member).toMatchObject({
      memberId: bram.memberId,
      displayName: NAME,
      role: 'teacher',
      createdTeam: false,
    });
    expect(mine.body.tokens).toHaveLength(1);
    expect(mine.body.tokens[0].revokedAt).toBeNull();
    expect(JSON.stringify(mine.body)).not.toContain(bram.token);
    expect(mine.body.invitesCreated.map((i: { inviteId: string }) => i.inviteId)).toEqual([
      invite.inviteId,
    ]);
    expect(JSON.stringify(mine.body)).not.toContain(invite.code);

    const owners = await api(url, 'GET', `/api/teams/${owner.teamId}/me`, { token: owner.token });
    expect(owners.body.member).toMatchObject({ displayName: 'Ans', createdTeam: true });
    expect(owners.body.invitesCreated).toHaveLength(2);
    expect((await api(url, 'GET', `/api/teams/${owner.teamId}/me`)).status).toBe(401);
  });

  it('forgets tokens, membership and name; the team keeps the contributions under a neutral label', async () => {
    const { url, wsUrl, server } = await startTestServer();
    const { owner, bram, carla } = await teamOfThree(url);
    const invite = await createInvite(url, bram);
    const cycleName = teamScopedDocName(owner.teamId, newDocId());
    const rosterName = rosterDocName(owner.teamId);

    // Bram works in a cycle and, like earlier versions did, puts his name in the team document.
    const bramCycle = newProvider(wsUrl, { name: cycleName, token: bram.token });
    const bramTeam = newProvider(wsUrl, { name: owner.teamId, token: bram.token });
    bramCycle.doc.getArray('obs:run1:bram').push([{ kind: 'tally', item: 'i1' }]);
    bramTeam.doc.getMap('members').set(bram.memberId, { displayName: NAME, role: 'teacher' });
    // The others are connected throughout, the way colleagues' devices are.
    const ownerRoster = newProvider(wsUrl, { name: rosterName, token: owner.token });
    const ownerTeam = newProvider(wsUrl, { name: owner.teamId, token: owner.token });
    const carlaCycle = newProvider(wsUrl, { name: cycleName, token: carla.token });
    await waitFor(() => {
      for (const client of [bramCycle, bramTeam, ownerRoster, ownerTeam, carlaCycle])
        expect(isSettled(client)).toBe(true);
      expect(readRoster(ownerRoster.doc).names.get(bram.memberId)).toBe(NAME);
      expect(carlaCycle.doc.getArray('obs:run1:bram').length).toBe(1);
    });
    expect(storedBytes(server.dbPath, rosterName)).toContain(NAME);
    expect(storedBytes(server.dbPath, owner.teamId)).toContain(NAME);

    const erased = await api(url, 'DELETE', `/api/teams/${owner.teamId}/me`, { token: bram.token });
    expect(erased.status).toBe(204);

    // Bram's token is refused everywhere, his open connections closed, a new one denied.
    await waitFor(() => {
      expect(bramCycle.closeCodes).toContain(CLOSE_REVOKED);
      expect(bramCycle.denials).toContain('token-invalid');
    });
    for (const path of [`/api/teams/${owner.teamId}/me`, `/api/teams/${owner.teamId}/invites`]) {
      expect((await api(url, 'GET', path, { token: bram.token })).status).toBe(401);
    }
    const again = newProvider(wsUrl, { name: owner.teamId, token: bram.token });
    await waitFor(() => expect(again.denials).toContain('token-invalid'));
    // His invite no longer lets anyone in.
    const preview = await api(url, 'POST', '/api/invites/preview', { body: { code: invite.code } });
    expect(preview.status).not.toBe(200);

    // Colleagues see a neutral label where his name was, and his observations stay.
    await waitFor(() => {
      const roster = readRoster(ownerRoster.doc, (n) => `Oud-lid ${n}`);
      expect(roster.names.get(bram.memberId)).toBe('Oud-lid 1');
      expect(roster.members.map((m) => m.displayName).sort()).toEqual(['Ans', 'Carla']);
      expect(ownerTeam.doc.getMap('members').has(bram.memberId)).toBe(false);
    });
    expect(JSON.stringify(ownerRoster.doc.getMap('members').toJSON())).not.toContain(NAME);
    expect(carlaCycle.doc.getArray('obs:run1:bram').length).toBe(1);

    // The server keeps his name nowhere: not in its tables, not in the stored history.
    const db = new DatabaseSync(server.dbPath, { readOnly: true });
    try {
      const row = db
        .prepare('SELECT display_name, removed_at, erased_at FROM members WHERE id = ?')
        .get(bram.memberId);
      expect(row?.display_name).toBe('');
      expect(row?.removed_at).not.toBeNull();
      expect(row?.erased_at).not.toBeNull();
      expect(db.prepare('SELECT * FROM tokens WHERE member_id = ?').all(bram.memberId)).toEqual([]);
    } finally {
      db.close();
    }
    expect(storedBytes(server.dbPath, rosterName)).not.toContain(NAME);
    expect(storedBytes(server.dbPath, owner.teamId)).not.toContain(NAME);

    // Everyone else carries on as before.
    carlaCycle.doc.getMap('plan').set('after', true);
    const ownerCycle = newProvider(wsUrl, { name: cycleName, token: owner.token });
    await waitFor(() => {
      expect(isSettled(carlaCycle) && isSettled(ownerCycle)).toBe(true);
      expect(ownerCycle.doc.getMap('plan').get('after')).toBe(true);
    });
    expect(ownerCycle.denials).toEqual([]);
    for (const member of [owner, carla]) {
      const me = await api(url, 'GET', `/api/teams/${owner.teamId}/me`, { token: member.token });
      expect(me.status).toBe(200);
    }
  });

  it('asks the last facilitator to hand the role over first, unless they are alone', async () => {
    const { url } = await startTestServer();
    const { owner, bram } = await teamOfThree(url);
    const refused = await api(url, 'DELETE', `/api/teams/${owner.teamId}/me`, {
      token: owner.token,
    });
    expect(refused.status).toBe(409);
    expect(
      (await api(url, 'GET', `/api/teams/${owner.teamId}/me`, { token: owner.token })).status,
    ).toBe(200);
    const promoted = await api(
      url,
      'PATCH',
      `/api/teams/${owner.teamId}/members/${bram.memberId}`,
      {
        token: owner.token,
        body: { role: 'facilitator' },
      },
    );
    expect(promoted.status).toBe(200);
    expect(
      (await api(url, 'DELETE', `/api/teams/${owner.teamId}/me`, { token: owner.token })).status,
    ).toBe(204);

    const alone = await createTeam(url, { displayName: 'Dirk' });
    expect(
      (await api(url, 'DELETE', `/api/teams/${alone.teamId}/me`, { token: alone.token })).status,
    ).toBe(204);
  });
});
