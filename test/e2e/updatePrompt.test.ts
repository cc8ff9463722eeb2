import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CuttableProxy,
  countLoads,
  DEFAULT_DIST_DIR,
  goOffline,
  goOnline,
  type Stage,
  startStage,
  type TeacherContext,
  waitForServiceWorkerControl,
} from './harness.ts';
import { HomePage, type TeamPage } from './pages.ts';

const VERSION_GLOBAL = '__leskringE2eVersion';

/** Marks the page so a reload (which starts a fresh window) can be told apart. */
function markPage(page: Page): Promise<void> {
  return page.evaluate(() => {
    (window as unknown as { e2eMark?: boolean }).e2eMark = true;
  });
}

function isMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { e2eMark?: boolean }).e2eMark === true);
}

/**
 * Added to the new version's service worker: it counts the page's requests to skip waiting
 * (the one step before it takes control, and so before the reload that follows) and answers
 * a probe with that count and its own state.
 */
const WAITING_WORKER_PROBE = `
// e2e: version 2 of the app
self.${VERSION_GLOBAL} = 2;
{
  let skipWaitingAsked = 0;
  self.addEventListener('message', (event) => {
    if (event.data?.type === 'SKIP_WAITING') skipWaitingAsked += 1;
    if (event.data?.type === 'e2e-probe') {
      event.ports[0]?.postMessage({ skipWaitingAsked, state: self.serviceWorker.state });
    }
  });
}
`;

type WaitingWorker = { skipWaitingAsked: number; state: ServiceWorkerState };

/**
 * Asks the waiting worker, through the page, how often the page asked it to skip waiting; null
 * when no worker waits any more. A worker handles one page's messages in the order they were
 * posted, so the answer covers every request the page made before this call.
 */
function askWaitingWorker(page: Page): Promise<WaitingWorker | null> {
  return page.evaluate(async () => {
    const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
    if (!waiting) return null;
    const channel = new MessageChannel();
    const answer = new Promise<WaitingWorker>((resolve) => {
      channel.port1.onmessage = (event) => resolve(event.data as WaitingWorker);
    });
    waiting.postMessage({ type: 'e2e-probe' }, [channel.port2]);
    return answer;
  });
}

describe('update prompt: a new version never reloads the app while changes are unsynced', () => {
  let distDir: string;
  let stage: Stage;
  let anna: TeacherContext;
  let proxy: CuttableProxy;
  let team: TeamPage;
  let loads: { readonly count: number };

  beforeAll(async () => {
    // A copy of the build, so a "new deployment" can be made without touching dist/.
    distDir = await mkdtemp(join(tmpdir(), 'leskring-e2e-dist-'));
    await cp(DEFAULT_DIST_DIR, distDir, { recursive: true });
    stage = await startStage({ distDir });
    ({ teacher: anna, proxy } = await stage.cuttableTeacher());
    team = await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Wiskunde onderbouw', displayName: 'Anna' }));
    await team.shell.waitForConnection('online');
    await waitForServiceWorkerControl(anna.page);
    loads = countLoads(anna.page);
    await markPage(anna.page);
  });

  afterAll(async () => {
    await stage?.close();
    if (distDir) await rm(distDir, { recursive: true, force: true });
  });

  it('offers a new version, never reloads while an offline edit is unsynced, and reloads onto it when the user applies it', async () => {
    // shows the update banner when a new service worker is deployed
    await appendFile(join(distDir, 'sw.js'), WAITING_WORKER_PROBE);
    await anna.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await team.shell.updateBanner().waitFor();
    expect(await team.shell.applyUpdateButton().isEnabled()).toBe(true);

    // disables the update and does not reload while an offline edit is unsynced
    await goOffline(anna, proxy);
    await team.rename('Wiskunde onder- en middenbouw');
    await team.shell.waitForConnection('offline', { allSaved: false });
    expect(await team.shell.unsyncedChanges()).toBeGreaterThanOrEqual(1);
    expect(await team.shell.applyUpdateButton().isDisabled()).toBe(true);

    // The page reloads only once the waiting worker takes control (vite-plugin-pwa's
    // 'controlling' event, or apply()'s 'controllerchange'), and the worker takes control only
    // when the page asks it to skip waiting. The teacher taps the disabled button anyway; the
    // worker, answering after any request that tap made, was never asked and still waits.
    await team.shell.applyUpdateButton().click({ force: true });
    expect(await askWaitingWorker(anna.page)).toEqual({ skipWaitingAsked: 0, state: 'installed' });
    expect(loads.count).toBe(0);
    expect(await isMarked(anna.page)).toBe(true);
    await team.waitForTeamName('Wiskunde onder- en middenbouw');
    expect(await team.shell.applyUpdateButton().isDisabled()).toBe(true);

    // enables the update once everything is synced, still without reloading on its own
    await goOnline(anna, proxy);
    await team.shell.waitForConnection('online', { timeout: 40_000 });
    await anna.page.waitForFunction(() => {
      const button = document.querySelector<HTMLButtonElement>(
        '[data-testid="update-banner"] button.primary',
      );
      return button !== null && !button.disabled;
    });
    expect(await askWaitingWorker(anna.page)).toEqual({ skipWaitingAsked: 0, state: 'installed' });
    expect(loads.count).toBe(0);
    expect(await isMarked(anna.page)).toBe(true);

    // reloads onto the new service worker when the user applies the update
    const reloaded = anna.page.waitForEvent('load');
    await team.shell.applyUpdateButton().click();
    await reloaded;
    expect(await isMarked(anna.page)).toBe(false);
    await waitForServiceWorkerControl(anna.page);
    const state = await anna.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        waiting: registration?.waiting ?? null,
        controllerIsActive:
          navigator.serviceWorker.controller !== null &&
          registration?.active?.scriptURL === navigator.serviceWorker.controller.scriptURL,
      };
    });
    expect(state).toEqual({ waiting: null, controllerIsActive: true });

    const versions = await Promise.all(
      anna.context
        .serviceWorkers()
        .map((worker) =>
          worker
            .evaluate(
              (name) => (self as unknown as Record<string, unknown>)[name] ?? 1,
              VERSION_GLOBAL,
            )
            .catch(() => null),
        ),
    );
    expect(versions).toContain(2);

    // The renamed team is still there after the update.
    await team.waitForTeamName('Wiskunde onder- en middenbouw');
    expect(await team.shell.updateBanner().count()).toBe(0);
  });
});
