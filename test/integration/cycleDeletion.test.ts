import { createHash, randomBytes } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import {
  MessageType,
  type onOutgoingMessageParameters,
  WebSocketStatus,
} from '@hocuspocus/provider';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tombstoneDocument } from '../../server/services/deletedDocuments.ts';
import { ROSTER_DOC_ID, rosterDocName, teamScopedDocName } from '../../src/model/docName.ts';
import { type DocId, newDocId } from '../../src/model/ids.ts';
import {
  DOCUMENT_DELETED_REASON,
  readCycleTombstone,
  readDeletedCycleIds,
} from '../../src/model/roster.ts';
import { putCycleSummary, readCycleSummaries, TEAM_CYCLES } from '../../src/model/teamDoc.ts';
import {
  api,
  createInvite,
  createTeam,
  isSettled,
  joinTeam,
  type Membership,
  newProvider,
  readStoredDoc,
  startTestServer,
  storedRows,
  syncCycleDoc,
  teamWithMember,
  waitFor,
} from './helpers.ts';

const CLOSE_DOCUMENT_DELETED = 4410;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const jpeg = () =>
  new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]));

function deleteCycle(
  url: string,
  member: Pick<Membership, 'teamId'>,
  cycleId: string,
  token?: string,
) {
  return api(url, 'DELETE', `/api/teams/${member.teamId}/cycles/${cycleId}`, {
    ...(token === undefined ? {} : { token }),
  });
}

async function upload(
  url: string,
  member: Membership,
  cycleId: string,
  bytes: Uint8Array<ArrayBuffer>,
) {
  const response = await fetch(`${url}/api/teams/${member.teamId}/photos?cycle=${cycleId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${member.token}`, 'content-type': 'image/jpeg' },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

function download(url: string, member: Membership, hash: string) {
  return fetch(`${url}/api/teams/${member.teamId}/photos/${hash}`, {
    headers: { authorization: `Bearer ${member.token}` },
  });
}

/** Rows the server keeps of a document: update log plus snapshot. */
function rowsOf(dbPath: string, name: string): number {
  const { updates, snapshots } = storedRows(dbPath, name);
  return updates + snapshots;
}

describe('DELETE /api/teams/:teamId/cycles/:cycleId', () => {
  it('deletes the document for everyone: a connected colleague is dropped and cannot put it back', async () => {
    const { url, wsUrl, server } = await startTestServer();
    const { owner, member } = await teamWithMember(url);
    const cycleId = newDocId();
    const name = teamScopedDocName(owner.teamId, cycleId);

    const facilitator = newProvider(wsUrl, { name, token: owner.token });
    const colleague = newProvider(wsUrl, { name, token: member.token });
    facilitator.doc.getMap('meta').set('title', 'Breuken vergelijken');
    await waitFor(() => expect(isSettled(facilitator) && isSettled(colleague)).toBe(true));
    await waitFor(() =>
      expect(colleague.doc.getMap('meta').get('title')).toBe('Breuken vergelijken'),
    );
    const team = newProvider(wsUrl, { name: owner.teamId, token: owner.token });
    const roster = newProvider(wsUrl, { name: rosterDocName(owner.teamId), token: member.token });
    await waitFor(() => expect(isSettled(team) && isSettled(roster)).toBe(true));
    putCycleSummary(team.doc, {
      cycleId: cycleId as DocId,
      title: 'Breuken vergelijken',
      stage: 'design',
      researchLessons: 1,
      runsTaught: 0,
      lastActivityAt: '2025-01-01T00:00:00.000Z',
      createdAt: '2025-01-01T00:00:00.000Z',
      lessonsTaught: 0,
      lessonMinutes: 50,
      baselines: [],
      activities: [],
      measures: [],
    });
    await waitFor(() => expect(isSettled(team)).toBe(true));
    expect(rowsOf(server.dbPath, name)).toBeGreaterThan(0);

    const response = await deleteCycle(url, owner, cycleId, owner.token);
    expect(response.status).toBe(204);

    // The colleague's socket is closed, the reconnect is refused with a reason the client knows.
    await waitFor(() => {
      expect(colleague.closeCodes).toContain(CLOSE_DOCUMENT_DELETED);
      expect(colleague.denials).toContain(DOCUMENT_DELETED_REASON);
      expect(facilitator.denials).toContain(DOCUMENT_DELETED_REASON);
    });
    // Its copy (with an edit made afterwards) never reaches the server again. The provider
    // still holds an open socket and sends the edit on it; then it authenticates once more on
    // that socket, as it does on every reconnect. The server handles one socket's messages in
    // order, so this second refusal comes after it dealt with the edit: had it still served the
    // document on that socket, it would have stored and acknowledged the edit and answered the
    // token without a refusal.
    const refusedBefore = colleague.denials.length;
    const unacknowledgedBefore = colleague.provider.unsyncedChanges;
    const sent: Array<MessageType | undefined> = [];
    colleague.provider.on('outgoingMessage', ({ message }: onOutgoingMessageParameters) => {
      sent.push(message.type);
    });
    colleague.doc.getMap('meta').set('title', 'Toch nog bewerkt');
    expect(sent).toEqual([MessageType.Sync]);
    expect(colleague.socket.status).toBe(WebSocketStatus.Connected);
    await colleague.provider.sendToken();
    await waitFor(() => expect(colleague.denials).toHaveLength(refusedBefore + 1));
    expect(colleague.denials.at(-1)).toBe(DOCUMENT_DELETED_REASON);
    expect(colleague.provider.unsyncedChanges).toBe(unacknowledgedBefore + 1);
    expect(rowsOf(server.dbPath, name)).toBe(0);
    expect(server.hocuspocus.documents.has(name)).toBe(false);

    // A device that kept an old copy offline and connects now is refused as well.
    const oldCopy = new Y.Doc();
    Y.applyUpdate(oldCopy, Y.encodeStateAsUpdate(colleague.doc));
    const late = newProvider(wsUrl, { name, token: member.token, doc: oldCopy });
    await waitFor(() => expect(late.denials).toContain(DOCUMENT_DELETED_REASON));
    expect(rowsOf(server.dbPath, name)).toBe(0);
    expect(readStoredDoc(server.dbPath, name).getMap('meta').size).toBe(0);

    // The roster carries the tombstone, and the team document lost the summary.
    await waitFor(() => {
      expect(readCycleTombstone(roster.doc, cycleId)).toMatchObject({ deletedBy: owner.memberId });
      expect(team.doc.getMap(TEAM_CYCLES).has(cycleId)).toBe(false);
      expect(readCycleSummaries(team.doc, readDeletedCycleIds(roster.doc))).toEqual([]);
    });
    // The colleague's other documents still work.
    const teamOfColleague = newProvider(wsUrl, { name: owner.teamId, token: member.token });
    await waitFor(() => expect(isSettled(teamOfColleague)).toBe(true));
  });

  it('keeps refusing the document after a restart', async () => {
    const first = await startTestServer();
    const owner = await createTeam(first.url);
    const cycleId = newDocId();
    const name = teamScopedDocName(owner.teamId, cycleId);
    const client = newProvider(first.wsUrl, { name, token: owner.token });
    client.doc.getMap('meta').set('title', 'x');
    await waitFor(() => expect(isSettled(client)).toBe(true));
    expect((await deleteCycle(first.url, owner, cycleId, owner.token)).status).toBe(204);
    client.destroy();
    await first.stop();
    // A row an instance stored after the tombstone and was killed before it heard of it.
    const file = new DatabaseSync(first.server.dbPath);
    file
      .prepare('INSERT INTO doc_updates (name, data) VALUES (?, ?)')
      .run(name, Y.encodeStateAsUpdate(client.doc));
    file.close();
    expect(rowsOf(first.server.dbPath, name)).toBe(1);

    const second = await startTestServer({ dataDir: first.dataDir });
    const again = newProvider(second.wsUrl, { name, token: owner.token, doc: client.doc });
    await waitFor(() => expect(again.denials).toContain(DOCUMENT_DELETED_REASON));
    expect(rowsOf(second.server.dbPath, name)).toBe(0);
  });

  it('removes what was stored of a cycle after its tombstone once the server learns of the deletion', async () => {
    const { url, wsUrl, server } = await startTestServer();
    const owner = await createTeam(url);
    const cycleId = newDocId();
    const name = teamScopedDocName(owner.teamId, cycleId);
    const client = newProvider(wsUrl, { name, token: owner.token });
    client.doc.getMap('meta').set('title', 'Breuken vergelijken');
    await waitFor(() => expect(isSettled(client)).toBe(true));

    // As another instance would: the tombstone, and then a row of an append that was under
    // way on a third instance when the deletion committed.
    await server.database.transaction((tx) =>
      tombstoneDocument(tx, {
        name,
        teamId: owner.teamId,
        deletedBy: owner.memberId,
        deletedAt: new Date().toISOString(),
        kind: 'cycle',
      }),
    );
    await server.database.run(
      'INSERT INTO doc_updates (name, data) VALUES (?, ?)',
      name,
      Y.encodeStateAsUpdate(client.doc),
    );
    expect(rowsOf(server.dbPath, name)).toBe(1);

    // This server has not been told; its next append meets the tombstone.
    client.doc.getMap('meta').set('title', 'Toch nog bewerkt');
    await waitFor(() => expect(client.closeCodes).toContain(CLOSE_DOCUMENT_DELETED));
    await waitFor(() => expect(rowsOf(server.dbPath, name)).toBe(0));
  });

  it("deletes the cycle's photos but keeps a photo another cycle also uses", async () => {
    const { url, wsUrl } = await startTestServer();
    const { owner, member } = await teamWithMember(url);
    const deleted = await syncCycleDoc(wsUrl, member);
    const kept = await syncCycleDoc(wsUrl, owner);
    const onlyHere = jpeg();
    const shared = jpeg();
    expect((await upload(url, member, deleted, onlyHere)).status).toBe(201);
    expect((await upload(url, member, deleted, shared)).status).toBe(201);
    expect((await upload(url, owner, kept, shared)).status).toBe(200);

    expect((await deleteCycle(url, owner, deleted, owner.token)).status).toBe(204);
    expect((await download(url, member, sha256(onlyHere))).status).toBe(404);
    expect((await download(url, member, sha256(shared))).status).toBe(200);

    // A device that still had a photo waiting for the deleted cycle is told it is gone.
    const late = await upload(url, member, deleted, jpeg());
    expect(late.status).toBe(404);
    expect(late.body.error?.code).toBe('not_found');
  });

  it('is idempotent', async () => {
    const { url } = await startTestServer();
    const owner = await createTeam(url);
    const cycleId = newDocId();
    expect((await deleteCycle(url, owner, cycleId, owner.token)).status).toBe(204);
    expect((await deleteCycle(url, owner, cycleId, owner.token)).status).toBe(204);
  });

  it('is for facilitators of the team only', async () => {
    const { url, wsUrl, server } = await startTestServer();
    const owner = await createTeam(url);
    const teacher = await joinTeam(url, (await createInvite(url, owner, { role: 'teacher' })).code);
    const coach = await joinTeam(url, (await createInvite(url, owner, { role: 'coach' })).code);
    const guest = await joinTeam(url, (await createInvite(url, owner, { role: 'guest' })).code);
    const otherTeam = await createTeam(url);
    const cycleId = newDocId();
    const name = teamScopedDocName(owner.teamId, cycleId);
    const client = newProvider(wsUrl, { name, token: owner.token });
    client.doc.getMap('meta').set('title', 'blijft');
    await waitFor(() => expect(isSettled(client)).toBe(true));

    for (const who of [teacher, coach, guest]) {
      const refused = await deleteCycle(url, owner, cycleId, who.token);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    const foreign = await deleteCycle(url, owner, cycleId, otherTeam.token);
    expect(foreign.status).toBe(403);
    expect((await deleteCycle(url, owner, cycleId)).status).toBe(401);
    expect((await deleteCycle(url, owner, cycleId, 'not-a-token')).status).toBe(401);
    const malformed = await deleteCycle(url, owner, 'not-a-cycle', owner.token);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_request');

    expect(client.denials).toEqual([]);
    expect(readStoredDoc(server.dbPath, name).getMap('meta').get('title')).toBe('blijft');
  });

  it('refuses to treat the roster as a cycle: no deletion, no photos', async () => {
    const { url, server } = await startTestServer();
    const owner = await createTeam(url);
    const refused = await deleteCycle(url, owner, ROSTER_DOC_ID, owner.token);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('bad_request');
    const photos = await api(
      url,
      'DELETE',
      `/api/teams/${owner.teamId}/cycles/${ROSTER_DOC_ID}/photos`,
      {
        token: owner.token,
      },
    );
    expect(photos.status).toBe(400);
    const upload = await fetch(`${url}/api/teams/${owner.teamId}/photos?cycle=${ROSTER_DOC_ID}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'image/jpeg' },
      body: jpeg(),
    });
    expect(upload.status).toBe(400);
    const db = new DatabaseSync(server.dbPath, { readOnly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM deleted_documents').get()?.n).toBe(0);
      expect(db.prepare('SELECT COUNT(*) AS n FROM photo_cycles').get()?.n).toBe(0);
    } finally {
      db.close();
    }
  });
});
