/**
 * Performance budget: one server process holds 200 clients on 50 documents with
 * p95 fan-out < 50 ms.
 *
 * The real server runs alone in a child process (bench/serverProcess.ts), so
 * its memory is not mixed with the clients'. One team, 50 documents (the team
 * document and 49 `<teamId>/<docId>` documents), 4 clients per document, each
 * with its own Y.Doc, provider and WebSocket (200 sockets, like 200 devices).
 * Each round, one client of every document (rotating) makes a change; the 50
 * changes are issued 2 ms apart, so the server sees a steady 500 changes/s
 * with every change broadcast to 3 receivers. A sample is the time from the
 * local change until the last of the 3 other clients of that document has it.
 * Memory is the server process's RSS after a GC with all 200 clients connected.
 *
 * The same run is repeated against a server with update validation off
 * (`fanout-200-clients-p95-unvalidated`), so the cost of checking every
 * update on a scratch replica is measured on the same machine, minutes apart.
 */

import { startChildServer } from './lib/childServer.ts';
import { connectClient, createTeam, type SyncClient, whenValue } from './lib/clients.ts';
import { type BenchOutput, percentile, round } from './lib/report.ts';
import { seededIds } from './lib/seeded.ts';

const DOCUMENTS = 50;
const CLIENTS_PER_DOCUMENT = 4;
const ROUNDS = 40;
const WARM_UP_ROUNDS = 4;
const SPACING_MS = 2;
const TIMEOUT_MS = 10_000;
const CONNECT_BATCH = 25;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<BenchOutput> {
  const validated = await measure(false);
  const unvalidated = await measure(true);
  const ratio = validated.p95 / unvalidated.p95;
  return {
    results: [
      { name: 'fanout-200-clients-p95', value: validated.p95, unit: 'ms', budget: 50 },
      {
        name: 'fanout-200-clients-p95-unvalidated',
        value: unvalidated.p95,
        unit: 'ms',
        budget: null,
      },
      { name: 'server-memory-200-clients', value: validated.rssMb, unit: 'MB', budget: null },
    ],
    notes: [
      ...validated.notes,
      `without validation: ${unvalidated.notes[0]}`,
      `validation costs ${round(ratio, 2)}× at p95 (allowed: 1.5×)`,
    ],
  };
}

async function measure(
  unvalidated: boolean,
): Promise<{ p95: number; rssMb: number; notes: string[] }> {
  const server = await startChildServer({ unvalidated });
  const clients: SyncClient[][] = [];
  try {
    const ids = seededIds(0x5eed_0002);
    const team = await createTeam(server.url, {
      name: 'Bench fan-out',
      displayName: 'Bench facilitator',
      teamId: ids(),
      memberId: ids(),
    });
    const documentNames: string[] = [team.teamId];
    while (documentNames.length < DOCUMENTS) documentNames.push(`${team.teamId}/${ids()}`);
    const idle = await server.memory();

    const connectStart = performance.now();
    const pending: Array<() => Promise<SyncClient>> = [];
    for (const [d, name] of documentNames.entries()) {
      clients[d] = [];
      for (let c = 0; c < CLIENTS_PER_DOCUMENT; c += 1) {
        pending.push(async () => {
          const client = await connectClient({ syncUrl: server.syncUrl, name, token: team.token });
          clients[d]?.push(client);
          return client;
        });
      }
    }
    for (let i = 0; i < pending.length; i += CONNECT_BATCH) {
      await Promise.all(pending.slice(i, i + CONNECT_BATCH).map((connect) => connect()));
    }
    const connectMs = performance.now() - connectStart;
    const connected = await server.memory();

    const samples: number[] = [];
    for (let r = 0; r < WARM_UP_ROUNDS + ROUNDS; r += 1) {
      const changes: Promise<number>[] = [];
      for (const [d, group] of clients.entries()) {
        if (d > 0 && SPACING_MS > 0) await sleep(SPACING_MS);
        const writer = group[(r + d) % group.length] as SyncClient;
        const receivers = group.filter((client) => client !== writer);
        const value = r + 1;
        const arrivals = receivers.map((client) =>
          whenValue(client.doc.getMap('bench'), 'round', value, TIMEOUT_MS),
        );
        const start = performance.now();
        writer.doc.getMap<number>('bench').set('round', value);
        changes.push(Promise.all(arrivals).then((times) => Math.max(...times) - start));
      }
      const latencies = await Promise.all(changes);
      if (r >= WARM_UP_ROUNDS) samples.push(...latencies);
    }
    const afterRounds = await server.memory();

    const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
    const totalClients = clients.reduce((sum, group) => sum + group.length, 0);
    return {
      p95: round(percentile(samples, 95), 2),
      rssMb: mb(connected.rss),
      notes: [
        `fan-out: ${totalClients} clients on ${DOCUMENTS} documents, ${ROUNDS} rounds × ${DOCUMENTS} changes ` +
          `(${SPACING_MS} ms apart) after ${WARM_UP_ROUNDS} warm-up rounds; ` +
          `p50 ${round(percentile(samples, 50), 2)} ms, p95 ${round(percentile(samples, 95), 2)} ms, ` +
          `p99 ${round(percentile(samples, 99), 2)} ms, max ${round(Math.max(...samples), 2)} ms; ` +
          `connecting took ${Math.round(connectMs)} ms`,
        `server RSS: idle ${mb(idle.rss)} MB, 200 clients ${mb(connected.rss)} MB, ` +
          `after rounds ${mb(afterRounds.rss)} MB (heap ${mb(afterRounds.heapUsed)} MB)`,
      ],
    };
  } finally {
    for (const group of clients) for (const client of group) client.destroy();
    await server.close();
  }
}
