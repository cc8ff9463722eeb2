import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { initCycleDoc } from '../../../src/model/cycleDoc.ts';
import { newDocId, newMemberId, newTeamId } from '../../../src/model/ids.ts';
import { readTeam, setTeamName } from '../../../src/model/teamDoc.ts';
import { db } from '../../../src/store/db.ts';
import { getMembership, putMembership } from '../../../src/store/memberships.ts';
import { getConnectionSnapshot, getDocConnection } from '../../../src/sync/connectionState.ts';
import {
  closeAllDocs,
  editDocLocally,
  forgetDeletedDocs,
  localDbName,
  MISSING_AFTER_MS,
  openSession,
  peekSession,
  purgeDoc,
  releaseSession,
} from '../../../src/sync/docSession.ts';
import { configureServer } from '../../../src/sync/serverUrl.ts';
import { failNextWrites } from './diskFull.ts';

async function storedText(docName: string): Promise<string> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`y:${docName}`, doc);
  await persistence.whenSynced;
  const text = doc.getText('t').toString();
  await persistence.destroy();
  doc.destroy();
  return text;
}

describe('DocSession', () => {
  beforeEach(async () => {
    await db.memberships.clear();
    configureServer({ syncUrl: 'ws://127.0.0.1:9/sync' });
  });
  afterEach(async () => {
    await closeAllDocs();
    configureServer({});
  });

  it('shares one live document per name', async () => {
    const name = newTeamId();
    const a = openSession(name);
    const b = openSession(name);
    expect(b).toBe(a);
    releaseSession(a);
    expect(peekSession(name)).toBe(a);
    releaseSession(b);
    // Still open during the linger, and re-acquiring gets the same document back.
    const c = openSession(name);
    expect(c).toBe(a);
    releaseSession(c);
  });

  it('refuses a malformed document name', () => {
    expect(() => openSession('not a name')).toThrow(RangeError);
  });

  it('stores edits in IndexedDB and loads them on the next open', async () => {
    const name = `${newTeamId()}/${newDocId()}`;
    const session = openSession(name);
    await session.whenLoaded;
    session.doc.getText('t').insert(0, 'hallo');
    await session.whenStored();
    expect(await storedText(name)).toBe('hallo');
    await closeAllDocs();

    const again = openSession(name);
    expect(again).not.toBe(session);
    await again.whenLoaded;
    expect(again.doc.getText('t').toString()).toBe('hallo');
    releaseSession(again);
  });

  it('resolves a change once it is committed, and says "saving" until then', async () => {
    const name = newTeamId();
    const session = openSession(name);
    await session.whenLoaded;
    const seen: string[] = [];
    session.subscribe(() => {
      if (seen.at(-1) !== session.state.save) seen.push(session.state.save);
    });
    const renamed = session.change((doc, ctx) => setTeamName(doc, 'PLG rekenen', ctx.origin));
    // The edit is in the document at once; "saved" only after the commit.
    expect(readTeam(session.doc).name).toBe('PLG rekenen');
    expect(session.state.save).toBe('saving');
    await renamed;
    expect(session.state.save).toBe('saved');
    expect(seen).toEqual(['saving', 'saved']);
    releaseSession(session);
  });

  it('says "failed" while writes fail, keeps the change and saves it on a retry', async () => {
    const name = newTeamId();
    const session = openSession(name);
    await session.whenLoaded;
    failNextWrites(1);
    const saved = session.change((doc) => doc.getText('t').insert(0, 'bewaard'));
    await expect.poll(() => session.state.save).toBe('failed');
    await saved;
    expect(session.state.save).toBe('saved');
    vi.restoreAllMocks();
    await closeAllDocs();
    expect(await storedText(name)).toBe('bewaard');
  });

  it('tags changes with the session origin unless told otherwise', async () => {
    const session = openSession(newTeamId());
    await session.whenLoaded;
    const origins: unknown[] = [];
    session.doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const repair = { kind: 'repair' };
    await session.change((doc) => doc.getMap('m').set('a', 1));
    await session.change((doc, ctx) => doc.getMap('m').set('b', ctx.origin), repair);
    expect(origins).toEqual([session.origin, repair]);
    expect(session.doc.getMap('m').get('b')).toBe(repair);
    releaseSession(session);
  });

  it('is ready once the stored copy holds the document, and missing when nothing can come', async () => {
    const teamId = newTeamId();
    const name = `${teamId}/${newDocId()}`;
    await editDocLocally(name, (doc, ctx) =>
      initCycleDoc(
        doc,
        { title: 'Breuken', subject: '', yearGroup: '', createdBy: newMemberId() },
        ctx,
      ),
    );
    const stored = openSession(name);
    expect(stored.state.status).toBe('loading');
    await expect.poll(() => stored.state.status).toBe('ready');

    // No membership: the document can only be local, and this device has nothing of it.
    const empty = openSession(`${teamId}/${newDocId()}`);
    await expect.poll(() => empty.state.status).toBe('missing');
    // Content that arrives later makes it ready after all.
    empty.doc.getMap('meta').set('createdAt', '2026-12-01T08:00:00.000Z');
    expect(empty.state.status).toBe('ready');
  });

  it('says missing after a while when the server does not answer', async () => {
    const teamId = newTeamId();
    await putMembership({
      teamId,
      memberId: newMemberId(),
      displayName: 'Anna',
      role: 'teacher',
      teamName: 'PLG',
      token: 'tok',
      creatorKey: null,
      status: 'active',
      createdAt: new Date().toISOString(),
      lastOpenedAt: null,
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const session = openSession(`${teamId}/${newDocId()}`);
      await session.whenLoaded;
      await expect.poll(() => session.connected).toBe(true);
      expect(session.state.status).toBe('loading');
      vi.advanceTimersByTime(MISSING_AFTER_MS);
      expect(session.state.status).toBe('missing');
    } finally {
      vi.useRealTimers();
    }
  });

  it('purges a deleted document: the open session says deleted and nothing is stored again', async () => {
    const name = `${newTeamId()}/${newDocId()}`;
    const session = openSession(name);
    await session.whenLoaded;
    await session.change((doc) => doc.getText('t').insert(0, 'weg'));
    await purgeDoc(name);
    expect(session.state.status).toBe('deleted');
    await expect(session.change((doc) => doc.getText('t').insert(0, 'x'))).rejects.toThrow();
    expect((await indexedDB.databases()).some((db) => db.name === localDbName(name))).toBe(false);
    // Opening it again this page's life gives a deleted session that creates no database.
    const again = openSession(name);
    expect(again.state.status).toBe('deleted');
    releaseSession(again);
    await closeAllDocs();
    expect((await indexedDB.databases()).some((db) => db.name === localDbName(name))).toBe(false);
    forgetDeletedDocs();
  });

  it('edits a closed document locally and closes it again', async () => {
    const name = newTeamId();
    await editDocLocally(name, (doc) => doc.getText('t').insert(0, 'x'));
    expect(peekSession(name)).toBeNull();
    expect(await storedText(name)).toBe('x');
  });

  it('keeps documents of unknown or pending teams local', async () => {
    const teamId = newTeamId();
    await putMembership({
      teamId,
      memberId: newMemberId(),
      displayName: 'Anna',
      role: 'facilitator',
      teamName: 'PLG',
      token: null,
      creatorKey: 'k'.repeat(32),
      status: 'pending',
      createdAt: new Date().toISOString(),
      lastOpenedAt: null,
    });
    const session = openSession(teamId);
    expect(getConnectionSnapshot().status).toBe('connecting');
    await session.whenLoaded;
    await expect.poll(() => getDocConnection(teamId)).toEqual({ kind: 'local-only' });
    expect(getConnectionSnapshot().status).toBe('local-only');
    expect(session.connected).toBe(false);
    await expect.poll(async () => (await getMembership(teamId))?.lastOpenedAt).not.toBeNull();
    releaseSession(session);
  });

  it('shows a removed membership as denied without connecting', async () => {
    const teamId = newTeamId();
    await putMembership({
      teamId,
      memberId: newMemberId(),
      displayName: 'Anna',
      role: 'teacher',
      teamName: 'PLG',
      token: 'old',
      creatorKey: null,
      status: 'removed',
      createdAt: new Date().toISOString(),
      lastOpenedAt: null,
    });
    const session = openSession(teamId);
    await expect
      .poll(() => getConnectionSnapshot())
      .toEqual({
        status: 'denied',
        unsyncedChanges: 0,
        deniedReason: 'token-invalid',
      });
    expect(session.connected).toBe(false);
    await closeAllDocs();
    expect(getConnectionSnapshot().status).not.toBe('denied');
  });

  it('attaches a provider for an active membership and detaches it on close', async () => {
    const teamId = newTeamId();
    const memberId = newMemberId();
    await putMembership({
      teamId,
      memberId,
      displayName: 'Anna',
      role: 'teacher',
      teamName: 'PLG',
      token: 'tok',
      creatorKey: null,
      status: 'active',
      createdAt: new Date().toISOString(),
      lastOpenedAt: null,
    });
    const session = openSession(teamId);
    await expect.poll(() => session.connected).toBe(true);
    const awareness = session.state.awareness;
    expect(awareness?.getLocalState()?.user).toMatchObject({ memberId, name: 'Anna' });
    expect(getDocConnection(teamId)).toMatchObject({ kind: 'remote' });
    await closeAllDocs();
    expect(session.connected).toBe(false);
    expect(session.state.awareness).toBeNull();
    expect(getDocConnection(teamId)).toBeUndefined();
  });
});
