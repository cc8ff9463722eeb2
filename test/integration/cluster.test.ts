import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../../bench/lib/seeded.ts';
import type { Database } from '../../server/db/database.ts';
import { postgresDatabase } from '../../server/db/postgres.ts';
import { CLOSE_REVOKED, SYNC_CLOSE } from '../../src/model/apiErrors.ts';
import { teamScopedDocName } from '../../src/model/docName.ts';
import { type DocId, newDocId } from '../../src/model/ids.ts';
import { DOCUMENT_DELETED_REASON } from '../../src/model/roster.ts';
import {
  clusterServices,
  freshDatabase,
  type Instance,
  SKIP_NOTICE,
  startBalancer,
  startInstance,
} from './cluster.ts';
import {
  api,
  createInvite,
  createTeam,
  FAST_RECONNECT,
  isSettled,
  joinTeam,
  newProvider,
  onCleanup,
  syncCycleDoc,
  waitFor,
} from './helpers.ts';
import { dependentUpdates, rawClient } from './rawClient.ts';

const services = clusterServices();
if (!services) console.warn(SKIP_NOTICE);

/** A device: one socket, one provider per document, every document's pushes remembered. */
type Device = {
  readonly name: string;
  readonly docs: Map<string, HocuspocusProvider>;
  /** Values pushed per document, in order. */
  readonly pushed: Map<string, string[]>;
  /** Values the server acknowledged per document (all pushed before the last "0 unsynced"). */
  readonly acked: Map<string, Set<string>>;
  readonly socket: HocuspocusProviderWebsocket;
  push(doc: string, value: string): void;
  settled(): boolean;
  destroy(): void;
};

function device(name: string, wsUrl: string, token: string, docNames: readonly string[]): Device {
  const socket = new HocuspocusProviderWebsocket({ url: wsUrl, ...FAST_RECONNECT });
  const docs = new Map<string, HocuspocusProvider>();
  const pushed = new Map<string, string[]>();
  const acked = new Map<string, Set<string>>();
  for (const docName of docNames) {
    const provider = new HocuspocusProvider({
      name: docName,
      document: new Y.Doc(),
      token,
      websocketProvider: socket,
    });
    provider.attach();
    pushed.set(docName, []);
    acked.set(docName, new Set());
    provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number !== 0) return;
      const done = acked.get(docName);
      for (const value of pushed.get(docName) ?? []) done?.add(value);
    });
    docs.set(docName, provider);
  }
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    for (const provider of docs.values()) provider.destroy();
    socket.destroy();
  };
  onCleanup(destroy);
  return {
    name,
    docs,
    pushed,
    acked,
    socket,
    push(docName, value) {
      docs.get(docName)?.document.getArray<string>('events').push([value]);
      pushed.get(docName)?.push(value);
    },
    settled: () => [...docs.values()].every((p) => p.isSynced && p.unsyncedChanges === 0),
    destroy,
  };
}

const sorted = (values: Iterable<string>) => [...values].sort();

/** The owner removes a member through the instance at `url`. */
async function removeMember(
  url: string,
  owner: { teamId: string; token: string },
  memberId: string,
): Promise<void> {
  const response = await api(url, 'DELETE', `/api/teams/${owner.teamId}/members/${memberId}`, {
    token: owner.token,
  });
  expect(response.status).toBe(204);
}

/** The events of a document as PostgreSQL holds it: its snapshot and every update after. */
async function storedEvents(database: Database, doc: string): Promise<string[]> {
  const stored = new Y.Doc();
  // One transaction, so a compaction that commits in between cannot hide rows from both reads.
  await database.transaction(async (tx) => {
    const snapshots = await tx.all<{ state: Uint8Array }>(
      'SELECT state FROM doc_snapshots WHERE name = ?',
      doc,
    );
    const updates = await tx.all<{ data: Uint8Array }>(
      'SELECT data FROM doc_updates WHERE name = ? ORDER BY id',
      doc,
    );
    for (const { state } of snapshots) Y.applyUpdate(stored, state);
    for (const { data } of updates) Y.applyUpdate(stored, data);
  });
  return stored.getArray<string>('events').toArray();
}

async function teamOf(instance: Instance) {
  const owner = await createTeam(instance.url);
  const docs = Array.from({ length: 20 }, () =>
    teamScopedDocName(owner.teamId, newDocId() as DocId),
  );
  return { owner, docs };
}

describe.skipIf(!services)('several instances on PostgreSQL and Redis (issue 16)', () => {
  const start = async (
    count: number,
    options: { compactAfter?: number; memberRate?: number } = {},
  ) => {
    if (!services) throw new Error(SKIP_NOTICE);
    const databaseUrl = await freshDatabase(services.databaseUrl);
    const instances: Instance[] = [];
    // One after another: the first creates the schema, the others find it.
    for (let i = 0; i < count; i++) {
      instances.push(await startInstance(databaseUrl, services.redisUrl, options));
    }
    return { databaseUrl, instances };
  };

  it('shows edits and presence between clients connected to different instances', async () => {
    const { instances } = await start(2);
    const [one, two] = instances as [Instance, Instance];
    const owner = await createTeam(one.url);
    const name = teamScopedDocName(owner.teamId, newDocId() as DocId);
    const a = newProvider(one.wsUrl, { name, token: owner.token });
    const b = newProvider(two.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(a) && isSettled(b)).toBe(true));

    a.doc.getArray<string>('events').push(['from one']);
    b.doc.getMap('plan').set('goal', 'from two');
    await waitFor(() => {
      expect(b.doc.getArray('events').toArray()).toEqual(['from one']);
      expect(a.doc.getMap('plan').get('goal')).toBe('from two');
    });

    a.provider.setAwarenessField('user', { name: 'Ans' });
    await waitFor(() => {
      const seen = [...(b.provider.awareness?.getStates().values() ?? [])].map(
        (state) => (state as { user?: { name?: string } }).user?.name,
      );
      expect(seen).toContain('Ans');
    });
  });

  it('converges 20 documents edited at random through three instances, and loses nothing acknowledged when one is killed', async () => {
    const { databaseUrl, instances } = await start(3);
    const [one, two, three] = instances as [Instance, Instance, Instance];
    const { owner, docs } = await teamOf(one);
    // The third device reaches the third instance through a balancer that fails over to the
    // first once it is gone; `hold` keeps it out while the database is read after the kill.
    let hold = false;
    const failover = await startBalancer(() => (hold ? [] : [three.port, one.port]), {
      failover: true,
    });
    const devices = [
      device('d1', one.wsUrl, owner.token, docs),
      device('d2', two.wsUrl, owner.token, docs),
      device('d3', failover.wsUrl, owner.token, docs),
    ];
    await waitFor(() => expect(devices.every((d) => d.settled())).toBe(true), {
      timeout: 20_000,
    });

    const random = seededRandom(16);
    let counter = 0;
    const burst = (count: number) => {
      for (let i = 0; i < count; i++) {
        const who = devices[Math.floor(random() * devices.length)] as Device;
        const doc = docs[Math.floor(random() * docs.length)] as string;
        who.push(doc, `${who.name}-${counter++}`);
      }
    };
    burst(300);
    await waitFor(() => expect(devices.every((d) => d.settled())).toBe(true), {
      timeout: 20_000,
    });

    // Mid-run: the third device keeps writing while its instance dies without a word.
    const third = devices[2] as Device;
    for (let i = 0; i < 40; i++) third.push(docs[i % docs.length] as string, `d3-late-${i}`);
    hold = true;
    await three.kill();

    // What the third device saw acknowledged is in PostgreSQL, though its instance is gone.
    const database = postgresDatabase(databaseUrl, { max: 2 });
    onCleanup(() => database.close());
    for (const doc of docs) {
      const values = new Set(await storedEvents(database, doc));
      for (const value of third.acked.get(doc) ?? []) expect(values).toContain(value);
    }

    hold = false;
    burst(200);
    await waitFor(() => expect(devices.every((d) => d.settled())).toBe(true), {
      timeout: 30_000,
    });
    // Settled means a device's own edits are acknowledged by its instance. Edits made through
    // another instance reach it a few Redis round trips later: convergence is awaited, not
    // assumed at that moment: asserting it then failed once in CI, and in 2 of 40 loaded local
    // runs, where the missing edits arrived within 20 ms.
    const expected = (doc: string) => sorted(devices.flatMap((d) => d.pushed.get(doc) ?? []));
    await waitFor(
      () => {
        for (const doc of docs) {
          for (const d of devices) {
            const events = d.docs.get(doc)?.document.getArray<string>('events').toArray() ?? [];
            expect(sorted(events), `${d.name} on ${doc}`).toEqual(expected(doc));
          }
        }
      },
      { timeout: 20_000 },
    );
    // And every value is stored, whichever instance acknowledged it.
    for (const doc of docs)
      expect(sorted(await storedEvents(database, doc))).toEqual(expected(doc));
  });

  /** Two instances; the second reaches Redis through a link the test can cut. */
  const startWithLink = async () => {
    if (!services) throw new Error(SKIP_NOTICE);
    const redisPort = Number(new URL(services.redisUrl).port || 6379);
    let up = true;
    const link = await startBalancer(() => (up ? [redisPort] : []));
    const databaseUrl = await freshDatabase(services.databaseUrl);
    const one = await startInstance(databaseUrl, services.redisUrl);
    const two = await startInstance(databaseUrl, `redis://127.0.0.1:${link.port}`);
    return {
      databaseUrl,
      one,
      two,
      // Nothing Redis sends the second instance arrives until the link is back.
      cut: () => {
        up = false;
        link.dropConnections();
      },
      restore: () => {
        up = true;
      },
    };
  };

  it('gives an instance what it missed while its Redis connection was down, without a further edit', async () => {
    const { one, two, cut, restore } = await startWithLink();
    const owner = await createTeam(one.url);
    const name = teamScopedDocName(owner.teamId, newDocId() as DocId);
    const a = newProvider(one.wsUrl, { name, token: owner.token });
    const b = newProvider(two.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(a) && isSettled(b)).toBe(true));
    a.doc.getArray<string>('events').push(['before']);
    await waitFor(() => expect(b.doc.getArray<string>('events').toArray()).toEqual(['before']));

    cut();
    a.doc.getArray<string>('events').push(['while cut']);
    await waitFor(() => expect(isSettled(a)).toBe(true));
    restore();
    await waitFor(() =>
      expect(b.doc.getArray<string>('events').toArray()).toEqual(['before', 'while cut']),
    );
    expect(two.logs()).toContain('redis: reconnected');
  });

  it("closes a revoked member's sockets on an instance whose Redis connection was down at the time", async () => {
    const { one, two, cut, restore } = await startWithLink();
    const owner = await createTeam(one.url);
    const invite = await createInvite(one.url, owner, { role: 'teacher' });
    const member = await joinTeam(one.url, invite.code);
    const name = teamScopedDocName(owner.teamId, newDocId() as DocId);
    const removed = newProvider(two.wsUrl, { name, token: member.token });
    await waitFor(() => expect(isSettled(removed)).toBe(true));

    cut();
    await removeMember(one.url, owner, member.memberId);
    restore();
    await waitFor(() => expect(removed.closeCodes).toContain(CLOSE_REVOKED));
  });

  it('refuses an edit to a cycle deleted through another instance before word of it arrives, and stores nothing of it', async () => {
    const { one, two, cut, restore, databaseUrl } = await startWithLink();
    const owner = await createTeam(one.url);
    const cycleId = newDocId();
    const name = teamScopedDocName(owner.teamId, cycleId as DocId);
    const editor = newProvider(two.wsUrl, { name, token: owner.token });
    editor.doc.getMap('meta').set('title', 'Breuken vergelijken');
    await waitFor(() => expect(isSettled(editor)).toBe(true));

    cut();
    const response = await api(one.url, 'DELETE', `/api/teams/${owner.teamId}/cycles/${cycleId}`, {
      token: owner.token,
    });
    expect(response.status).toBe(204);
    // The second instance has not heard of the deletion: its database has.
    editor.doc.getMap('meta').set('title', 'Toch nog bewerkt');
    await waitFor(() => {
      expect(editor.closeCodes).toContain(SYNC_CLOSE.documentDeleted);
      expect(editor.denials).toContain(DOCUMENT_DELETED_REASON);
    });
    const database = postgresDatabase(databaseUrl, { max: 1 });
    onCleanup(() => database.close());
    const stored = await database.get<{ rows: number }>(
      'SELECT (SELECT COUNT(*) FROM doc_updates WHERE name = ?) + (SELECT COUNT(*) FROM doc_snapshots WHERE name = ?) AS rows',
      name,
      name,
    );
    expect(Number(stored?.rows)).toBe(0);
    restore();
  });

  it("closes a revoked member's sockets on every instance", async () => {
    const { instances } = await start(2);
    const [one, two] = instances as [Instance, Instance];
    const owner = await createTeam(one.url);
    const invite = await createInvite(one.url, owner, { role: 'teacher' });
    const member = await joinTeam(one.url, invite.code);
    const name = teamScopedDocName(owner.teamId, newDocId() as DocId);
    const removed = newProvider(two.wsUrl, { name, token: member.token });
    const stays = newProvider(two.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(removed) && isSettled(stays)).toBe(true));

    // Removed through the first instance; the member is connected to the second.
    await removeMember(one.url, owner, member.memberId);
    await waitFor(() => {
      expect(removed.closeCodes).toContain(CLOSE_REVOKED);
      expect(removed.denials).toContain('token-invalid');
    });
    removed.doc.getMap('plan').set('sneaky', true);
    stays.doc.getMap('plan').set('after', true);
    await waitFor(() => expect(isSettled(stays)).toBe(true));
    expect(stays.doc.getMap('plan').get('sneaky')).toBeUndefined();
  });

  it('serves a photo uploaded through one instance from the other', async () => {
    const { instances } = await start(2);
    const [one, two] = instances as [Instance, Instance];
    const owner = await createTeam(one.url);
    const cycleId = await syncCycleDoc(one.wsUrl, owner);
    const bytes = new Uint8Array(20_000);
    bytes.set([0xff, 0xd8, 0xff, 0xe0]);
    for (let i = 4; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const put = await fetch(`${one.url}/api/teams/${owner.teamId}/photos?cycle=${cycleId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'image/jpeg' },
      body: bytes,
    });
    expect(put.status).toBe(201);
    const { hash } = (await put.json()) as { hash: string };
    const got = await fetch(`${two.url}/api/teams/${owner.teamId}/photos/${hash}`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
  });

  it("holds one member's message rate across instances", async () => {
    // 5 messages/s, bursts of 50, per member: 40 at once through each of three instances stay
    // under every instance's own budget; together they are over it in some second.
    const { instances } = await start(3, { memberRate: 5 });
    const owner = await createTeam((instances[0] as Instance).url);
    const clients = instances.map((instance) =>
      newProvider(instance.wsUrl, {
        name: teamScopedDocName(owner.teamId, newDocId() as DocId),
        token: owner.token,
      }),
    );
    await waitFor(() => expect(clients.every(isSettled)).toBe(true));
    for (let i = 0; i < 40; i++) {
      for (const client of clients) client.doc.getArray<number>('burst').push([i]);
    }
    await waitFor(() => expect(clients.every(isSettled)).toBe(true));
    // The instances add up their counts every 100 ms; one that finds the total over says so.
    await waitFor(() =>
      expect(instances.some((instance) => instance.logs().includes('across instances'))).toBe(true),
    );
    for (const client of clients) client.doc.getArray<number>('burst').push([40]);
    await waitFor(() =>
      expect(clients.some((client) => client.closeCodes.includes(SYNC_CLOSE.rateLimited))).toBe(
        true,
      ),
    );
  });

  it('keeps an acknowledged update whose dependency it lacks through SIGKILL, for another instance to complete', async () => {
    const { databaseUrl, instances } = await start(1);
    const [first] = instances as [Instance];
    const owner = await createTeam(first.url);
    const name = teamScopedDocName(owner.teamId, newDocId() as DocId);
    const { dependency, dependent } = dependentUpdates();

    const raw = await rawClient(first.wsUrl, name, owner.token);
    // Yjs keeps it aside (pendingStructs) and fires no update event; the ack must still mean stored.
    expect(await raw.sendUpdate(dependent)).toBe(true);
    await first.kill();

    const second = await startInstance(databaseUrl, (services as { redisUrl: string }).redisUrl);
    const late = await rawClient(second.wsUrl, name, owner.token);
    expect(await late.sendUpdate(dependency)).toBe(true);
    const reader = newProvider(second.wsUrl, { name, token: owner.token });
    await waitFor(() =>
      expect(reader.doc.getText('note').toString()).toBe('Leerling B vraagt om hulp.'),
    );
  });

  it('lets a restarted instance catch up from PostgreSQL', async () => {
    const { databaseUrl, instances } = await start(2);
    const [one, two] = instances as [Instance, Instance];
    const owner = await createTeam(one.url);
    const name = teamScopedDocName(owner.teamId, newDocId() as DocId);
    const early = newProvider(two.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(early)).toBe(true));
    early.doc.getArray<string>('events').push(['before']);
    await waitFor(() => expect(isSettled(early)).toBe(true));
    early.destroy();
    await two.stop();

    // Written through the first while the second is down.
    const writer = newProvider(one.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(writer)).toBe(true));
    writer.doc.getArray<string>('events').push(['while away']);
    await waitFor(() => expect(isSettled(writer)).toBe(true));

    const again = await startInstance(databaseUrl, (services as { redisUrl: string }).redisUrl);
    const reader = newProvider(again.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(reader)).toBe(true));
    expect(sorted(reader.doc.getArray<string>('events').toArray())).toEqual(
      sorted(['before', 'while away']),
    );
  });

  it('never loses an update when two instances compact the same document at once', async () => {
    const { databaseUrl, instances } = await start(2, { compactAfter: 3 });
    const [one, two] = instances as [Instance, Instance];
    const owner = await createTeam(one.url);
    const name = teamScopedDocName(owner.teamId, newDocId() as DocId);
    const a = newProvider(one.wsUrl, { name, token: owner.token });
    const b = newProvider(two.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(a) && isSettled(b)).toBe(true));
    const expected: string[] = [];
    for (let i = 0; i < 150; i++) {
      a.doc.getArray<string>('events').push([`a${i}`]);
      b.doc.getArray<string>('events').push([`b${i}`]);
      expected.push(`a${i}`, `b${i}`);
      // Waiting for the acknowledgements now and then keeps both instances compacting throughout.
      if (i % 10 === 9) await waitFor(() => expect(isSettled(a) && isSettled(b)).toBe(true));
    }
    await waitFor(() => expect(isSettled(a) && isSettled(b)).toBe(true));
    a.destroy();
    b.destroy();
    await Promise.all([one.stop(), two.stop()]);

    // Only what is stored: a fresh instance loads it from PostgreSQL.
    const fresh = await startInstance(databaseUrl, (services as { redisUrl: string }).redisUrl);
    const reader = newProvider(fresh.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(reader)).toBe(true));
    expect(sorted(reader.doc.getArray<string>('events').toArray())).toEqual(sorted(expected));
  });
});
