/**
 * Child-process entry for benchmarks: runs the real server alone in its own
 * process, so its memory and event loop are not shared with the benchmark's
 * clients. All of them connect from 127.0.0.1, so the per-address connection
 * limit is lifted; `--unvalidated` switches the update guard off (the cost of
 * validation is measured against it); `--database-url=…` and `--redis-url=…`
 * make it one instance on PostgreSQL and Redis. Talks to the parent over IPC
 * (see lib/childServer.ts):
 *   → { type: 'ready', port }              once listening
 *   ← { type: 'memory' } → { type: 'memory', rss, heapUsed }   (after a GC when --expose-gc)
 *   ← { type: 'close' }  → exits 0 after closing the server and removing DATA_DIR
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/main.ts';

type ParentMessage = { type: 'memory' } | { type: 'close' };

const send = (message: object) => process.send?.(message);

const argument = (name: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const databaseUrl = argument('database-url');
const redisUrl = argument('redis-url');

const dataDir = await mkdtemp(join(tmpdir(), 'leskring-bench-'));
const server = await startServer({
  ...(databaseUrl ? { databaseUrl } : {}),
  ...(redisUrl ? { redisUrl } : {}),
  port: 0,
  host: '127.0.0.1',
  dataDir,
  sync: {
    connectRateLimit: 1_000_000,
    validateUpdates: !process.argv.includes('--unvalidated'),
  },
  log: (line) => {
    if (/error|fail|warn/i.test(line)) process.stderr.write(`[server] ${line}\n`);
  },
});

let closing = false;
async function shutdown(code: number): Promise<never> {
  if (!closing) {
    closing = true;
    try {
      await server.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  process.exit(code);
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const usage = process.memoryUsage();
    send({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed });
  } else if (message.type === 'close') {
    void shutdown(0);
  }
});
// The parent died or closed the channel: do not linger.
process.on('disconnect', () => void shutdown(0));

send({ type: 'ready', port: server.port });
