/**
 * The multi-instance set-up of the integration tests: real PostgreSQL and
 * Redis servers named by DATABASE_URL and REDIS_URL (`.ci/run` starts both
 * on loopback), server instances in child processes so one can be killed
 * with SIGKILL, and a round-robin TCP balancer in front of them, as nginx
 * would be.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';
import { onCleanup, tempDir } from './helpers.ts';

export { clusterServices, freshDatabase, SKIP_NOTICE } from './helpers.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'serverProcess.ts');

export type Instance = {
  readonly url: string;
  /** `ws://…/sync` of this instance. */
  readonly wsUrl: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** What the instance logged. */
  readonly logs: () => string;
  /** SIGKILL: no shutdown, no final store. */
  kill(): Promise<void>;
  /** SIGTERM: a graceful stop. */
  stop(): Promise<void>;
};

/** One server instance on PostgreSQL and Redis, in its own process, stopped after the test. */
export async function startInstance(
  databaseUrl: string,
  redisUrl: string,
  options: { compactAfter?: number; memberRate?: number } = {},
): Promise<Instance> {
  const dataDir = await tempDir('leskring-instance-');
  const child = spawn(process.execPath, [FIXTURE, dataDir, databaseUrl, redisUrl], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...(options.compactAfter ? { COMPACT_AFTER: String(options.compactAfter) } : {}),
      ...(options.memberRate ? { MEMBER_RATE: String(options.memberRate) } : {}),
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const started = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) resolve(JSON.parse(line) as { url: string; port: number });
    });
    child.once('exit', (code) => reject(new Error(`instance exited early (${code}): ${stderr}`)));
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    ...started,
    wsUrl: `${started.url.replace(/^http/, 'ws')}/sync`,
    child,
    logs: () => stderr,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

export type Balancer = {
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  /** Cuts every connection through it, as a network failure would. */
  dropConnections(): void;
  close(): Promise<void>;
};

/**
 * A TCP load balancer over the instances' ports: each new connection goes
 * to the next instance in turn (or, with `failover`, to the first that
 * answers); one that refuses (killed) is skipped, as a balancer's health
 * check would. No ports: the connection is refused.
 */
export async function startBalancer(
  ports: () => readonly number[],
  options: { failover?: boolean } = {},
): Promise<Balancer> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  const connectUpstream = (client: net.Socket, tries: number) => {
    const candidates = ports();
    if (tries >= candidates.length) {
      client.destroy();
      return;
    }
    const port =
      (options.failover ? candidates[tries] : candidates[next++ % candidates.length]) ?? 0;
    const upstream = net.connect({ host: '127.0.0.1', port });
    sockets.add(upstream);
    let open = false;
    upstream.once('connect', () => {
      open = true;
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      if (!open) connectUpstream(client, tries + 1);
      else client.destroy();
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      if (open) client.destroy();
    });
    client.on('close', () => upstream.destroy());
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.on('error', () => client.destroy());
    client.on('close', () => sockets.delete(client));
    connectUpstream(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  const close = async () => {
    dropConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  onCleanup(close);
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    port,
    dropConnections,
    close,
  };
}
