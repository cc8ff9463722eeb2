import { spawn } from 'node:child_process';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsBuild } from '../../server/start.ts';
import { onCleanup, tempDir } from './helpers.ts';

const START = join(import.meta.dirname, '..', '..', 'server', 'start.ts');

describe('npm start (server/start.ts)', () => {
  it('rebuilds when dist is missing or older than the sources', async () => {
    const root = await tempDir();
    const dist = join(root, 'dist');
    await mkdir(join(root, 'src', 'app'), { recursive: true });
    await writeFile(join(root, 'src', 'app', 'App.tsx'), 'export {}');
    expect(needsBuild(root, dist)).toBe(true);

    await mkdir(dist);
    await writeFile(join(dist, 'index.html'), '<!doctype html>');
    const old = new Date('2026-01-01T00:00:00Z');
    const newer = new Date('2026-01-02T00:00:00Z');
    await utimes(join(root, 'src', 'app', 'App.tsx'), old, old);
    await utimes(join(root, 'src', 'app'), old, old);
    await utimes(join(root, 'src'), old, old);
    await utimes(join(dist, 'index.html'), newer, newer);
    expect(needsBuild(root, dist)).toBe(false);

    await writeFile(join(root, 'index.html'), '<!doctype html>');
    expect(needsBuild(root, dist)).toBe(true);
  });

  it('prints where it runs and stops gracefully (exit 0) on SIGTERM', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'dist'));
    await writeFile(join(root, 'dist', 'index.html'), '<!doctype html>');
    const child = spawn(process.execPath, [START], {
      env: {
        ...embeddedOnly(process.env),
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: join(root, 'data'),
        DIST_DIR: join(root, 'dist'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onCleanup(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Leskring is running at (http:\/\/\S+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const exit = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses an invalid environment with a readable message', async () => {
    const child = spawn(process.execPath, [START], {
      env: { ...embeddedOnly(process.env), PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) =>
      child.once('exit', (c) => resolve(c)),
    );
    expect(code).not.toBe(0);
    expect(err).toContain('PORT');
  });
});

/** The environment without the multi-instance settings `.ci/run` exports: these start the default server. */
function embeddedOnly(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...rest } = env;
  return rest;
}
