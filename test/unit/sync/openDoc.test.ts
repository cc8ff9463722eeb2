import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { newDocId, newMemberId, newTeamId } from '../../../src/model/ids.ts';
import { db } from '../../../src/store/db.ts';
import { getMembership, putMembership } from '../../../src/store/memberships.ts';
import { getConnectionSnapshot, getDocConnection } from '../../../src/sync/connectionState.ts';
import {
  acquireDoc,
  closeAllDocs,
  editDocLocally,
  peekDoc,
  releaseDoc,
  whenStored,
} from '../../../src/sync/openDoc.ts';
import { configureServer } from '../../../src/sync/serverUrl.ts';

async function storedText(docName: string): Promise<string> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`y:${docName}`, doc);
  await persistence.whenSynced;
  const text = doc.getText('t').toString();
  await persistence.destroy();
  doc.destroy();
  return text;
}

describe('openDoc', () => {
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
    const a = acquireDoc(name);
    const b = acquireDoc(name);
    expect(b).toBe(a);
    releaseDoc(a);
    expect(peekDoc(name)).toBe(a);
    releaseDoc(b);
    // Still open during the linger, and re-acquiring gets the same document back.
    const c = acquireDoc(name);
    expect(c).toBe(a);
    releaseDoc(c);
  });

  it('refuses a malformed document name', () => {
    expect(() => acquireDoc('not a name')).toThrow(RangeError);
  });

  it('stores edits in IndexedDB and loads them on the next open', async () => {
    const name = `${newTeamId()}/${newDocId()}`;
    const handle = acquireDoc(name);
    await handle.whenLocalReady;
    handle.doc.getText('t').insert(0, 'hallo');
    await whenStored(handle);
    expect(await storedText(name)).toBe('hallo');
    await closeAllDocs();

    const again = acquireDoc(name);
    expect(again).not.toBe(handle);
    await again.whenLocalReady;
    expect(again.doc.getText('t').toString()).toBe('hallo');
    releaseDoc(again);
  });

  it('edits a closed document locally and closes it again', async () => {
    const name = newTeamId();
    await editDocLocally(name, (doc) => doc.getText('t').insert(0, 'x'));
    expect(peekDoc(name)).toBeNull();
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
    const handle = acquireDoc(teamId);
    expect(getConnectionSnapshot().status).toBe('connecting');
    await handle.whenLocalReady;
    await expect.poll(() => getDocConnection(teamId)).toEqual({ kind: 'local-only' });
    expect(getConnectionSnapshot().status).toBe('local-only');
    expect(handle.provider).toBeNull();
    await expect.poll(async () => (await getMembership(teamId))?.lastOpenedAt).not.toBeNull();
    releaseDoc(handle);
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
    const handle = acquireDoc(teamId);
    await expect
      .poll(() => getConnectionSnapshot())
      .toEqual({
        status: 'denied',
        unsyncedChanges: 0,
        deniedReason: 'token-invalid',
      });
    expect(handle.provider).toBeNull();
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
    const handle = acquireDoc(teamId);
    await expect.poll(() => handle.provider).not.toBeNull();
    const provider = handle.provider;
    expect(provider?.isAttached).toBe(true);
    expect(provider?.awareness?.getLocalState()?.user).toMatchObject({ memberId, name: 'Anna' });
    expect(getDocConnection(teamId)).toMatchObject({ kind: 'remote' });
    await closeAllDocs();
    expect(provider?.isAttached).toBe(false);
    expect(getDocConnection(teamId)).toBeUndefined();
  });
});
