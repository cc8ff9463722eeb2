import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SYNC_CLOSE } from '../../src/model/apiErrors.ts';
import { teamScopedDocName } from '../../src/model/docName.ts';
import { newDocId } from '../../src/model/ids.ts';
import {
  api,
  isSettled,
  newProvider,
  startTestServer,
  type TestProvider,
  teamWithMember,
  waitFor,
} from './helpers.ts';
import { rawClient } from './rawClient.ts';
import { updateMessage } from './syncWire.ts';

/** Time until `reader` sees the value `writer` sets, in ms. */
async function roundTrip(
  writer: TestProvider,
  reader: TestProvider,
  value: number,
): Promise<number> {
  const start = performance.now();
  const seen = new Promise<void>((resolve) => {
    const map = reader.doc.getMap<number>('probe');
    const check = () => {
      if (map.get('n') === value) {
        map.unobserve(check);
        resolve();
      }
    };
    map.observe(check);
  });
  writer.doc.getMap<number>('probe').set('n', value);
  await seen;
  return performance.now() - start;
}

describe('nobody can take the sync server down', () => {
  it("closes a member's flood (4429) and keeps another member's sync and /healthz under a second", async () => {
    const { url, wsUrl } = await startTestServer();
    const { owner, member } = await teamWithMember(url, 'teacher');
    const shared = teamScopedDocName(owner.teamId, newDocId());
    const flooded = teamScopedDocName(owner.teamId, newDocId());
    const writer = newProvider(wsUrl, { name: shared, token: owner.token });
    const reader = newProvider(wsUrl, { name: shared, token: owner.token });
    await waitFor(() => expect(isSettled(writer) && isSettled(reader)).toBe(true));

    // 10,000 tiny updates as fast as the socket takes them, from one member.
    const flooder = await rawClient(wsUrl, flooded, member.token);
    await flooder.authenticated;
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 10_000; i++) source.getArray('flood').push([i]);
    for (const update of updates) {
      if (flooder.socket.readyState !== WebSocket.OPEN) break;
      flooder.sendRaw(updateMessage(flooded, update));
    }

    const latencies: number[] = [];
    const health: number[] = [];
    for (let i = 1; i <= 20; i++) {
      latencies.push(await roundTrip(writer, reader, i));
      const start = performance.now();
      expect((await api(url, 'GET', '/healthz')).status).toBe(200);
      health.push(performance.now() - start);
    }
    expect((await flooder.closed).code).toBe(SYNC_CLOSE.rateLimited);
    latencies.sort((a, b) => a - b);
    expect(latencies[Math.ceil(latencies.length * 0.95) - 1]).toBeLessThan(1_000);
    expect(Math.max(...health)).toBeLessThan(1_000);
  });

  it('limits one member across sockets, open documents per member and new documents per team', async () => {
    const { url, wsUrl } = await startTestServer({
      sync: {
        maxOpenDocumentsPerMember: 3,
        maxDocumentsPerTeam: 4,
        memberRate: { ratePerSecond: 10, burst: 40 },
      },
    });
    const { owner, member } = await teamWithMember(url, 'teacher');

    // Open documents: the fourth at once is refused, one closing makes room.
    const names = [1, 2, 3, 4].map(() => teamScopedDocName(owner.teamId, newDocId()));
    const open = await Promise.all(
      names.slice(0, 3).map((name) => rawClient(wsUrl, name, member.token)),
    );
    await Promise.all(open.map((client) => client.authenticated));
    const fourth = await rawClient(wsUrl, names[3] as string, member.token);
    await expect(fourth.authenticated).rejects.toThrow('too-many-documents');

    // New documents per team: the team document and the roster are stored, two more fit.
    for (const client of open.slice(0, 2)) {
      expect(await client.sendUpdate(Y.encodeStateAsUpdate(withText('x')))).toBe(true);
    }
    open[2]?.close();
    await open[2]?.closed;
    const fifth = await rawClient(wsUrl, teamScopedDocName(owner.teamId, newDocId()), member.token);
    await expect(fifth.authenticated).rejects.toThrow('quota-exceeded');

    // The member's budget is shared by their sockets: the second socket is over it too.
    const updates: Uint8Array[] = [];
    const source = new Y.Doc();
    source.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 60; i++) source.getArray('a').push([i]);
    const [first, second] = open as [(typeof open)[0], (typeof open)[0]];
    for (const update of updates.slice(0, 30))
      first.sendRaw(updateMessage(names[0] as string, update));
    for (const update of updates.slice(30))
      second.sendRaw(updateMessage(names[1] as string, update));
    const codes = await Promise.all([first.closed, second.closed]);
    expect(codes.map((event) => event.code)).toContain(SYNC_CLOSE.rateLimited);
  });

  it('limits WebSocket connections per client address (429 on the upgrade)', async () => {
    const { url, wsUrl } = await startTestServer({ sync: { connectRateLimit: 5 } });
    const { owner } = await teamWithMember(url, 'teacher');
    const name = teamScopedDocName(owner.teamId, newDocId());
    for (let i = 0; i < 5; i++) await (await rawClient(wsUrl, name, owner.token)).authenticated;
    await expect(rawClient(wsUrl, name, owner.token)).rejects.toThrow('socket error');
  });
});

function withText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}
