/**
 * Issue 13 (performance budget: a PLG overview of 30 cycles, 150,000 events,
 * opens in < 1 s): a team with 30 cycles, each with a run of 5,000 events by
 * three observers (bench/lib/observationFixture.ts), built in Node and pushed
 * to the real server; the team document holds each cycle's summary as the
 * app writes it (summarizeCycleDoc: learning activities and per-run
 * measures), and the team follows two kijkwijzer items.
 *
 * Measured (plg-overview-30-cycles): an in-app navigation from the settings
 * page to the PLG's year (`/teams/<id>/year?year=2026-2027`), from just
 * before the navigation to the app's `leskring:plg-ready` mark (the overview
 * committed with its 30 cycles); the team document's database must have been
 * opened during the visit (so it is read from IndexedDB), and no cycle
 * document's database may be: the overview is drawn from the team document
 * alone. Median of 10 visits after 2, then the same with the CPU throttled 4×.
 */
import * as Y from 'yjs';
import { summarizeCycleDoc } from '../src/model/cycleSummary.ts';
import type { CycleId, ItemMeasure } from '../src/model/cycleTypes.ts';
import { teamDocName, teamScopedDocName } from '../src/model/docName.ts';
import type { MemberId, TeamId } from '../src/model/ids.ts';
import { setFollowedItems } from '../src/model/plgSettings.ts';
import { putCycleSummary } from '../src/model/teamDoc.ts';
import {
  launchBrowser,
  newTeacherContext,
  readStoredMembership,
  startAppServer,
} from '../test/e2e/harness.ts';
import { HomePage } from '../test/e2e/pages.ts';
import {
  BETWEEN_VISITS_MS,
  navigateInApp,
  OPEN_SAMPLES,
  OPEN_WARM_UP,
  recordIndexedDbOpens,
  whenAcknowledged,
} from './lib/browserCycle.ts';
import { connectClient } from './lib/clients.ts';
import { buildObservationFixture, FIXTURE_EVENTS } from './lib/observationFixture.ts';
import { type BenchOutput, percentile, round, summarizeMs } from './lib/report.ts';
import { seededIds } from './lib/seeded.ts';

const BUDGET_MS = 1_000;
const CYCLES = 30;
const READY = 'leskring:plg-ready';
const NOW = '2026-12-01T12:00:00.000Z';

export async function run(): Promise<BenchOutput> {
  const app = await startAppServer();
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  try {
    const teacher = await newTeacherContext(browser, app.url);
    await teacher.context.addInitScript(recordIndexedDbOpens);
    const { page } = teacher;
    const team = await new HomePage(page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Bench PLG', displayName: 'Bench' }));
    await team.shell.waitForConnection('online');
    const teamId = team.teamId() as TeamId;
    const membership = await readStoredMembership(page, teamId);
    if (!membership?.token) throw new Error('the team has no member token on the device');
    const memberId = membership.memberId as MemberId;
    const syncUrl = `${app.url.replace(/^http/, 'ws')}/sync`;

    // 30 cycles of 5,000 events on the server, their summaries in the team document.
    const teamClient = await connectClient({
      syncUrl,
      name: teamDocName(teamId),
      token: membership.token,
    });
    const ids = seededIds(0x0913_0000);
    const cycleIds: CycleId[] = [];
    let events = 0;
    // The first cycle's measured items: the team follows two of them.
    let measured: readonly ItemMeasure[] | undefined;
    for (let i = 0; i < CYCLES; i++) {
      const cycleId = ids() as CycleId;
      cycleIds.push(cycleId);
      const doc = new Y.Doc();
      buildObservationFixture(doc, memberId, 0x0913_1000 + i);
      events += FIXTURE_EVENTS;
      const client = await connectClient({
        syncUrl,
        name: teamScopedDocName(teamId, cycleId),
        token: membership.token,
      });
      Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(doc));
      await whenAcknowledged(client, 60_000);
      client.destroy();
      const lastActivity = new Date(Date.UTC(2026, 8, 1 + i * 3, 15)).toISOString();
      const summary = summarizeCycleDoc(doc, cycleId, lastActivity, NOW);
      measured ??= summary.measures[0]?.items;
      putCycleSummary(teamClient.doc, summary);
    }
    setFollowedItems(
      teamClient.doc,
      (measured ?? []).slice(0, 2).map(({ key, label, kind }) => ({ key, label, kind })),
    );
    await whenAcknowledged(teamClient, 60_000);
    teamClient.destroy();

    const yearPath = `/teams/${teamId}/year?year=2026-2027`;
    const rows = page.getByTestId('plg-cycle');
    const check = async () => {
      const shown = await rows.count();
      if (shown !== CYCLES) throw new Error(`the overview shows ${shown} cycles`);
    };
    // First visit online: the device receives the team document and stores it.
    await navigateInApp(page, yearPath);
    await rows.nth(CYCLES - 1).waitFor({ timeout: 60_000 });
    await check();
    await navigateInApp(page, '/settings');
    await page.waitForTimeout(BETWEEN_VISITS_MS);

    const teamDb = `y:${teamDocName(teamId)}`;
    const cycleDbs = cycleIds.map((cycleId) => `y:${teamScopedDocName(teamId, cycleId)}`);
    const visit = async (): Promise<number> => {
      const start = await page.evaluate(
        ({ to, ready }) => {
          performance.clearMarks(ready);
          const at = performance.now();
          history.pushState(null, '', to);
          return at;
        },
        { to: yearPath, ready: READY },
      );
      await page.waitForFunction((ready) => performance.getEntriesByName(ready).length > 0, READY, {
        timeout: 30_000,
        polling: 50,
      });
      const end = await page.evaluate(
        (ready) => performance.getEntriesByName(ready)[0]?.startTime ?? Number.NaN,
        READY,
      );
      await check();
      const opened = await page.evaluate(
        (since) => (window.__benchIdbOpens ?? []).filter((e) => e.at >= since).map((e) => e.name),
        start,
      );
      if (!opened.includes(teamDb))
        throw new Error(
          'the team document was still in memory: the sample would not read IndexedDB',
        );
      const cycles = opened.filter((name) => cycleDbs.includes(name));
      if (cycles.length > 0)
        throw new Error(`the overview opened ${cycles.length} cycle documents`);
      await navigateInApp(page, '/settings');
      await page.waitForTimeout(BETWEEN_VISITS_MS);
      return end - start;
    };
    const series = async () => {
      const samples: number[] = [];
      for (let i = 0; i < OPEN_WARM_UP + OPEN_SAMPLES; i++) {
        const ms = await visit();
        if (i >= OPEN_WARM_UP) samples.push(ms);
      }
      return samples;
    };

    const normal = await series();
    const cdp = await teacher.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let throttled: number[];
    try {
      throttled = await series();
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    if (teacher.errors.length > 0) throw new Error(`page errors: ${teacher.errors.join('; ')}`);
    return {
      results: [
        {
          name: 'plg-overview-30-cycles',
          value: round(percentile(normal, 50), 1),
          unit: 'ms',
          budget: BUDGET_MS,
        },
        {
          name: 'plg-overview-30-cycles-4x-cpu',
          value: round(percentile(throttled, 50), 1),
          unit: 'ms',
          budget: null,
        },
      ],
      notes: [
        `${CYCLES} cycles, ${events.toLocaleString('en')} events; settings → the PLG's year, IndexedDB → overview drawn, no cycle document opened: ${summarizeMs(normal)}`,
        `same with the CPU throttled 4×: ${summarizeMs(throttled)}`,
      ],
    };
  } finally {
    await browser.close().catch(() => {});
    await app.close();
  }
}
