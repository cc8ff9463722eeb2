/**
 * Issue 5 (DESIGN §4 "a cycle document … opens in < 300 ms"): opening a cycle
 * with three research lessons of 12 phases, six case pupils and every
 * prediction filled, in Chromium, from IndexedDB to the rendered lesson plan.
 *
 * Setup: the real server (in this process) serves the built app; a tablet
 * context creates a team through the UI. The cycle (bench/lib/cycleFixture.ts)
 * is built in Node with the model functions and pushed to the server by a raw
 * provider holding the browser's member token, and listed in the team
 * document. The browser opens it once online, so y-indexeddb stores it.
 *
 * Measured: the app's own marks, `leskring:cycle-open` (the cycle page starts
 * acquiring the document, src/features/cycle/useCycleDoc.ts) to
 * `leskring:plan-rendered` (first layout of the plan tab with its phases,
 * src/features/plan/PlanTab.tsx), for an in-app navigation from the team page
 * to `…/cycles/<id>?tab=plan`. Before each sample the previous visit's document
 * has been released and closed (RELEASE_LINGER_MS, src/sync/openDoc.ts); an
 * init script records every IndexedDB open, and a sample counts only if the
 * cycle's database `y:<teamId>/<cycleId>` was opened after the start mark, so
 * each figure includes loading it from IndexedDB. Then the same with the CPU
 * throttled 4× through CDP (LIBRARY-NOTES §8).
 */
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import type { CycleId } from '../src/model/cycleTypes.ts';
import { teamDocName, teamScopedDocName } from '../src/model/docName.ts';
import type { MemberId, TeamId } from '../src/model/ids.ts';
import { putCycleSummary } from '../src/model/teamDoc.ts';
import { RELEASE_LINGER_MS } from '../src/sync/openDoc.ts';
import {
  launchBrowser,
  newTeacherContext,
  readStoredMembership,
  startAppServer,
} from '../test/e2e/harness.ts';
import { type CyclePage, HomePage } from '../test/e2e/pages.ts';
import { connectClient, type SyncClient } from './lib/clients.ts';
import {
  buildCycleFixture,
  FIXTURE_PHASES,
  FIXTURE_TITLE,
  fixtureSummary,
} from './lib/cycleFixture.ts';
import { type BenchOutput, percentile, round } from './lib/report.ts';
import { seededIds } from './lib/seeded.ts';

const WARM_UP = 2;
const SAMPLES = 10;
/** Time on the team page between visits: the released document must be closed, not lingering. */
const BETWEEN_VISITS_MS = RELEASE_LINGER_MS + 700;
const BUDGET_MS = 300;

declare global {
  interface Window {
    /** IndexedDB databases opened by the page, with `performance.now()` (set by the init script). */
    __benchIdbOpens?: { name: string; at: number }[];
  }
}

/** Records every `indexedDB.open` of the page (installed before the app loads). */
function recordIndexedDbOpens(): void {
  const opens: { name: string; at: number }[] = [];
  window.__benchIdbOpens = opens;
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    opens.push({ name, at: performance.now() });
    return version === undefined ? open.call(this, name) : open.call(this, name, version);
  };
}

/** Resolves once the server has acknowledged every change the client made. */
function whenAcknowledged(client: SyncClient, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (client.provider.hasUnsyncedChanges) return;
      clearTimeout(timer);
      client.provider.off('unsyncedChanges', check);
      resolve();
    };
    const timer = setTimeout(() => {
      client.provider.off('unsyncedChanges', check);
      reject(new Error('the server did not acknowledge the fixture in time'));
    }, timeoutMs);
    client.provider.on('unsyncedChanges', check);
    check();
  });
}

/** An in-app navigation (wouter follows history.pushState), no page load. */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => history.pushState(null, '', to), path);
}

/** One measured visit: team page → lesson plan of the cycle; returns the time between the marks. */
async function measureOpen(
  page: Page,
  teamId: string,
  cycleId: string,
  cycleDbName: string,
): Promise<number> {
  await page.evaluate(() => {
    performance.clearMarks('leskring:cycle-open');
    performance.clearMarks('leskring:plan-rendered');
  });
  await navigateInApp(page, `/teams/${teamId}/cycles/${cycleId}?tab=plan`);
  await page.waitForFunction(
    () => performance.getEntriesByName('leskring:plan-rendered').length > 0,
    undefined,
    { timeout: 30_000, polling: 50 },
  );
  const { start, end, loadedFromIndexedDb } = await page.evaluate((dbName) => {
    const open = performance.getEntriesByName('leskring:cycle-open').at(-1)?.startTime ?? NaN;
    const rendered = performance.getEntriesByName('leskring:plan-rendered')[0]?.startTime ?? NaN;
    const opens = window.__benchIdbOpens ?? [];
    return {
      start: open,
      end: rendered,
      loadedFromIndexedDb: opens.some((entry) => entry.name === dbName && entry.at >= open),
    };
  }, cycleDbName);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) {
    throw new Error(`cycle-open marks missing or out of order (${start} → ${end})`);
  }
  if (!loadedFromIndexedDb) {
    throw new Error(
      'the cycle document was still in memory: the sample would not measure IndexedDB',
    );
  }
  const phases = await page.locator('section.plan tr.phase-row').count();
  if (phases !== FIXTURE_PHASES) throw new Error(`plan shows ${phases} phases`);
  await navigateInApp(page, `/teams/${teamId}`);
  await page.locator('h1#team-title').waitFor();
  await page.waitForTimeout(BETWEEN_VISITS_MS);
  return end - start;
}

async function series(
  page: Page,
  teamId: string,
  cycleId: string,
  cycleDbName: string,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i += 1) {
    const ms = await measureOpen(page, teamId, cycleId, cycleDbName);
    if (i >= WARM_UP) samples.push(ms);
  }
  return samples;
}

const summarize = (samples: readonly number[]) =>
  `min ${round(Math.min(...samples), 1)}, median ${round(percentile(samples, 50), 1)}, ` +
  `p95 ${round(percentile(samples, 95), 1)}, max ${round(Math.max(...samples), 1)} ms`;

export async function run(): Promise<BenchOutput> {
  const app = await startAppServer();
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  const clients: SyncClient[] = [];
  try {
    const teacher = await newTeacherContext(browser, app.url);
    await teacher.context.addInitScript(recordIndexedDbOpens);
    const { page } = teacher;

    const team = await new HomePage(page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Bench cycli', displayName: 'Bench' }));
    await team.shell.waitForConnection('online');
    const teamId = team.teamId() as TeamId;
    const membership = await readStoredMembership(page, teamId);
    if (!membership?.token) throw new Error('the team has no member token on the device');

    // The fixture, built in Node and pushed to the server with the member's token.
    const cycleId = seededIds(0xc7c1_e0e0)() as CycleId;
    const built = new Y.Doc();
    buildCycleFixture(built, membership.memberId as MemberId);
    const update = Y.encodeStateAsUpdate(built);
    const syncUrl = `${app.url.replace(/^http/, 'ws')}/sync`;
    const cycleClient = await connectClient({
      syncUrl,
      name: teamScopedDocName(teamId, cycleId),
      token: membership.token,
    });
    clients.push(cycleClient);
    Y.applyUpdate(cycleClient.doc, update);
    await whenAcknowledged(cycleClient);
    const teamClient = await connectClient({
      syncUrl,
      name: teamDocName(teamId),
      token: membership.token,
    });
    clients.push(teamClient);
    putCycleSummary(teamClient.doc, fixtureSummary(built, cycleId));
    await whenAcknowledged(teamClient);

    // First open, online: the device receives the cycle and y-indexeddb stores it.
    const cycle: CyclePage = await team.openCycle(FIXTURE_TITLE);
    await cycle.openTab('plan');
    await cycle
      .phaseRows()
      .nth(FIXTURE_PHASES - 1)
      .waitFor({ timeout: 30_000 });
    await cycle.shell.waitForConnection('online');
    await navigateInApp(page, `/teams/${teamId}`);
    await page.locator('h1#team-title').waitFor();
    await page.waitForTimeout(BETWEEN_VISITS_MS);

    const cycleDbName = `y:${teamScopedDocName(teamId, cycleId)}`;
    const normal = await series(page, teamId, cycleId, cycleDbName);

    const cdp = await teacher.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let throttled: number[];
    try {
      throttled = await series(page, teamId, cycleId, cycleDbName);
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    if (teacher.errors.length > 0) throw new Error(`page errors: ${teacher.errors.join('; ')}`);

    const bytes = update.byteLength;
    return {
      results: [
        {
          name: 'cycle-open-3-lessons',
          value: round(percentile(normal, 50), 1),
          unit: 'ms',
          budget: BUDGET_MS,
        },
        {
          name: 'cycle-open-3-lessons-p95',
          value: round(percentile(normal, 95), 1),
          unit: 'ms',
          budget: BUDGET_MS,
        },
        {
          name: 'cycle-open-3-lessons-4x-cpu',
          value: round(percentile(throttled, 50), 1),
          unit: 'ms',
          budget: BUDGET_MS,
        },
      ],
      notes: [
        `cycle open (3 research lessons × ${FIXTURE_PHASES} phases, 6 case pupils, all predictions; ` +
          `${round(bytes / 1024, 1)} KB as one Yjs update), IndexedDB → rendered plan, ` +
          `${SAMPLES} opens after ${WARM_UP} warm-up: ${summarize(normal)}`,
        `same with the CPU throttled 4× (CDP): ${summarize(throttled)}`,
      ],
    };
  } finally {
    for (const client of clients) client.destroy();
    await browser.close().catch(() => {});
    await app.close();
  }
}
