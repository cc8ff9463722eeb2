import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { teamScopedDocName } from '../../src/model/docName.ts';
import { newDocId } from '../../src/model/ids.ts';
import {
  createTeam,
  isSettled,
  newProvider,
  readStoredDoc,
  startTestServer,
  waitFor,
} from './helpers.ts';

function countRows(dbPath: string, name: string): { updates: number; snapshots: number } {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    const updates = db.prepare('SELECT count(*) AS n FROM doc_updates WHERE name = ?').get(name);
    const snapshots = db
      .prepare('SELECT count(*) AS n FROM doc_snapshots WHERE name = ?')
      .get(name);
    return { updates: Number(updates?.n), snapshots: Number(snapshots?.n) };
  } finally {
    db.close();
  }
}

describe('document persistence: update log and compaction', () => {
  it('appends one row per acknowledged update before compaction', async () => {
    const { url, wsUrl, server } = await startTestServer();
    const owner = await createTeam(url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const client = newProvider(wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(client)).toBe(true));
    for (let i = 0; i < 5; i++) client.doc.getArray('events').push([i]);
    await waitFor(() => expect(isSettled(client)).toBe(true));
    expect(countRows(server.dbPath, name)).toEqual({ updates: 5, snapshots: 0 });
    expect(readStoredDoc(server.dbPath, name).getArray('events').toArray()).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });

  it('folds the log into a snapshot when the last client leaves, and loads snapshot + later rows', async () => {
    const first = await startTestServer();
    const owner = await createTeam(first.url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const a = newProvider(first.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(a)).toBe(true));
    for (let i = 0; i < 10; i++) a.doc.getArray('events').push([i]);
    await waitFor(() => expect(isSettled(a)).toBe(true));
    a.destroy();
    await waitFor(() =>
      expect(countRows(first.server.dbPath, name)).toEqual({ updates: 0, snapshots: 1 }),
    );

    const b = newProvider(first.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(b)).toBe(true));
    expect(b.doc.getArray('events').length).toBe(10);
    b.doc.getArray('events').push(['after the snapshot']);
    await waitFor(() => expect(isSettled(b)).toBe(true));
    expect(countRows(first.server.dbPath, name)).toEqual({ updates: 1, snapshots: 1 });
    b.destroy();
    await first.stop();

    const second = await startTestServer({ dataDir: first.dataDir });
    const c = newProvider(second.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(c)).toBe(true));
    expect(c.doc.getArray('events').toArray()).toEqual([
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      'after the snapshot',
    ]);
  });

  it('compacts a busy document once compactAfter rows piled up, while clients stay connected', async () => {
    const { url, wsUrl, server } = await startTestServer({ compactAfter: 20 });
    const owner = await createTeam(url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const client = newProvider(wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(client)).toBe(true));
    for (let i = 0; i < 30; i++) client.doc.getArray('events').push([i]);
    await waitFor(() => expect(isSettled(client)).toBe(true));
    // The debounced store (2 s) compacts; the data is complete at every moment.
    expect(readStoredDoc(server.dbPath, name).getArray('events').length).toBe(30);
    await waitFor(() => expect(countRows(server.dbPath, name).snapshots).toBe(1), {
      timeout: 12_000,
    });
    expect(countRows(server.dbPath, name).updates).toBeLessThan(30);
    expect(readStoredDoc(server.dbPath, name).getArray('events').length).toBe(30);
  });
});
