/**
 * `npm test` after typecheck, lint and build: the fast levels (unit,
 * integration and, with DATABASE_URL and REDIS_URL, the distributed attack
 * tests, then the e2e screen audit) and the other browser tests (e2e, one
 * spec file at a time) run as two vitest processes side by side, so the second core works while the browser
 * tests run. The e2e output streams; the other run's output is printed in one
 * piece when it ends, followed by each run's summary. Exits non-zero when
 * either run fails.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const VITEST = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
/** The e2e screen audit goes with the fast levels: both processes then take about as long. */
const FAST = ['unit', 'integration', 'distributed', 'e2e-audit'];

type Finished = { readonly name: string; readonly code: number; readonly output: string };

function run(name: string, projects: readonly string[], stream: boolean): Promise<Finished> {
  const args = [VITEST, 'run', ...projects.flatMap((project) => ['--project', project])];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (stream) process.stdout.write(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (stream) process.stderr.write(chunk);
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      if (!stream) process.stdout.write(`\n── ${name} ──\n${output}`);
      resolve({ name, code: code ?? (signal ? 1 : 0), output });
    });
  });
}

// The distributed project exists only with both services (vitest.config.ts); naming it
// otherwise would be an error.
const distributed = Boolean(process.env.DATABASE_URL?.trim() && process.env.REDIS_URL?.trim());
const fast = FAST.filter((project) => project !== 'distributed' || distributed);
const results = await Promise.all([
  run('unit, integration and the screen audit', fast, false),
  run('e2e', ['e2e'], true),
]);

const strip = (text: string) => stripVTControlCharacters(text);
process.stdout.write('\n── all levels ──\n');
for (const result of results) {
  const summary = strip(result.output)
    .split('\n')
    .filter((line) => /^\s*(Test Files|Tests|Duration)\s/.test(line));
  process.stdout.write(`${result.name}: exit ${result.code}\n${summary.join('\n')}\n`);
}
// Not process.exit(): it would cut off what is still being written to a pipe (CI's log
// lost the fast run's output and both summaries once that way).
process.exitCode = results.some((result) => result.code !== 0) ? 1 : 0;
