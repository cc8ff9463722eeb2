/**
 * Runs every benchmark against its performance budget, prints a table and
 * writes bench/results.json. Budget misses are reported, not failed: the exit
 * code is non-zero only when a benchmark could not run at all.
 *
 *   npm run bench                       build, then all benchmarks
 *   node bench/run.ts sync fanout       only benchmarks whose name matches (other figures
 *                                       in results.json are kept)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as cycleOpen from './cycleOpen.bench.ts';
import * as debrief from './debrief.bench.ts';
import * as fanout from './fanout.bench.ts';
import * as flood from './flood.bench.ts';
import * as initialJs from './initialJs.bench.ts';
import { type BenchOutput, type BenchResult, formatTable } from './lib/report.ts';
import * as observe from './observe.bench.ts';
import * as offlineColdStart from './offlineColdStart.bench.ts';
import * as plgOverview from './plgOverview.bench.ts';
import * as syncLatency from './syncLatency.bench.ts';

const RESULTS_PATH = fileURLToPath(new URL('./results.json', import.meta.url));

const benchmarks: Array<{ name: string; run: () => Promise<BenchOutput> }> = [
  { name: 'initialJs', run: () => initialJs.run() },
  { name: 'syncLatency', run: () => syncLatency.run() },
  { name: 'fanout', run: () => fanout.run() },
  { name: 'flood', run: () => flood.run() },
  { name: 'cycleOpen', run: () => cycleOpen.run() },
  { name: 'observe', run: () => observe.run() },
  { name: 'plgOverview', run: () => plgOverview.run() },
  { name: 'debrief', run: () => debrief.run() },
  { name: 'offlineColdStart', run: () => offlineColdStart.run() },
];

const filters = process.argv.slice(2).map((arg) => arg.toLowerCase());
const selected = benchmarks.filter(
  (bench) => filters.length === 0 || filters.some((f) => bench.name.toLowerCase().includes(f)),
);

// Timings are sensitive to other work on the machine: say how busy it was.
process.stdout.write(
  `node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}\n`,
);

const results: BenchResult[] = [];
const failures: string[] = [];
for (const bench of selected) {
  const started = performance.now();
  process.stdout.write(`▶ ${bench.name} …\n`);
  try {
    const output = await bench.run();
    results.push(...output.results);
    for (const note of output.notes) process.stdout.write(`  ${note}\n`);
    process.stdout.write(`  (${Math.round(performance.now() - started)} ms)\n`);
  } catch (error) {
    failures.push(bench.name);
    process.stderr.write(
      `✖ ${bench.name} failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
}

process.stdout.write(`\n${formatTable(results)}\n`);
// A filtered run updates its own figures and keeps the others from the last full run.
const previous: BenchResult[] =
  filters.length > 0 && existsSync(RESULTS_PATH)
    ? (JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as BenchResult[])
    : [];
const merged = [
  ...previous.map((old) => results.find((fresh) => fresh.name === old.name) ?? old),
  ...results.filter((fresh) => !previous.some((old) => old.name === fresh.name)),
];
writeFileSync(
  RESULTS_PATH,
  `${JSON.stringify(
    merged.map(({ name, value, unit, budget }) => ({ name, value, unit, budget })),
    null,
    2,
  )}\n`,
);
process.stdout.write(`\nwrote ${RESULTS_PATH}\n`);
if (failures.length > 0) {
  process.stderr.write(`benchmarks that could not run: ${failures.join(', ')}\n`);
  process.exitCode = 1;
}
