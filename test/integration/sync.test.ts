import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rosterDocName, teamScopedDocName } from '../../src/model/docName.ts';
import { type DocId, newDocId, newId, newMemberId, newTeamId } from '../../src/model/ids.ts';
import { readRoster } from '../../src/model/roster.ts';
import { initTeamDoc, readTeam, setTeamName } from '../../src/model/teamDoc.ts';
import {
  createTeam,
  isSettled,
  newProvider,
  startTestServer,
  teamWithMember,
  waitFor,
} from './helpers.ts';

describe('sync server: offline edits merge without loss', () => {
  it('lets two members of a team converge on a cycle document', async () => {
    const { url, wsUrl } = await startTestServer();
    const { owner, member } = await teamWithMember(url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const a = newProvider(wsUrl, { name, token: owner.token });
    const b = newProvider(wsUrl, { name, token: member.token });
    await waitFor(() => expect(isSettled(a) && isSettled(b)).toBe(true));

    a.doc.getArray<string>('events').push(['a1']);
    b.doc.getMap('plan').set('goal', 'breuken vergelijken');
    await waitFor(() => {
      expect(b.doc.getArray('events').toArray()).toEqual(['a1']);
      expect(a.doc.getMap('plan').get('goal')).toBe('breuken vergelijken');
    });
  });

  it('merges concurrent edits made while one client was disconnected', async () => {
    const { url, wsUrl } = await startTestServer();
    const { owner, member } = await teamWithMember(url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const a = newProvider(wsUrl, { name, token: owner.token });
    const b = newProvider(wsUrl, { name, token: member.token });
    await waitFor(() => expect(isSettled(a) && isSettled(b)).toBe(true));

    b.socket.disconnect();
    await waitFor(() => expect(b.socket.status).toBe('disconnected'));
    for (let i = 0; i < 20; i++) {
      a.doc.getArray<string>(`observer-a`).push([`a${i}`]);
      b.doc.getArray<string>(`observer-b`).push([`b${i}`]);
    }
    a.doc.getMap('plan').set('title', 'from a');
    b.doc.getMap('plan').set('phase', 'from b');
    await waitFor(() => expect(isSettled(a)).toBe(true));

    await b.socket.connect();
    // b resends what it did offline as separate updates, which reach a one by one.
    await waitFor(() => {
      expect(isSettled(b)).toBe(true);
      expect(a.doc.getArray('observer-b').length).toBe(20);
      expect(b.doc.getArray('observer-a').length).toBe(20);
      expect(a.doc.getMap('plan').toJSON()).toEqual({ title: 'from a', phase: 'from b' });
    });
    expect(b.doc.getMap('plan').toJSON()).toEqual(a.doc.getMap('plan').toJSON());
  });

  it('writes the team document (name) and the roster (members) itself', async () => {
    const { url, wsUrl } = await startTestServer();
    const { owner, member } = await teamWithMember(url, 'coach');
    const client = newProvider(wsUrl, { name: owner.teamId, token: owner.token });
    const roster = newProvider(wsUrl, { name: rosterDocName(owner.teamId), token: member.token });
    await waitFor(() => expect(isSettled(client) && isSettled(roster)).toBe(true));
    expect(readTeam(client.doc).name).toBe(owner.teamName);
    expect(
      readRoster(roster.doc)
        .members.map((m) => [m.memberId, m.role])
        .sort(),
    ).toEqual(
      [
        [owner.memberId, 'facilitator'],
        [member.memberId, 'coach'],
      ].sort(),
    );
  });

  it("keeps a rename the creator's device made before its first sync", async () => {
    // The device names the team in its own document and registers it afterwards; a rename made
    // before that document first reached the server must win over anything the server wrote.
    // Twelve teams: a concurrent write by the server would win about half of them.
    const { url, wsUrl } = await startTestServer();
    for (let attempt = 0; attempt < 12; attempt++) {
      const teamId = newTeamId();
      const doc = new Y.Doc();
      initTeamDoc(doc, { name: 'Taal groep 6', createdAt: new Date().toISOString() });
      const owner = await createTeam(url, {
        name: 'Taal groep 6',
        teamId,
        memberId: newMemberId(),
        creatorKey: `${newId()}${newId()}`,
      });
      setTeamName(doc, 'Taal en lezen groep 6');
      const client = newProvider(wsUrl, { name: teamId, token: owner.token, doc });
      await waitFor(() => expect(isSettled(client)).toBe(true));
      const reader = newProvider(wsUrl, { name: teamId, token: owner.token });
      await waitFor(() => expect(isSettled(reader)).toBe(true));
      expect(readTeam(reader.doc).name).toBe('Taal en lezen groep 6');
      expect(readTeam(client.doc).name).toBe('Taal en lezen groep 6');
      client.destroy();
      reader.destroy();
    }
  });

  it('gives a guest a read-only connection whose edits never reach others', async () => {
    const { url, wsUrl } = await startTestServer();
    const { owner, member: guest } = await teamWithMember(url, 'guest');
    const name = teamScopedDocName(owner.teamId, newDocId() as DocId);
    const writer = newProvider(wsUrl, { name, token: owner.token });
    const reader = newProvider(wsUrl, { name, token: guest.token });
    await waitFor(() => {
      expect(isSettled(writer)).toBe(true);
      expect(reader.provider.authorizedScope).toBe('readonly');
    });

    writer.doc.getMap('plan').set('goal', 'shared');
    await waitFor(() => expect(reader.doc.getMap('plan').get('goal')).toBe('shared'));

    reader.doc.getMap('plan').set('goal', 'guest edit');
    await waitFor(() => expect(reader.provider.unsyncedChanges).toBeGreaterThan(0));
    writer.doc.getMap('plan').set('after', 'x');
    await waitFor(() => expect(reader.doc.getMap('plan').get('after')).toBe('x'));
    expect(writer.doc.getMap('plan').get('goal')).toBe('shared');
  });
});
