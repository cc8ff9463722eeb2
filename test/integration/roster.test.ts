import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rosterDocName, teamScopedDocName } from '../../src/model/docName.ts';
import { newDocId } from '../../src/model/ids.ts';
import {
  isCycleDeleted,
  ROSTER_DELETED_CYCLES,
  ROSTER_MEMBERS,
  readDeletedCycleIds,
  readRoster,
} from '../../src/model/roster.ts';
import { putCycleSummary, readCycleSummaries } from '../../src/model/teamDoc.ts';
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
  type TestProvider,
  teamWithMember,
  waitFor,
} from './helpers.ts';

const T = '2026-10-01T08:00:00.000Z';

/** The roster as a member's fresh device loads it from the server. */
async function freshRoster(wsUrl: string, member: Membership): Promise<TestProvider> {
  const client = newProvider(wsUrl, { name: rosterDocName(member.teamId), token: member.token });
  await waitFor(() => expect(client.provider.isSynced).toBe(true));
  return client;
}

/**
 * Resolves once the server has handled every message the provider sent so far:
 * it answers a sync request only after the messages before it (one queue per
 * connection), and the answer sets `synced` again.
 */
async function serverHandledAllSent(client: TestProvider): Promise<void> {
  client.provider.synced = false;
  client.provider.forceSync();
  await waitFor(() => expect(client.provider.isSynced).toBe(true));
}

function dbRows(dbPath: string, sql: string, ...params: string[]): Record<string, unknown>[] {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** A cycle with content, written by `member`, listed in the team document. */
async function cycleOf(wsUrl: string, member: Membership) {
  const cycleId = newDocId();
  const cycle = newProvider(wsUrl, {
    name: teamScopedDocName(member.teamId, cycleId),
    token: member.token,
  });
  cycle.doc.getMap('meta').set('title', 'Breuken vergelijken');
  const team = newProvider(wsUrl, { name: member.teamId, token: member.token });
  await waitFor(() => expect(isSettled(cycle) && isSettled(team)).toBe(true));
  putCycleSummary(team.doc, {
    cycleId,
    title: 'Breuken vergelijken',
    stage: 'design',
    researchLessons: 1,
    runsTaught: 0,
    lastActivityAt: T,
    createdAt: T,
    lessonsTaught: 0,
    lessonMinutes: 50,
    baselines: [],
    activities: [],
    measures: [],
  });
  await waitFor(() => expect(isSettled(team)).toBe(true));
  return { cycleId, cycle, team };
}

describe('the roster document: only the server decides members, roles and deleted cycles', () => {
  it("ignores a teacher's forged roles, removal and tombstone in the team document", async () => {
    const { url, wsUrl, server } = await startTestServer();
    const { owner, member: teacher } = await teamWithMember(url, 'teacher');
    const { cycleId, cycle } = await cycleOf(wsUrl, owner);

    // A teacher's raw client writes what the team document used to hold.
    const forger = newProvider(wsUrl, { name: owner.teamId, token: teacher.token });
    await waitFor(() => expect(isSettled(forger)).toBe(true));
    forger.doc.transact(() => {
      forger.doc.getMap('deletedCycles').set(cycleId, { deletedAt: T, deletedBy: owner.memberId });
      const members = forger.doc.getMap('members');
      members.set(teacher.memberId, {
        displayName: teacher.displayName,
        role: 'facilitator',
        joinedAt: T,
        removedAt: null,
      });
      members.set(owner.memberId, {
        displayName: owner.displayName,
        role: 'facilitator',
        joinedAt: T,
        removedAt: T,
      });
    });
    // The team document is theirs to write: the server stores it.
    await waitFor(() => expect(isSettled(forger)).toBe(true));

    // Every reader goes by the roster, which did not move.
    for (const who of [owner, teacher]) {
      const roster = await freshRoster(wsUrl, who);
      const snapshot = readRoster(roster.doc);
      expect(snapshot.members.map((m) => [m.memberId, m.role]).sort()).toEqual(
        [
          [owner.memberId, 'facilitator'],
          [teacher.memberId, 'teacher'],
        ].sort(),
      );
      expect(isCycleDeleted(roster.doc, cycleId)).toBe(false);
      const team = newProvider(wsUrl, { name: owner.teamId, token: who.token });
      await waitFor(() => expect(isSettled(team)).toBe(true));
      expect(team.doc.getMap('deletedCycles').has(cycleId)).toBe(true);
      expect(
        readCycleSummaries(team.doc, readDeletedCycleIds(roster.doc)).map((s) => s.cycleId),
      ).toEqual([cycleId]);
    }

    // Nor did the server's own state: the cycle lives on, the teacher has no new powers.
    expect(cycle.denials).toEqual([]);
    expect(dbRows(server.dbPath, 'SELECT name FROM deleted_documents')).toEqual([]);
    expect(dbRows(server.dbPath, 'SELECT id, role, removed_at FROM members ORDER BY role')).toEqual(
      [
        { id: owner.memberId, role: 'facilitator', removed_at: null },
        { id: teacher.memberId, role: 'teacher', removed_at: null },
      ],
    );
    const deleteByTeacher = await api(
      url,
      'DELETE',
      `/api/teams/${owner.teamId}/cycles/${cycleId}`,
      {
        token: teacher.token,
      },
    );
    expect(deleteByTeacher.status).toBe(403);
  });

  it('applies no update to the roster from anyone, facilitators and a member just promoted included', async () => {
    const { url, wsUrl, server } = await startTestServer();
    const { owner, member: teacher } = await teamWithMember(url, 'teacher');
    const name = rosterDocName(owner.teamId);
    const before = readRoster(readStoredDoc(server.dbPath, name));
    expect(before.members).toHaveLength(2);

    const forgers = [
      newProvider(wsUrl, { name, token: teacher.token }),
      newProvider(wsUrl, { name, token: owner.token }),
    ];
    for (const forger of forgers) {
      await waitFor(() => expect(forger.provider.authorizedScope).toBe('readonly'));
      forger.doc.transact(() => {
        forger.doc.getMap(ROSTER_MEMBERS).set(teacher.memberId, {
          displayName: teacher.displayName,
          role: 'facilitator',
          joinedAt: T,
          removedAt: null,
        });
        forger.doc.getMap(ROSTER_DELETED_CYCLES).set(newDocId(), { deletedAt: T, deletedBy: null });
      });
      await serverHandledAllSent(forger);
    }

    // A role change makes open connections writable for a facilitator, but never the roster's.
    const promote = await api(
      url,
      'PATCH',
      `/api/teams/${owner.teamId}/members/${teacher.memberId}`,
      {
        token: owner.token,
        body: { role: 'coach' },
      },
    );
    expect(promote.status).toBe(200);
    const [teacherForger] = forgers;
    if (!teacherForger) throw new Error('no forger');
    // The role change closes the socket (4205); the provider reconnects and authenticates again.
    await waitFor(() => expect(teacherForger.closeCodes).toContain(4205));
    await waitFor(() => {
      expect(teacherForger.provider.isAuthenticated).toBe(true);
      expect(teacherForger.provider.isSynced).toBe(true);
    });
    expect(teacherForger.provider.authorizedScope).toBe('readonly');
    teacherForger.doc.getMap(ROSTER_MEMBERS).delete(owner.memberId);
    await serverHandledAllSent(teacherForger);

    const expected = [
      [owner.memberId, 'facilitator'],
      [teacher.memberId, 'coach'],
    ].sort();
    // The server's live document (the forgers keep it loaded).
    const loaded = server.hocuspocus.documents.get(name);
    expect(loaded).toBeDefined();
    if (loaded) {
      expect(
        readRoster(loaded)
          .members.map((m) => [m.memberId, m.role])
          .sort(),
      ).toEqual(expected);
      expect(readRoster(loaded).deletedCycles.size).toBe(0);
    }
    const fresh = await freshRoster(wsUrl, owner);
    expect(
      readRoster(fresh.doc)
        .members.map((m) => [m.memberId, m.role])
        .sort(),
    ).toEqual(expected);
    expect(readRoster(fresh.doc).deletedCycles.size).toBe(0);
    const stored = readRoster(readStoredDoc(server.dbPath, name));
    expect(stored.members.map((m) => [m.memberId, m.role]).sort()).toEqual(expected);
    expect(stored.deletedCycles.size).toBe(0);
    expect(dbRows(server.dbPath, 'SELECT name FROM deleted_documents')).toEqual([]);
  });

  it('follows the database: creation, join, role change, rename, removal and cycle deletion', async () => {
    const { url, wsUrl } = await startTestServer();
    const owner = await createTeam(url, { displayName: 'Anna' });
    const watcher = await freshRoster(wsUrl, owner);
    const roster = () => readRoster(watcher.doc);
    const view = () => roster().members.map((m) => [m.displayName, m.role]);

    // Creation: the creator, as facilitator.
    expect(roster().written).toBe(true);
    expect(roster().members).toEqual([
      expect.objectContaining({ memberId: owner.memberId, role: 'facilitator', removedAt: null }),
    ]);

    const bram = await joinTeam(url, (await createInvite(url, owner)).code, 'Bram');
    await waitFor(() =>
      expect(view()).toEqual([
        ['Anna', 'facilitator'],
        ['Bram', 'teacher'],
      ]),
    );

    const patch = (body: object, token = owner.token) =>
      api(url, 'PATCH', `/api/teams/${owner.teamId}/members/${bram.memberId}`, { token, body });
    expect((await patch({ role: 'coach' })).status).toBe(200);
    await waitFor(() => expect(view()).toContainEqual(['Bram', 'coach']));
    expect((await patch({ displayName: 'Bram de Vries' }, bram.token)).status).toBe(200);
    await waitFor(() => expect(view()).toContainEqual(['Bram de Vries', 'coach']));

    const removed = await api(
      url,
      'DELETE',
      `/api/teams/${owner.teamId}/members/${bram.memberId}`,
      {
        token: owner.token,
      },
    );
    expect(removed.status).toBe(204);
    await waitFor(() => expect(view()).toEqual([['Anna', 'facilitator']]));
    // Removed, not forgotten: their work keeps their name.
    expect(roster().names.get(bram.memberId)).toBe('Bram de Vries');
    expect(watcher.doc.getMap(ROSTER_MEMBERS).get(bram.memberId)).toMatchObject({
      role: 'coach',
      removedAt: expect.any(String),
    });

    const cycleId = newDocId();
    const deleted = await api(url, 'DELETE', `/api/teams/${owner.teamId}/cycles/${cycleId}`, {
      token: owner.token,
    });
    expect(deleted.status).toBe(204);
    await waitFor(() =>
      expect(roster().deletedCycles.get(cycleId)).toEqual({
        deletedAt: expect.any(String),
        deletedBy: owner.memberId,
      }),
    );
  });

  it('builds the roster of a team that never had one on first load, and corrects a stored one', async () => {
    const first = await startTestServer();
    const { owner, member } = await teamWithMember(first.url, 'coach');
    const cycleId = newDocId();
    expect(
      (
        await api(first.url, 'DELETE', `/api/teams/${owner.teamId}/cycles/${cycleId}`, {
          token: owner.token,
        })
      ).status,
    ).toBe(204);
    await first.stop();

    // As a team from before the roster existed: no roster stored, only a forged copy a
    // member could write back then under the reserved name.
    const name = rosterDocName(owner.teamId);
    const forged = new Y.Doc();
    forged.getMap(ROSTER_MEMBERS).set(member.memberId, {
      displayName: member.displayName,
      role: 'facilitator',
      joinedAt: T,
      removedAt: null,
    });
    forged.getMap(ROSTER_DELETED_CYCLES).set(newDocId(), { deletedAt: T, deletedBy: null });
    const db = new DatabaseSync(first.server.dbPath);
    try {
      db.prepare('DELETE FROM doc_updates WHERE name = ?').run(name);
      db.prepare('DELETE FROM doc_snapshots WHERE name = ?').run(name);
      db.prepare('INSERT INTO doc_updates (name, data) VALUES (?, ?)').run(
        name,
        Y.encodeStateAsUpdate(forged),
      );
    } finally {
      db.close();
    }

    const second = await startTestServer({ dataDir: first.dataDir });
    const roster = await freshRoster(second.wsUrl, member);
    const snapshot = readRoster(roster.doc);
    expect(snapshot.written).toBe(true);
    expect(snapshot.members.map((m) => [m.memberId, m.role]).sort()).toEqual(
      [
        [owner.memberId, 'facilitator'],
        [member.memberId, 'coach'],
      ].sort(),
    );
    expect([...snapshot.deletedCycles.keys()]).toEqual([cycleId]);
    // The rebuild is stored like any update.
    await waitFor(() =>
      expect([
        ...readRoster(readStoredDoc(second.server.dbPath, name)).deletedCycles.keys(),
      ]).toEqual([cycleId]),
    );
  });
});
