import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../serverProcess.ts', import.meta.url));

export interface ChildServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>/sync` */
  syncUrl: string;
  port: number;
  /** The server process's resident set size and JS heap in bytes, measured after a GC. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  close(): Promise<void>;
}

type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'memory'; rss: number; heapUsed: number };

function nextMessage<T extends ChildMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`server process sent no '${type}' within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: ChildMessage) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`server process exited (code ${code}) before sending '${type}'`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/**
 * Starts the real server (bench/serverProcess.ts) in a child Node process on a
 * free port. `unvalidated` switches the update guard off, to measure its cost;
 * `databaseUrl` and `redisUrl` make it one instance of several.
 */
export async function startChildServer(
  options: { unvalidated?: boolean; databaseUrl?: string; redisUrl?: string } = {},
): Promise<ChildServer> {
  const args = [
    ...(options.unvalidated ? ['--unvalidated'] : []),
    ...(options.databaseUrl ? [`--database-url=${options.databaseUrl}`] : []),
    ...(options.redisUrl ? [`--redis-url=${options.redisUrl}`] : []),
  ];
  const child = fork(ENTRY, args, {
    execPath: process.execPath,
    execArgv: ['--expose-gc', '--disable-warning=ExperimentalWarning'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage(child, 'ready', 30_000);
  return {
    url: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    port,
    async memory() {
      const reply = nextMessage(child, 'memory', 10_000);
      child.send({ type: 'memory' });
      const { rss, heapUsed } = await reply;
      return { rss, heapUsed };
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
