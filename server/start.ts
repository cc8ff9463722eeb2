/**
 * `npm start`: builds the app when needed, then runs the server with the
 * settings from the environment (server/config.ts) until SIGINT/SIGTERM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from './config.ts';
import { REPO_ROOT, type RunningServer, startServer } from './main.ts';

/** What the build reads; when any of it is newer than dist/index.html the app is rebuilt. */
const BUILD_INPUTS = ['src', 'public', 'service-worker', 'index.html', 'vite.config.ts'];

function newestMtime(path: string): number {
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when `distDir` has no index.html or one older than the newest build input. */
export function needsBuild(repoRoot: string, distDir: string): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(join(repoRoot, input)) > built);
}

function build(): boolean {
  const bin = join(REPO_ROOT, 'node_modules', '.bin', 'vite');
  if (!existsSync(bin)) {
    console.error('Cannot build the app: node_modules/.bin/vite is missing (run npm install).');
    return false;
  }
  console.log('Building the app (vite build)…');
  // Run vite's script with this Node (the pinned one), not whatever `node` is first on PATH.
  const result = spawnSync(process.execPath, [realpathSync(bin), 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(
      'The build failed; the server starts anyway and shows a notice instead of the app.',
    );
    return false;
  }
  return true;
}

function lanAddresses(): string[] {
  const found: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) found.push(address.address);
    }
  }
  return found;
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(
      `Leskring could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  const defaultDist = resolve(REPO_ROOT, 'dist');
  const distDir = config.distDir ?? defaultDist;
  if (distDir === defaultDist && needsBuild(REPO_ROOT, distDir)) build();

  let server: RunningServer;
  try {
    server = await startServer({
      port: config.port,
      host: config.host,
      dataDir: config.dataDir,
      ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }),
      ...(config.redisUrl === undefined ? {} : { redisUrl: config.redisUrl }),
      distDir,
      joinRateLimit: { max: config.joinRateLimit, windowMs: 60_000 },
      teamCreateRateLimit: { max: config.teamCreateRateLimit, windowMs: 60 * 60_000 },
      maxTeams: config.maxTeams,
      trustProxy: config.trustProxy,
      trustedProxies: config.trustedProxies,
      photoMaxBytes: config.photoMaxBytes,
      photoQuotaPerTeamBytes: config.photoQuotaPerTeamBytes,
      maxPayload: config.syncMaxMessageBytes,
      sync: config.sync,
    });
  } catch (error) {
    console.error(
      `Leskring could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }

  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const shownHost = wildcard ? 'localhost' : config.host;
  console.log(`Leskring is running at http://${shownHost}:${server.port}`);
  if (wildcard) {
    for (const address of lanAddresses()) {
      console.log(`  on your network: http://${address}:${server.port}`);
    }
  }
  console.log(
    server.database.kind === 'postgres'
      ? `  data: PostgreSQL ${server.database.location}${config.redisUrl ? ', shared through Redis' : ''}`
      : `  data: ${server.database.location}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: stopping…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('unhandledRejection', (reason) => {
    // Keep serving: one failed background task must not take every team offline.
    console.error('unhandled rejection (server keeps running):', reason);
  });
}

if (import.meta.main) await main();
