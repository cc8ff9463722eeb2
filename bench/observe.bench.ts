/**
 * Issue 6: the live observation screen in Chromium, against the performance
 * budgets (a cycle with 5,000 events opens in < 300 ms, a tap is handled in
 * < 50 ms).
 *
 * cycle-open-5000-events: a cycle (the cycle-open fixture) with one run that
 * three observers recorded 5,000 events in (bench/lib/observationFixture.ts),
 * opened from the team page straight into the observation screen of that run,
 * from the app's `leskring:cycle-open` mark to `leskring:observe-ready` (first
 * commit of the screen with this observer's folded log, case-pupil tiles and
 * kijkwijzer). Each sample loads the document from IndexedDB (checked as in
 * cycleOpen.bench.ts). Also with the CPU throttled 4× through CDP.
 *
 * observe-tap: on that screen (5,000 events loaded) with the CPU throttled 4×,
 * a tap on a case pupil's "+1" to the frame that shows the new count: the
 * `click` event's timestamp to a message posted from the first
 * animation frame after React changed the tile (≈ the paint). And the time
 * until the tile says "saved", i.e. the IndexedDB write of the document
 * change the tap made committed.
 * Also unthrottled, for reference.
 *
 * local-commit-4x-cpu: during those throttled taps, each change to the cycle
 * document from the moment it was made until its IndexedDB transaction
 * committed (LocalDocStore's `leskring:local-commit` measures).
 *
 * timeline-scroll-5000-events: the run's timeline (a virtualised list of the
 * 5,000 events by phase) scrolled top to bottom 240 px per animation frame;
 * the 95th percentile of the frame durations, unthrottled and at 4×.
 */
import type { Page } from 'playwright-core';
import type { CycleId, RunId } from '../src/model/cycleTypes.ts';
import { LOCAL_COMMIT_MEASURE } from '../src/sync/localDocStore.ts';
import {
  BETWEEN_VISITS_MS,
  measureOpens,
  navigateInApp,
  OPEN_SAMPLES,
  setUpBrowserCycle,
} from './lib/browserCycle.ts';
import { buildObservationFixture, FIXTURE_EVENTS } from './lib/observationFixture.ts';
import { type BenchOutput, percentile, round, summarizeMs } from './lib/report.ts';
import { seededIds } from './lib/seeded.ts';

const TAPS = 60;
/** How long a finger rests on the screen in a tap. */
const TAP_HOLD_MS = 60;
const OPEN_BUDGET_MS = 300;
const TAP_BUDGET_MS = 50;
/** The browser's member follows two of the six case pupils (observationFixture.ts). */
const TILES = 2;

declare global {
  interface Window {
    __tap?: {
      start?: number;
      tile?: Element;
      sawSaving: boolean;
      shown: number[];
      saved: number[];
    };
    /** Removes the probe of the previous series (its listener would otherwise outlive it). */
    __tapStop?: () => void;
    /** Tells the benchmark a tap is saved (bound to Node: no polling in the page while it waits). */
    __tapSaved?: () => void;
  }
}

/** In the page: times each tap to the frame showing its effect, and to its "saved" state. */
function installTapProbe(): void {
  window.__tapStop?.();
  const probe: NonNullable<Window['__tap']> = { sawSaving: false, shown: [], saved: [] };
  window.__tap = probe;
  let shownPending = false;
  // From the click (a tap counts on release; Playwright sends press and release as separate
  // CDP commands, so timing from pointerdown would include a round trip to Node).
  const onClick = (event: MouseEvent) => {
    probe.start = event.timeStamp;
    probe.tile = (event.target as Element).closest('.observe-tile') ?? undefined;
    probe.sawSaving = false;
    shownPending = true;
  };
  document.addEventListener('click', onClick, true);
  const root = document.querySelector('.observe-tiles');
  if (!root) throw new Error('no tiles on the page');
  const observer = new MutationObserver(() => {
    const start = probe.start;
    if (start === undefined) return;
    if (shownPending) {
      shownPending = false;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => probe.shown.push(performance.now() - start);
        channel.port2.postMessage(0);
      });
    }
    const state = probe.tile?.querySelector('[data-save-state]')?.getAttribute('data-save-state');
    if (state === 'saving') probe.sawSaving = true;
    else if (state === 'saved' && probe.sawSaving) {
      probe.saved.push(performance.now() - start);
      probe.start = undefined;
      window.__tapSaved?.();
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  window.__tapStop = () => {
    document.removeEventListener('click', onClick, true);
    observer.disconnect();
  };
}

/** Resolves the wait for the tap in flight; set once per page (exposeFunction cannot be undone). */
const tapSavedListeners = new WeakMap<Page, { notify: () => void }>();

async function whenTapSaved(page: Page): Promise<() => Promise<void>> {
  let listener = tapSavedListeners.get(page);
  if (listener === undefined) {
    const created = { notify: () => {} };
    listener = created;
    tapSavedListeners.set(page, created);
    await page.exposeFunction('__tapSaved', () => created.notify());
  }
  const current = listener;
  return () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('a tap was not saved within 10 s')), 10_000);
      current.notify = () => {
        clearTimeout(timer);
        resolve();
      };
    });
}

async function tapSeries(page: Page): Promise<{ shown: number[]; saved: number[] }> {
  await page.evaluate(installTapProbe);
  const nextSaved = await whenTapSaved(page);
  const buttons = page.locator('.observe-tile .observe-tap').filter({ hasText: '+1' });
  const boxes = [];
  for (let i = 0; i < TILES; i++) boxes.push(await buttons.nth(i).boundingBox());
  for (let i = 0; i < TAPS; i++) {
    // A plain mouse click at the button, held as long as a finger's tap (~60 ms) rather than
    // released at once. Nothing of the benchmark runs in the page meanwhile: no actionability
    // scripts before it, no polling after it (the probe calls back when the tap is saved).
    const box = boxes[i % TILES];
    if (!box) throw new Error('the +1 button is not on screen');
    const saved = nextSaved();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { delay: TAP_HOLD_MS });
    await saved;
    await page.waitForTimeout(150);
  }
  return page.evaluate(() => ({
    shown: window.__tap?.shown ?? [],
    saved: window.__tap?.saved ?? [],
  }));
}

/**
 * In the page: scrolls the timeline list from top to bottom, 240 px per frame
 * (a brisk flick), and returns each frame's duration and the most rows that
 * were in the DOM at once (the list is virtualised).
 */
async function scrollTimeline(): Promise<{ frames: number[]; maxRows: number }> {
  const box = document.querySelector<HTMLElement>('[data-testid="timeline-scroll"]');
  if (!box) throw new Error('no timeline list on the page');
  const frames: number[] = [];
  let maxRows = 0;
  let last = performance.now();
  while (box.scrollTop + box.clientHeight < box.scrollHeight - 2) {
    box.scrollTop += 240;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const now = performance.now();
    frames.push(now - last);
    last = now;
    maxRows = Math.max(maxRows, box.querySelectorAll('li').length);
  }
  return { frames, maxRows };
}

async function timelineScroll(
  page: Page,
  path: string,
): Promise<{ frames: number[]; maxRows: number }> {
  await navigateInApp(page, path);
  await page.locator('[data-testid="timeline-scroll"] li').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  return page.evaluate(scrollTimeline);
}

export async function run(): Promise<BenchOutput> {
  const cycleId = seededIds(0x0b5e_c7c1)() as CycleId;
  let runId = '' as RunId;
  const setup = await setUpBrowserCycle(cycleId, (doc, memberId) => {
    runId = buildObservationFixture(doc, memberId);
  });
  try {
    const { teacher, page, teamId, cycleDbName } = setup;
    const teamPath = `/teams/${teamId}`;
    const observePath = `/teams/${teamId}/cycles/${cycleId}/runs/${runId}/observe`;
    const tiles = page.locator('.observe-tile');
    const visit = {
      path: observePath,
      endMark: 'leskring:observe-ready',
      cycleDbName,
      from: teamPath,
      fromReady: 'h1#team-title',
      restMs: BETWEEN_VISITS_MS,
      check: async () => {
        const shown = await tiles.count();
        if (shown !== TILES) throw new Error(`observation screen shows ${shown} tiles`);
      },
    };

    // First open, online: the device receives the cycle and y-indexeddb stores it.
    await navigateInApp(page, observePath);
    await tiles.nth(TILES - 1).waitFor({ timeout: 30_000 });
    await setup.team.shell.waitForConnection('online');
    await navigateInApp(page, teamPath);
    await page.locator('h1#team-title').waitFor();
    await page.waitForTimeout(BETWEEN_VISITS_MS);

    const series = () => measureOpens(page, visit);
    const normal = await series();
    await navigateInApp(page, observePath);
    await tiles.nth(TILES - 1).waitFor({ timeout: 30_000 });
    const tapsUnthrottled = await tapSeries(page);
    const timelinePath = `/teams/${teamId}/cycles/${cycleId}/runs/${runId}/timeline`;
    const scroll = await timelineScroll(page, timelinePath);
    await navigateInApp(page, teamPath);
    await page.locator('h1#team-title').waitFor();
    await page.waitForTimeout(BETWEEN_VISITS_MS);
    const cdp = await teacher.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let throttled: number[];
    let taps: { shown: number[]; saved: number[] };
    let commits: number[] = [];
    let scrollThrottled: { frames: number[]; maxRows: number };
    try {
      throttled = await series();
      await navigateInApp(page, observePath);
      await tiles.nth(TILES - 1).waitFor({ timeout: 30_000 });
      await page.evaluate((name) => performance.clearMeasures(name), LOCAL_COMMIT_MEASURE);
      taps = await tapSeries(page);
      commits = await page.evaluate(
        (name) => performance.getEntriesByName(name).map((entry) => entry.duration),
        LOCAL_COMMIT_MEASURE,
      );
      scrollThrottled = await timelineScroll(page, timelinePath);
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    if (taps.shown.length < TAPS) throw new Error(`only ${taps.shown.length} taps were seen`);
    if (commits.length === 0) throw new Error('no local commit was measured during the taps');
    if (teacher.errors.length > 0) throw new Error(`page errors: ${teacher.errors.join('; ')}`);

    return {
      results: [
        {
          name: 'cycle-open-5000-events',
          value: round(percentile(normal, 50), 1),
          unit: 'ms',
          budget: OPEN_BUDGET_MS,
        },
        {
          name: 'cycle-open-5000-events-p95',
          value: round(percentile(normal, 95), 1),
          unit: 'ms',
          budget: OPEN_BUDGET_MS,
        },
        // The issue sets the 300 ms budget for an unthrottled open; this one is for information.
        {
          name: 'cycle-open-5000-events-4x-cpu',
          value: round(percentile(throttled, 50), 1),
          unit: 'ms',
          budget: null,
        },
        {
          name: 'observe-tap-p95',
          value: round(percentile(tapsUnthrottled.shown, 95), 1),
          unit: 'ms',
          budget: null,
        },
        {
          name: 'observe-tap-p95-4x-cpu',
          value: round(percentile(taps.shown, 95), 1),
          unit: 'ms',
          budget: TAP_BUDGET_MS,
        },
        {
          name: 'timeline-scroll-5000-events-p95-frame',
          value: round(percentile(scroll.frames, 95), 1),
          unit: 'ms',
          budget: null,
        },
        {
          name: 'timeline-scroll-5000-events-p95-frame-4x-cpu',
          value: round(percentile(scrollThrottled.frames, 95), 1),
          unit: 'ms',
          budget: null,
        },
        {
          name: 'observe-tap-saved-p95-4x-cpu',
          value: round(percentile(taps.saved, 95), 1),
          unit: 'ms',
          budget: null,
        },
        {
          name: 'local-commit-p95-4x-cpu',
          value: round(percentile(commits, 95), 1),
          unit: 'ms',
          budget: 50,
        },
      ],
      notes: [
        `document change → committed in IndexedDB (4× CPU, during the taps): ${summarizeMs(commits)} (${commits.length} commits)`,
        `cycle with ${FIXTURE_EVENTS} observation events (3 observers) + the cycle-open fixture ` +
          `(${round(setup.bytes / 1024, 1)} KB), IndexedDB → observation screen, ${OPEN_SAMPLES} opens: ${summarizeMs(normal)}`,
        `same with the CPU throttled 4×: ${summarizeMs(throttled)}`,
        `tap → frame with the new count, unthrottled, ${TAPS} taps: ${summarizeMs(tapsUnthrottled.shown)}`,
        `tap → frame with the new count, 4× CPU, ${TAPS} taps: ${summarizeMs(taps.shown)}`,
        `tap → "saved" (its document change committed), 4× CPU: ${summarizeMs(taps.saved)}`,
        `timeline of the run (5,000 events) scrolled 240 px a frame: ${scroll.frames.length} frames, ` +
          `${summarizeMs(scroll.frames)}; at most ${scroll.maxRows} rows in the DOM`,
        `same with the CPU throttled 4×: ${summarizeMs(scrollThrottled.frames)}, ` +
          `${scrollThrottled.frames.filter((f) => f > 50).length} frames over 50 ms`,
      ],
    };
  } finally {
    await setup.close();
  }
}
