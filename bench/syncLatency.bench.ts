/**
 * Performance budget: a change reaches another client through the server in
 * < 100 ms p95 on loopback.
 *
 * The real server runs in a child process (bench/serverProcess.ts); two
 * HocuspocusProvider clients open the team document; client A makes 200
 * changes one at a time (a Y.Map `seq` set to the change number) and each is
 * timed from the local change until client B's document has it.
 */

import { startChildServer } from './lib/childServer.ts';
import { connectClient, createTeam, type SyncClient, whenValue } from './lib/clients.ts';
import { type BenchOutput, percentile, round } from './lib/report.ts';
import { seededIds } from './lib/seeded.ts';

const CHANGES = 200;
const WARM_UP = 10;
const PER_CHANGE_TIMEOUT_MS = 5_000;

export async function run(): Promise<BenchOutput> {
  const server = await startChildServer();
  const clients: SyncClient[] = [];
  try {
    const ids = seededIds(0x5eed_0001);
    const team = await createTeam(server.url, {
      name: 'Bench sync latency',
      displayName: 'Bench A',
      teamId: ids(),
      memberId: ids(),
    });
    const open = () =>
      connectClient({ syncUrl: server.syncUrl, name: team.teamId, token: team.token });
    const a = await open();
    clients.push(a);
    const b = await open();
    clients.push(b);
    const mapA = a.doc.getMap<number>('bench');
    const mapB = b.doc.getMap<unknown>('bench');

    const samples: number[] = [];
    for (let i = 0; i < WARM_UP + CHANGES; i += 1) {
      const seq = i + 1;
      const arrived = whenValue(mapB, 'seq', seq, PER_CHANGE_TIMEOUT_MS);
      const start = performance.now();
      mapA.set('seq', seq);
      const end = await arrived;
      if (i >= WARM_UP) samples.push(end - start);
    }
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    return {
      results: [
        { name: 'sync-latency-p50', value: round(p50, 2), unit: 'ms', budget: null },
        { name: 'sync-latency-p95', value: round(p95, 2), unit: 'ms', budget: 100 },
      ],
      notes: [
        `sync latency: ${CHANGES} changes (after ${WARM_UP} warm-up) A → server → B on the team doc; ` +
          `min ${round(Math.min(...samples), 2)} ms, max ${round(Math.max(...samples), 2)} ms`,
      ],
    };
  } finally {
    for (const client of clients) client.destroy();
    await server.close();
  }
}
