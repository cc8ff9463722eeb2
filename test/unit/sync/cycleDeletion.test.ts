import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CycleId, CycleSummary, RunId } from '../../../src/model/cycleTypes.ts';
import { teamScopedDocName } from '../../../src/model/docName.ts';
import { newDocId, newMemberId, newTeamId, type TeamId } from '../../../src/model/ids.ts';
import { writeRoster } from '../../../src/model/roster.ts';
import { putCycleSummary, TEAM_CYCLES } from '../../../src/model/teamDoc.ts';
import { db } from '../../../src/store/db.ts';
import type { LocalMembership } from '../../../src/store/memberships.ts';
import { addLocalPhoto, getPhoto } from '../../../src/store/photos.ts';
import { getPupilNames, setPupilName } from '../../../src/store/pupilNames.ts';
import {
  CycleDeleteError,
  deleteCycleForTeam,
  purgeDeletedCycles,
  purgeLocalCycle,
} from '../../../src/sync/commands/cycle.ts';
import {
  closeAllDocs,
  type DocSession,
  localDbName,
  openSession,
} from '../../../src/sync/docSession.ts';
import { configureServer } from '../../../src/sync/serverUrl.ts';
import { fakeApi, json, offline } from './fakeServer.ts';

function png(fill: number): Blob {
  const bytes = new Uint8Array(64).fill(fill);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Blob([bytes], { type: 'image/png' });
}

function membership(teamId: TeamId, patch: Partial<LocalMembership> = {}): LocalMembership {
  return {
    teamId,
    memberId: newMemberId(),
    displayName: 'Sanne',
    role: 'facilitator',
    teamName: 'PLG',
    token: 'token',
    creatorKey: null,
    status: 'active',
    createdAt: '2026-09-01T08:00:00.000Z',
    lastOpenedAt: null,
    ...patch,
  };
}

async function localDbExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((info) => info.name === name);
}

/** A y-indexeddb-like database for the document, as an open cycle leaves behind. */
async function createLocalDb(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('updates');
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

/** The team document's session, listing the cycle, as the team page opens it. */
async function teamDocListing(teamId: TeamId, cycleId: CycleId): Promise<DocSession> {
  const session = openSession(teamId);
  await session.whenLoaded;
  const summary: CycleSummary = {
    cycleId,
    title: 'Breuken',
    stage: 'design',
    researchLessons: 1,
    runsTaught: 0,
    lastActivityAt: '2026-09-02T08:00:00.000Z',
    createdAt: '2026-09-01T08:00:00.000Z',
    lessonsTaught: 0,
    lessonMinutes: 50,
    baselines: [],
    activities: [],
    measures: [],
  };
  await session.change((doc) => putCycleSummary(doc, summary));
  return session;
}

const listed = (team: DocSession, cycleId: CycleId) => team.doc.getMap(TEAM_CYCLES).has(cycleId);

/** Everything this device keeps of a cycle: photos (one shared with another cycle), names, journal, document. */
async function seed(teamId: TeamId, cycleId: CycleId, other: CycleId) {
  const docName = teamScopedDocName(teamId, cycleId);
  const only = await addLocalPhoto(teamId, cycleId, png(1));
  const shared = await addLocalPhoto(teamId, cycleId, png(2));
  await addLocalPhoto(teamId, other, png(2));
  await setPupilName(cycleId, 'p1', 'Fatima');
  await setPupilName(other, 'p1', 'Daan');
  const event = { id: 'e1' } as never;
  await db.eventJournal.put({ id: 'e1', docName, runId: 'r1' as RunId, event });
  await db.eventJournal.put({
    id: 'e2',
    docName: teamScopedDocName(teamId, other),
    runId: 'r1' as RunId,
    event,
  });
  await createLocalDb(localDbName(docName));
  return { docName, only, shared };
}

describe('deleting a cycle on this device', () => {
  let teamId: TeamId;
  let cycleId: CycleId;
  let other: CycleId;

  beforeEach(async () => {
    await Promise.all([db.photos.clear(), db.pupilNames.clear(), db.eventJournal.clear()]);
    teamId = newTeamId();
    cycleId = newDocId() as CycleId;
    other = newDocId() as CycleId;
  });
  afterEach(async () => {
    await closeAllDocs();
    configureServer({});
  });

  it('asks the server first, then drops the summary and removes only what the cycle alone used', async () => {
    const { docName, only, shared } = await seed(teamId, cycleId, other);
    const { requests } = fakeApi(() => new Response(null, { status: 204 }));
    const me = membership(teamId);
    const teamDoc = await teamDocListing(teamId, cycleId);

    await deleteCycleForTeam(me, cycleId, teamDoc);

    expect(requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['DELETE', `/api/teams/${teamId}/cycles/${cycleId}`, 'Bearer token'],
    ]);
    expect(listed(teamDoc, cycleId)).toBe(false);
    // The tombstone is the server's to write (in the roster); none goes into the team document.
    expect(teamDoc.doc.getMap('deletedCycles').size).toBe(0);
    expect(await getPhoto(teamId, only.hash)).toBeUndefined();
    expect((await getPhoto(teamId, shared.hash))?.cycleIds).toEqual([other]);
    expect((await getPupilNames(cycleId)).size).toBe(0);
    expect((await getPupilNames(other)).get('p1')).toBe('Daan');
    expect(await db.eventJournal.where('docName').equals(docName).count()).toBe(0);
    expect(await db.eventJournal.count()).toBe(1);
    expect(await localDbExists(localDbName(docName))).toBe(false);
  });

  it.each([
    ['offline', offline, 'offline'],
    ['a gateway without server', () => json(503, {}), 'offline'],
    ['a refusal', () => json(403, { error: { code: 'forbidden', message: 'no' } }), 'forbidden'],
    ['a server error', () => json(500, { error: { code: 'internal', message: 'oops' } }), 'failed'],
  ] as const)(
    'deletes nothing when the server cannot be asked (%s)',
    async (_name, handler, reason) => {
      const { docName, only } = await seed(teamId, cycleId, other);
      fakeApi(handler);
      const teamDoc = await teamDocListing(teamId, cycleId);
      const result = deleteCycleForTeam(membership(teamId), cycleId, teamDoc);
      await expect(result).rejects.toBeInstanceOf(CycleDeleteError);
      await expect(result).rejects.toMatchObject({ reason });
      expect(listed(teamDoc, cycleId)).toBe(true);
      expect(await getPhoto(teamId, only.hash)).toBeDefined();
      expect((await getPupilNames(cycleId)).size).toBe(1);
      expect(await db.eventJournal.where('docName').equals(docName).count()).toBe(1);
      expect(await localDbExists(localDbName(docName))).toBe(true);
    },
  );

  it('refuses anyone but a facilitator without asking the server', async () => {
    const { requests } = fakeApi(() => new Response(null, { status: 204 }));
    for (const role of ['teacher', 'coach', 'guest'] as const) {
      await expect(
        deleteCycleForTeam(membership(teamId, { role }), cycleId, null),
      ).rejects.toMatchObject({ reason: 'forbidden' });
    }
    await expect(
      deleteCycleForTeam(membership(teamId, { status: 'removed' }), cycleId, null),
    ).rejects.toMatchObject({ reason: 'forbidden' });
    expect(requests).toEqual([]);
  });

  it('deletes a cycle of a team not yet registered on this device alone', async () => {
    const { only } = await seed(teamId, cycleId, other);
    const { requests } = fakeApi(offline);
    const teamDoc = await teamDocListing(teamId, cycleId);
    const me = membership(teamId, { status: 'pending', token: null });
    await deleteCycleForTeam(me, cycleId, teamDoc);
    expect(requests).toEqual([]);
    expect(listed(teamDoc, cycleId)).toBe(false);
    expect(await getPhoto(teamId, only.hash)).toBeUndefined();
  });

  it('purges what a colleague deleted, once', async () => {
    const { docName, only } = await seed(teamId, cycleId, other);
    await purgeLocalCycle(teamId, cycleId);
    expect(await getPhoto(teamId, only.hash)).toBeUndefined();
    expect(await localDbExists(localDbName(docName))).toBe(false);
    await purgeLocalCycle(teamId, cycleId);
    expect(await localDbExists(localDbName(docName))).toBe(false);
  });

  it('purges nothing for a tombstone a teacher forged in the team document', async () => {
    const { docName, only } = await seed(teamId, cycleId, other);
    // The team document as a teacher's raw update leaves it: a tombstone for the cycle.
    const teamDoc = await teamDocListing(teamId, cycleId);
    teamDoc.doc.getMap('deletedCycles').set(cycleId, {
      deletedAt: '2026-10-01T08:00:00.000Z',
      deletedBy: newMemberId(),
    });
    // The server's roster knows of no deletion.
    const roster = new Y.Doc();
    writeRoster(roster, { members: [], deletedCycles: new Map() });

    await purgeDeletedCycles(teamId, roster);

    expect(await getPhoto(teamId, only.hash)).toBeDefined();
    expect((await getPupilNames(cycleId)).size).toBe(1);
    expect(await db.eventJournal.where('docName').equals(docName).count()).toBe(1);
    expect(await localDbExists(localDbName(docName))).toBe(true);
  });

  it('purges what the server recorded as deleted in the roster, and nothing else', async () => {
    const { docName, only } = await seed(teamId, cycleId, other);
    const roster = new Y.Doc();
    writeRoster(roster, {
      members: [],
      deletedCycles: new Map([
        [cycleId, { deletedAt: '2026-10-01T08:00:00.000Z', deletedBy: newMemberId() }],
      ]),
    });

    await purgeDeletedCycles(teamId, roster);

    expect(await getPhoto(teamId, only.hash)).toBeUndefined();
    expect(await db.eventJournal.where('docName').equals(docName).count()).toBe(0);
    expect(await localDbExists(localDbName(docName))).toBe(false);
    expect((await getPupilNames(other)).get('p1')).toBe('Daan');
    expect(await db.eventJournal.count()).toBe(1);
  });
});
