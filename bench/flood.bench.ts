/**
 * Performance budget: one member flooding updates never pushes another member's
 * sync p95 over 1 s.
 *
 * The real server runs alone in a child process. One member floods a document
 * from a third process with 10,000 tiny updates a second over a raw socket
 * (bench/flooderProcess.ts) and reconnects at once
 * each time the server closes it. Meanwhile another member changes a value
 * every 25 ms on another document and a second device of theirs waits for
 * it: `flood-neighbour-p95` is the p95 of that round trip over 5 s, and
 * `flood-healthz-p95` the p95 of GET /healthz from the same process. The same
 * round trip without the flood is reported for comparison.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startChildServer } from './lib/childServer.ts';
import { connectClient, createTeam, whenValue } from './lib/clients.ts';
import { type BenchOutput, percentile, round } from './lib/report.ts';
import { seededIds } from './lib/seeded.ts';

const FLOOD_PER_SECOND = 10_000;
const DURATION_MS = 5_000;
const PROBE_EVERY_MS = 25;

const FLOODER = fileURLToPath(new URL('./flooderProcess.ts', import.meta.url));

/** Starts the flooder process; `stop` ends it and reports what it sent and how often it was closed. */
async function startFlooderProcess(args: string[]) {
  const child = fork(FLOODER, args, {
    execPath: process.execPath,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  return {
    stop: () =>
      new Promise<{ sent: number; closes: Array<[number, number]> }>((resolve) => {
        child.once('message', (message: { sent: number; closes: Array<[number, number]> }) =>
          resolve(message),
        );
        child.send({ type: 'stop' });
      }),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function post(url: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}`);
  return response.json();
}

export async function run(): Promise<BenchOutput> {
  const server = await startChildServer();
  try {
    const ids = seededIds(0x5eed_0007);
    const owner = await createTeam(server.url, {
      name: 'Bench flood',
      displayName: 'Bench facilitator',
      teamId: ids(),
      memberId: ids(),
    });
    const invite = (await post(
      server.url,
      `/api/teams/${owner.teamId}/invites`,
      {},
      owner.token,
    )) as { code: string };
    const attacker = (await post(server.url, '/api/join', {
      code: invite.code,
      displayName: 'Flooder',
    })) as { token: string };

    const neighbourDoc = `${owner.teamId}/${ids()}`;
    const writer = await connectClient({
      syncUrl: server.syncUrl,
      name: neighbourDoc,
      token: owner.token,
    });
    const reader = await connectClient({
      syncUrl: server.syncUrl,
      name: neighbourDoc,
      token: owner.token,
    });

    let value = 0;
    async function probe(samples: number[], until: number): Promise<void> {
      while (performance.now() < until) {
        value += 1;
        const arrived = whenValue(reader.doc.getMap('probe'), 'n', value, 30_000);
        const start = performance.now();
        writer.doc.getMap<number>('probe').set('n', value);
        samples.push((await arrived) - start);
        await sleep(PROBE_EVERY_MS);
      }
    }
    async function health(samples: number[], until: number): Promise<void> {
      while (performance.now() < until) {
        const start = performance.now();
        await (await fetch(new URL('/healthz', server.url))).text();
        samples.push(performance.now() - start);
        await sleep(100);
      }
    }

    const quiet: number[] = [];
    await probe(quiet, performance.now() + 2_000);

    const flooder = await startFlooderProcess([
      server.syncUrl,
      `${owner.teamId}/${ids()}`,
      attacker.token,
      String(FLOOD_PER_SECOND),
    ]);
    const flooded: number[] = [];
    const healthz: number[] = [];
    const until = performance.now() + DURATION_MS;
    await Promise.all([probe(flooded, until), health(healthz, until)]);
    const { sent, closes } = await flooder.stop();
    writer.destroy();
    reader.destroy();

    const closeSummary = closes.map(([code, count]) => `${count}× ${code}`).join(', ');
    return {
      results: [
        {
          name: 'flood-neighbour-p95',
          value: round(percentile(flooded, 95), 2),
          unit: 'ms',
          budget: 1_000,
        },
        {
          name: 'flood-healthz-p95',
          value: round(percentile(healthz, 95), 2),
          unit: 'ms',
          budget: 1_000,
        },
      ],
      notes: [
        `flood: ${sent} updates sent at ${FLOOD_PER_SECOND}/s over ${DURATION_MS / 1000} s; ` +
          `the server closed the flooder's socket ${closeSummary || 'never'}`,
        `neighbour round trip: quiet p95 ${round(percentile(quiet, 95), 2)} ms; under the flood ` +
          `p50 ${round(percentile(flooded, 50), 2)} ms, p95 ${round(percentile(flooded, 95), 2)} ms, ` +
          `max ${round(Math.max(...flooded), 2)} ms (${flooded.length} samples); ` +
          `/healthz max ${round(Math.max(...healthz), 2)} ms`,
      ],
    };
  } finally {
    await server.close();
  }
}
