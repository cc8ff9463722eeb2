import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { RunId } from '../../../src/model/cycleTypes.ts';
import { rosterDocName } from '../../../src/model/docName.ts';
import type { ObservationEvent } from '../../../src/model/eventLog.ts';
import {
  newDocId,
  newInviteId,
  newMemberId,
  newTeamId,
  type TeamId,
} from '../../../src/model/ids.ts';
import { readTeam } from '../../../src/model/teamDoc.ts';
import { db } from '../../../src/store/db.ts';
import { listLocalInvites, putLocalInvite } from '../../../src/store/localInvites.ts';
import { getMembership, listMemberships } from '../../../src/store/memberships.ts';
import { addLocalPhoto } from '../../../src/store/photos.ts';
import { getPupilNames, setPupilName } from '../../../src/store/pupilNames.ts';
import { ApiError } from '../../../src/sync/api.ts';
import { getDocConnection } from '../../../src/sync/connectionState.ts';
import { closeAllDocs, openSession, releaseSession } from '../../../src/sync/docSession.ts';
import { configureServer } from '../../../src/sync/serverUrl.ts';
import {
  createTeamLocally,
  joinTeam,
  leaveTeam,
  registerPendingTeams,
  startRegistrationLoop,
} from '../../../src/sync/teams.ts';
import { type FakeHandler, type FakeRequest, fakeApi, json, offline } from './fakeServer.ts';

/** Answers POST /api/teams like the server: the membership with a token. */
const registers: FakeHandler = (req) => {
  const body = req.body as Record<string, string>;
  return json(201, {
    teamId: body.teamId,
    memberId: body.memberId,
    token: `token-${body.teamId}`,
    role: 'facilitator',
    teamName: body.name,
    displayName: body.displayName,
  });
};

async function readStoredTeam(teamId: TeamId) {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`y:${teamId}`, doc);
  await persistence.whenSynced;
  const team = { ...readTeam(doc), membersWritten: doc.getMap('members').size };
  await persistence.destroy();
  doc.destroy();
  return team;
}

function databaseExists(name: string): Promise<boolean> {
  return indexedDB.databases().then((all) => all.some((d) => d.name === name));
}

const teamPosts = (requests: FakeRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.path === '/api/teams');

describe('team lifecycle', () => {
  beforeEach(async () => {
    await db.memberships.clear();
    await db.localInvites.clear();
  });
  afterEach(async () => {
    await closeAllDocs();
    configureServer({});
  });

  it('creates a team offline as pending, with its team document stored', async () => {
    const { requests } = fakeApi(offline);
    const created = await createTeamLocally({ name: '  PLG rekenen ', displayName: 'Anna' });
    await registerPendingTeams();

    expect(created).toMatchObject({
      teamName: 'PLG rekenen',
      displayName: 'Anna',
      role: 'facilitator',
      status: 'pending',
      token: null,
    });
    expect(created.creatorKey?.length).toBeGreaterThanOrEqual(16);
    expect(await getMembership(created.teamId)).toEqual(created);
    expect(teamPosts(requests).length).toBeGreaterThan(0);

    const team = await readStoredTeam(created.teamId);
    expect(team.name).toBe('PLG rekenen');
    // Members are the server's to write, in the roster; the team page shows the membership meanwhile.
    expect(team.membersWritten).toBe(0);
  });

  it('rejects an empty team name', async () => {
    fakeApi(offline);
    await expect(createTeamLocally({ name: '  ', displayName: 'Anna' })).rejects.toMatchObject({
      code: 'bad_request',
    });
    expect(await listMemberships()).toEqual([]);
  });

  it('registers a pending team once the server answers, idempotently', async () => {
    fakeApi(offline);
    const created = await createTeamLocally({ name: 'PLG', displayName: 'Anna' });
    await registerPendingTeams();

    const { requests } = fakeApi(registers);
    await Promise.all([registerPendingTeams(), registerPendingTeams()]);
    const posts = teamPosts(requests);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({
      name: 'PLG',
      displayName: 'Anna',
      teamId: created.teamId,
      memberId: created.memberId,
      creatorKey: created.creatorKey,
    });
    expect(await getMembership(created.teamId)).toMatchObject({
      status: 'active',
      token: `token-${created.teamId}`,
      registrationError: null,
    });

    await registerPendingTeams();
    expect(teamPosts(requests)).toHaveLength(1);
  });

  it('keeps a refused registration pending with its error and stops retrying', async () => {
    fakeApi(offline);
    const created = await createTeamLocally({ name: 'PLG', displayName: 'Anna' });
    await registerPendingTeams();
    const { requests } = fakeApi(() =>
      json(409, { error: { code: 'conflict', message: 'taken' } }),
    );
    await registerPendingTeams();
    expect(await getMembership(created.teamId)).toMatchObject({
      status: 'pending',
      registrationError: 'conflict',
    });
    await registerPendingTeams();
    expect(teamPosts(requests)).toHaveLength(1);
  });

  it('connects an open team document once its team is registered', async () => {
    fakeApi(offline);
    const created = await createTeamLocally({ name: 'PLG', displayName: 'Anna' });
    await registerPendingTeams();
    const session = openSession(created.teamId);
    await session.whenLoaded;
    await expect.poll(() => getDocConnection(created.teamId)).toEqual({ kind: 'local-only' });
    expect(session.connected).toBe(false);
    expect(readTeam(session.doc).name).toBe('PLG');

    fakeApi(registers);
    await registerPendingTeams();
    expect(session.connected).toBe(true);
    expect(getDocConnection(created.teamId)).toMatchObject({ kind: 'remote', denied: false });
    releaseSession(session);
  });

  it('joins a team with an invite link and stores the active membership', async () => {
    const teamId = newTeamId();
    const memberId = newMemberId();
    const { requests } = fakeApi(() =>
      json(201, {
        teamId,
        memberId,
        token: 'tok',
        role: 'teacher',
        teamName: 'PLG',
        displayName: 'Bram',
      }),
    );
    const joined = await joinTeam('https://leskring.test/join#abcde-fghjk', 'Bram');
    expect(requests[0]).toMatchObject({
      path: '/api/join',
      body: { code: 'ABCDEFGHJK', displayName: 'Bram' },
    });
    expect(joined).toMatchObject({
      teamId,
      memberId,
      status: 'active',
      token: 'tok',
      role: 'teacher',
    });
    expect(await getMembership(teamId)).toEqual(joined);
  });

  it('stores nothing when joining fails', async () => {
    fakeApi(() => json(410, { error: { code: 'invite_expired', message: 'expired' } }));
    const error = await joinTeam('ABCDE-FGHJK', 'Bram').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invite_expired');
    expect(await listMemberships()).toEqual([]);
  });

  it('leaves a team: server membership, local membership, invites and documents', async () => {
    fakeApi(registers);
    const created = await createTeamLocally({ name: 'PLG', displayName: 'Anna' });
    await registerPendingTeams();
    const roster = openSession(rosterDocName(created.teamId));
    await roster.whenLoaded;
    await putLocalInvite({
      inviteId: newInviteId(),
      teamId: created.teamId,
      code: 'ABCDEFGHJK',
      role: 'teacher',
      expiresAt: '2030-01-01T00:00:00.000Z',
      singleUse: true,
    });
    expect(await databaseExists(`y:${created.teamId}`)).toBe(true);
    expect(await databaseExists(`y:${rosterDocName(created.teamId)}`)).toBe(true);

    const { requests } = fakeApi(() => new Response(null, { status: 204 }));
    await leaveTeam(created.teamId);
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'DELETE',
        path: `/api/teams/${created.teamId}/members/${created.memberId}`,
      }),
    ]);
    expect(await getMembership(created.teamId)).toBeUndefined();
    expect(await listLocalInvites(created.teamId)).toEqual([]);
    expect(await databaseExists(`y:${created.teamId}`)).toBe(false);
    expect(await databaseExists(`y:${rosterDocName(created.teamId)}`)).toBe(false);
    releaseSession(roster);
  });

  it("leaves none of the team's photos, real pupil names or journalled taps behind", async () => {
    fakeApi(registers);
    const created = await createTeamLocally({ name: 'PLG', displayName: 'Anna' });
    const other = await createTeamLocally({ name: 'Ander team', displayName: 'Anna' });
    const cycleId = newDocId();
    // The cycle's document on this device, as y-indexeddb keeps it.
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(`y:${created.teamId}/${cycleId}`);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    const png = new Uint8Array(64).fill(1);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await addLocalPhoto(created.teamId, cycleId, new Blob([png], { type: 'image/png' }));
    await addLocalPhoto(other.teamId, newDocId(), new Blob([png], { type: 'image/png' }));
    await setPupilName(cycleId, 'pvp1000000000000', 'Sam de Vries');
    await db.eventJournal.put({
      id: 'evt0000000000001',
      docName: `${created.teamId}/${cycleId}`,
      runId: 'rvn0000000000000' as RunId,
      event: {} as ObservationEvent,
    });

    fakeApi(offline);
    await leaveTeam(created.teamId);
    expect((await db.photos.toArray()).map((photo) => photo.teamId)).toEqual([other.teamId]);
    expect((await getPupilNames(cycleId)).size).toBe(0);
    expect(await db.eventJournal.count()).toBe(0);
  });

  it('leaves a team locally when the server cannot be reached', async () => {
    fakeApi(registers);
    const created = await createTeamLocally({ name: 'PLG', displayName: 'Anna' });
    await registerPendingTeams();
    fakeApi(offline);
    await leaveTeam(created.teamId);
    expect(await getMembership(created.teamId)).toBeUndefined();
  });

  it('registers when the browser comes back online while the loop runs', async () => {
    const win = new EventTarget();
    vi.stubGlobal('window', win);
    try {
      fakeApi(offline);
      const created = await createTeamLocally({ name: 'PLG', displayName: 'Anna' });
      const stop = startRegistrationLoop();
      await registerPendingTeams();
      expect((await getMembership(created.teamId))?.status).toBe('pending');

      fakeApi(registers);
      win.dispatchEvent(new Event('online'));
      await expect.poll(async () => (await getMembership(created.teamId))?.status).toBe('active');
      stop();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
