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
 *
 * With DATABASE_URL and REDIS_URL (real servers, a fresh database each run),
 * twice more: one instance on PostgreSQL (`…-postgres`), and two instances on
 * PostgreSQL and Redis with each document's four clients split two and two
 * (`…-2-instances`), so every change crosses Redis to reach half its
 * receivers. Memory is then the instances' RSS together.
 */

import { type ChildServer, startChildServer } from './lib/childServer.ts';
import { connectClient, createTeam, type SyncClient, whenValue } from './lib/clients.ts';
import { clusterServices, freshDatabase } from './lib/postgres.ts';
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

type Setup = {
  readonly unvalidated?: boolean;
  readonly databaseUrl?: string;
  readonly redisUrl?: string;
  readonly instances: number;
};

export async function run(): Promise<BenchOutput> {
  const validated = await measure({ instances: 1 });
  const unvalidated = await measure({ instances: 1, unvalidated: true });
  const ratio = validated.p95 / unvalidated.p95;
  const results: BenchOutput['results'] = [
    { name: 'fanout-200-clients-p95', value: validated.p95, unit: 'ms', budget: 50 },
    {
      name: 'fanout-200-clients-p95-unvalidated',
      value: unvalidated.p95,
      unit: 'ms',
      budget: null,
    },
    { name: 'server-memory-200-clients', value: validated.rssMb, unit: 'MB', budget: null },
  ];
  const notes = [
    ...validated.notes,
    `without validation: ${unvalidated.notes[0]}`,
    `validation costs ${round(ratio, 2)}× at p95 (allowed: 1.5×)`,
  ];
  const services = clusterServices();
  if (services === null) {
    notes.push('PostgreSQL and two-instance figures skipped: set DATABASE_URL and REDIS_URL');
    return { results, notes };
  }
  for (const [suffix, instances] of [
    ['postgres', 1],
    ['2-instances', 2],
  ] as const) {
    const database = await freshDatabase(services.databaseUrl);
    try {
      const measured = await measure({
        instances,
        databaseUrl: database.url,
        ...(instances > 1 ? { redisUrl: services.redisUrl } : {}),
      });
      results.push(
        { name: `fanout-200-clients-p95-${suffix}`, value: measured.p95, unit: 'ms', budget: 50 },
        {
          name: `server-memory-200-clients-${suffix}`,
          value: measured.rssMb,
          unit: 'MB',
          budget: null,
        },
      );
      notes.push(`${suffix}: ${measured.notes.join('; ')}`);
    } finally {
      await database.drop();
    }
  }
  return { results, notes };
}

async function measure(setup: Setup): Promise<{ p95: number; rssMb: number; notes: string[] }> {
  const servers: ChildServer[] = [];
  for (let i = 0; i < setup.instances; i += 1) {
    servers.push(
      await startChildServer({
        ...(setup.unvalidated ? { unvalidated: true } : {}),
        ...(setup.databaseUrl ? { databaseUrl: setup.databaseUrl } : {}),
        ...(setup.redisUrl ? { redisUrl: setup.redisUrl } : {}),
      }),
    );
  }
  const server = servers[0] as ChildServer;
  const memory = async () => {
    const each = await Promise.all(servers.map((s) => s.memory()));
    return {
      rss: each.reduce((sum, m) => sum + m.rss, 0),
      heapUsed: each.reduce((sum, m) => sum + m.heapUsed, 0),
    };
  };
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
    const idle = await memory();

    const connectStart = performance.now();
    const pending: Array<() => Promise<SyncClient>> = [];
    for (const [d, name] of documentNames.entries()) {
      clients[d] = [];
      for (let c = 0; c < CLIENTS_PER_DOCUMENT; c += 1) {
        pending.push(async () => {
          // Two and two over the instances, so half of every fan-out crosses Redis.
          const via = servers[c % servers.length] as ChildServer;
          const client = await connectClient({ syncUrl: via.syncUrl, name, token: team.token });
          clients[d]?.push(client);
          return client;
        });
      }
    }
    for (let i = 0; i < pending.length; i += CONNECT_BATCH) {
      await Promise.all(pending.slice(i, i + CONNECT_BATCH).map((connect) => connect()));
    }
    const connectMs = performance.now() - connectStart;
    const connected = await memory();

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
    const afterRounds = await memory();

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
    for (const instance of servers) await instance.close();
  }
}
