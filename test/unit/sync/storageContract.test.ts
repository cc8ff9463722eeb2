import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { newDocId, newMemberId, newTeamId, type TeamId } from '../../../src/model/ids.ts';
import { db } from '../../../src/store/db.ts';
import { putMembership } from '../../../src/store/memberships.ts';
import { setPupilName } from '../../../src/store/pupilNames.ts';
import { setSetting } from '../../../src/store/settings.ts';
import {
  closeAllDocs,
  editDocLocally,
  localDbName,
  openSession,
  releaseSession,
} from '../../../src/sync/docSession.ts';
import { configureServer } from '../../../src/sync/serverUrl.ts';
import { getStorageProblem } from '../../../src/sync/storageProblems.ts';
import { failNextStoreWrites } from './diskFull.ts';

/**
 * The storage contract every persistence path on the device keeps:
 * 1. a write's promise resolves only once the change is committed: a fresh
 *    IndexedDB connection that knows nothing of the app reads it right away;
 * 2. a write that fails never fails silently: a document's change stays in
 *    memory, is reported as a storage problem and is written on a retry; a
 *    device record's write rejects, so the screen can say so.
 */

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Opens a database on its own connection, as a reloaded page would. */
async function freshConnection(name: string): Promise<IDBDatabase> {
  return request(indexedDB.open(name));
}

/** A document as a fresh connection finds it in its `y:<name>` database. */
async function storedDocument(docName: string): Promise<Y.Doc> {
  const idb = await freshConnection(localDbName(docName));
  const doc = new Y.Doc();
  try {
    const updates = await request(idb.transaction('updates').objectStore('updates').getAll());
    for (const update of updates) Y.applyUpdate(doc, update as Uint8Array);
  } finally {
    idb.close();
  }
  return doc;
}

/** A Dexie record as a fresh connection finds it. */
async function storedRecord(table: string, key: IDBValidKey): Promise<unknown> {
  const idb = await freshConnection(db.name);
  try {
    return await request(idb.transaction(table).objectStore(table).get(key));
  } finally {
    idb.close();
  }
}

type PersistencePath = {
  readonly name: string;
  /** Writes `value` the way the app does; resolves when the path says it is saved. */
  write(value: string): Promise<void>;
  /** What a fresh connection reads back. */
  read(): Promise<string | undefined>;
  /** How a failed write shows: kept, reported and retried (documents), or rejected (device records). */
  readonly onFailure: 'kept-and-retried' | 'rejects';
};

function documentPaths(): PersistencePath[] {
  const cycleName = `${newTeamId()}/${newDocId()}`;
  const teamName = newTeamId();
  const textName = `${newTeamId()}/${newDocId()}`;
  return [
    {
      name: 'a document edit through session.change',
      async write(value) {
        const session = openSession(cycleName);
        try {
          await session.whenLoaded;
          await session.change((doc) => doc.getMap('meta').set('title', value));
        } finally {
          releaseSession(session);
        }
      },
      read: async () => (await storedDocument(cycleName)).getMap('meta').get('title') as string,
      onFailure: 'kept-and-retried',
    },
    {
      name: 'a text binding typing into the document, awaited with whenStored',
      async write(value) {
        const session = openSession(textName);
        try {
          await session.whenLoaded;
          const text = session.doc.getText('plan');
          text.delete(0, text.length);
          text.insert(0, value);
          await session.whenStored();
        } finally {
          releaseSession(session);
        }
      },
      read: async () => (await storedDocument(textName)).getText('plan').toString(),
      onFailure: 'kept-and-retried',
    },
    {
      name: 'a local edit of a document no screen has open (editDocLocally)',
      write: (value) => editDocLocally(teamName, (doc) => doc.getMap('meta').set('name', value)),
      read: async () => (await storedDocument(teamName)).getMap('meta').get('name') as string,
      onFailure: 'kept-and-retried',
    },
  ];
}

function devicePaths(): PersistencePath[] {
  const cycleId = newDocId();
  const teamId: TeamId = newTeamId();
  return [
    {
      name: "a pupil's real name",
      write: (value) => setPupilName(cycleId, 'p1', value),
      read: async () =>
        ((await storedRecord('pupilNames', [cycleId, 'p1'])) as { name?: string } | undefined)
          ?.name,
      onFailure: 'rejects',
    },
    {
      name: 'a setting',
      write: (value) => setSetting('contract-test', value),
      read: async () =>
        ((await storedRecord('settings', 'contract-test')) as { value?: string } | undefined)
          ?.value,
      onFailure: 'rejects',
    },
    {
      name: 'a membership',
      write: (value) =>
        putMembership({
          teamId,
          memberId: newMemberId(),
          displayName: value,
          role: 'teacher',
          teamName: 'PLG',
          token: null,
          creatorKey: null,
          status: 'pending',
          createdAt: new Date().toISOString(),
          lastOpenedAt: null,
        }),
      read: async () =>
        ((await storedRecord('memberships', teamId)) as { displayName?: string } | undefined)
          ?.displayName,
      onFailure: 'rejects',
    },
  ];
}

describe.each([...documentPaths(), ...devicePaths()])('storage contract: $name', (path) => {
  beforeEach(async () => {
    configureServer({ syncUrl: 'ws://127.0.0.1:9/sync' });
    await db.open();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await closeAllDocs();
    configureServer({});
  });

  it('has every write on disk once its promise resolved', async () => {
    for (const value of ['eerste', 'tweede', 'derde']) {
      await path.write(value);
      expect(await path.read()).toBe(value);
    }
  });

  it('never loses a write silently when the disk is full', async () => {
    await path.write('voor');
    failNextStoreWrites(1);
    const written = path.write('tijdens');
    if (path.onFailure === 'rejects') {
      await expect(written).rejects.toMatchObject({ name: expect.stringMatching(/Quota/) });
      expect(await path.read()).toBe('voor');
      await path.write('daarna');
      expect(await path.read()).toBe('daarna');
      return;
    }
    await expect.poll(() => getStorageProblem()?.kind).toBe('QuotaExceededError');
    await written;
    expect(getStorageProblem()).toBeNull();
    expect(await path.read()).toBe('tijdens');
  });
});
