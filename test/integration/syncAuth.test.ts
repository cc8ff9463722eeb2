import { describe, expect, it } from 'vitest';
import { CLOSE_REVOKED } from '../../src/model/apiErrors.ts';
import { rosterDocName, teamScopedDocName } from '../../src/model/docName.ts';
import { newDocId } from '../../src/model/ids.ts';
import { readRoster } from '../../src/model/roster.ts';
import {
  api,
  createTeam,
  isSettled,
  newProvider,
  startTestServer,
  teamWithMember,
  waitFor,
} from './helpers.ts';

describe('sync onAuthenticate: only a current member of the team a document belongs to gets in', () => {
  it('refuses a missing token', async () => {
    const { url, wsUrl } = await startTestServer();
    const owner = await createTeam(url);
    const client = newProvider(wsUrl, { name: owner.teamId, token: null });
    await waitFor(() => expect(client.denials).toContain('token-missing'));
    expect(client.provider.isSynced).toBe(false);
  });

  it('refuses an unknown token', async () => {
    const { url, wsUrl } = await startTestServer();
    const owner = await createTeam(url);
    const client = newProvider(wsUrl, { name: owner.teamId, token: 'not-a-real-token' });
    await waitFor(() => expect(client.denials).toContain('token-invalid'));
  });

  it("refuses another team's token, also for a team whose id shares a prefix", async () => {
    const { url, wsUrl } = await startTestServer();
    const mine = await createTeam(url);
    const other = await createTeam(url);
    const client = newProvider(wsUrl, {
      name: teamScopedDocName(other.teamId, newDocId()),
      token: mine.token,
    });
    await waitFor(() => expect(client.denials).toContain('wrong-team'));
    const prefixed = newProvider(wsUrl, { name: `${mine.teamId}x`, token: mine.token });
    await waitFor(() => expect(prefixed.denials).toContain('bad-document-name'));
  });

  it('refuses document names that are not <teamId> or <teamId>/<docId>', async () => {
    const { url, wsUrl } = await startTestServer();
    const owner = await createTeam(url);
    for (const name of [
      `${owner.teamId}/`,
      `${owner.teamId}/a/b`,
      'hello',
      `${owner.teamId}/../x`,
    ]) {
      const client = newProvider(wsUrl, { name, token: owner.token });
      await waitFor(() => expect(client.denials).toContain('bad-document-name'));
    }
  });

  it("closes a removed member's open connection and refuses the reconnect", async () => {
    const { url, wsUrl, server } = await startTestServer();
    const { owner, member } = await teamWithMember(url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const removed = newProvider(wsUrl, { name, token: member.token });
    const stays = newProvider(wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(removed) && isSettled(stays)).toBe(true));

    const response = await api(
      url,
      'DELETE',
      `/api/teams/${owner.teamId}/members/${member.memberId}`,
      {
        token: owner.token,
      },
    );
    expect(response.status).toBe(204);

    await waitFor(() => {
      expect(removed.closeCodes).toContain(CLOSE_REVOKED);
      expect(removed.denials).toContain('token-invalid');
    });
    // Edits the removed member makes now never reach the team.
    removed.doc.getMap('plan').set('sneaky', true);
    stays.doc.getMap('plan').set('after', true);
    await waitFor(() => expect(isSettled(stays)).toBe(true));
    expect(stays.doc.getMap('plan').get('sneaky')).toBeUndefined();
    const live = [...server.hocuspocus.documents.values()].flatMap((doc) => doc.getConnections());
    expect(
      live.some((c) => (c.context as { memberId?: string }).memberId === member.memberId),
    ).toBe(false);

    // Their token no longer works for the API either, and the roster marks them removed.
    const list = await api(url, 'GET', `/api/teams/${owner.teamId}/invites`, {
      token: member.token,
    });
    expect(list.status).toBe(401);
    const roster = newProvider(wsUrl, { name: rosterDocName(owner.teamId), token: owner.token });
    await waitFor(() => expect(isSettled(roster)).toBe(true));
    expect(readRoster(roster.doc).members.map((m) => m.memberId)).toEqual([owner.memberId]);
    expect(readRoster(roster.doc).names.get(member.memberId)).toBe(member.displayName);
  });

  it('applies a role change to open connections: a member demoted to guest becomes read-only', async () => {
    const { url, wsUrl } = await startTestServer();
    const { owner, member } = await teamWithMember(url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const client = newProvider(wsUrl, { name, token: member.token });
    await waitFor(() => expect(isSettled(client)).toBe(true));
    expect(client.provider.authorizedScope).toBe('read-write');

    const response = await api(
      url,
      'PATCH',
      `/api/teams/${owner.teamId}/members/${member.memberId}`,
      {
        token: owner.token,
        body: { role: 'guest' },
      },
    );
    expect(response.status).toBe(200);
    await waitFor(() => expect(client.provider.authorizedScope).toBe('readonly'));
  });
});
