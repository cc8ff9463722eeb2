/**
 * Shared setup of the browser benchmarks that open a cycle (cycle-open,
 * observation): the real server with the built app, one tablet context with a
 * team created through the UI, and a cycle document built in Node and pushed
 * to the server with the browser's member token, listed in the team document.
 */
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import type { CycleId } from '../../src/model/cycleTypes.ts';
import { teamDocName, teamScopedDocName } from '../../src/model/docName.ts';
import type { MemberId, TeamId } from '../../src/model/ids.ts';
import { putCycleSummary } from '../../src/model/teamDoc.ts';
import { RELEASE_LINGER_MS } from '../../src/sync/docSession.ts';
import {
  type AppServer,
  launchBrowser,
  newTeacherContext,
  readStoredMembership,
  startAppServer,
  type TeacherContext,
} from '../../test/e2e/harness.ts';
import { HomePage, type TeamPage } from '../../test/e2e/pages.ts';
import { connectClient, type SyncClient } from './clients.ts';
import { fixtureSummary } from './cycleFixture.ts';

declare global {
  interface Window {
    /** IndexedDB databases opened by the page, with `performance.now()` (set by the init script). */
    __benchIdbOpens?: { name: string; at: number }[];
  }
}

/** Records every `indexedDB.open` of the page (installed before the app loads). */
export function recordIndexedDbOpens(): void {
  const opens: { name: string; at: number }[] = [];
  window.__benchIdbOpens = opens;
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    opens.push({ name, at: performance.now() });
    return version === undefined ? open.call(this, name) : open.call(this, name, version);
  };
}

/** Resolves once the server has acknowledged every change the client made. */
export function whenAcknowledged(client: SyncClient, timeoutMs = 15_000): Promise<void> {
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
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => history.pushState(null, '', to), path);
}

/** Whether `dbName` was opened at or after `since` (performance.now() of the page). */
export function openedSince(page: Page, dbName: string, since: number): Promise<boolean> {
  return page.evaluate(
    ([name, at]) => (window.__benchIdbOpens ?? []).some((e) => e.name === name && e.at >= at),
    [dbName, since] as const,
  );
}

/** Opens before the measured ones, and the measured ones, of a cycle-open series. */
export const OPEN_WARM_UP = 2;
export const OPEN_SAMPLES = 10;
/** Time on the page between visits: the released document must be closed, not lingering. */
export const BETWEEN_VISITS_MS = RELEASE_LINGER_MS + 700;

/**
 * One measured visit: from `from` (an in-app page) to `path`, timed from the
 * app's `leskring:cycle-open` mark to `endMark`; throws unless the cycle's
 * database was opened during the visit (so the figure includes IndexedDB).
 * Then `check` runs on the shown page, and the page goes back to `from` and
 * waits `restMs` so the released document is closed before the next visit.
 */
export async function measureOpen(
  page: Page,
  visit: {
    path: string;
    endMark: string;
    cycleDbName: string;
    from: string;
    fromReady: string;
    restMs: number;
    check?: () => Promise<void>;
  },
): Promise<number> {
  await page.evaluate((end) => {
    performance.clearMarks('leskring:cycle-open');
    performance.clearMarks(end);
  }, visit.endMark);
  await navigateInApp(page, visit.path);
  await page.waitForFunction((end) => performance.getEntriesByName(end).length > 0, visit.endMark, {
    timeout: 30_000,
    polling: 50,
  });
  const { start, end } = await page.evaluate(
    (endMark) => ({
      start: performance.getEntriesByName('leskring:cycle-open').at(-1)?.startTime ?? NaN,
      end: performance.getEntriesByName(endMark)[0]?.startTime ?? NaN,
    }),
    visit.endMark,
  );
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) {
    throw new Error(`cycle-open marks missing or out of order (${start} → ${end})`);
  }
  if (!(await openedSince(page, visit.cycleDbName, start))) {
    throw new Error(
      'the cycle document was still in memory: the sample would not measure IndexedDB',
    );
  }
  await visit.check?.();
  await navigateInApp(page, visit.from);
  await page.locator(visit.fromReady).waitFor();
  await page.waitForTimeout(visit.restMs);
  return end - start;
}

/** OPEN_WARM_UP visits, then OPEN_SAMPLES measured ones (see measureOpen); resolves with those. */
export async function measureOpens(
  page: Page,
  visit: Parameters<typeof measureOpen>[1],
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < OPEN_WARM_UP + OPEN_SAMPLES; i++) {
    const ms = await measureOpen(page, visit);
    if (i >= OPEN_WARM_UP) samples.push(ms);
  }
  return samples;
}

export type BrowserCycle = {
  readonly app: AppServer;
  readonly browser: Browser;
  readonly teacher: TeacherContext;
  readonly page: Page;
  readonly team: TeamPage;
  readonly teamId: TeamId;
  readonly memberId: MemberId;
  readonly cycleId: CycleId;
  /** The y-indexeddb database of the cycle document. */
  readonly cycleDbName: string;
  /** Size of the pushed cycle document, in bytes. */
  readonly bytes: number;
  close(): Promise<void>;
};

/**
 * Starts the server and a browser, creates a team in a tablet context and
 * puts the cycle that `build` writes (given the browser's member id) on the
 * server and in the team's cycle list. The browser has not opened it yet.
 */
export async function setUpBrowserCycle(
  cycleId: CycleId,
  build: (doc: Y.Doc, memberId: MemberId) => void,
): Promise<BrowserCycle> {
  const app = await startAppServer();
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  const clients: SyncClient[] = [];
  const close = async () => {
    for (const client of clients) client.destroy();
    await browser.close().catch(() => {});
    await app.close();
  };
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
    const memberId = membership.memberId as MemberId;

    const built = new Y.Doc();
    build(built, memberId);
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
    return {
      app,
      browser,
      teacher,
      page,
      team,
      teamId,
      memberId,
      cycleId,
      cycleDbName: `y:${teamScopedDocName(teamId, cycleId)}`,
      bytes: update.byteLength,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
