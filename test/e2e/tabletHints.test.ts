/**
 * Issue 15, what a teacher stumbles on: a half-typed date says what is wrong
 * instead of silently doing nothing, and "the screen may turn off" says what
 * to do about it. An iPad in Safari is told how to put the app on its home
 * screen, and warned while changes wait on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { observeNl as o } from '../../src/i18n/observe.nl.ts';
import { planNl } from '../../src/i18n/plan.nl.ts';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import { timelineNl } from '../../src/i18n/timeline.nl.ts';
import {
  goOffline,
  goOnline,
  type Stage,
  startStage,
  type TeacherContext,
  waitForServiceWorkerControl,
} from './harness.ts';
import { ObservePage } from './observePage.ts';
import { CyclePage, HomePage } from './pages.ts';

const IPADOS_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';

describe('issue 15: hints a teacher needs', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let annaTeamPath: string;

  beforeAll(async () => {
    stage = await startStage();
    anna = await stage.teacher();
    await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Rekenen groep 3', displayName: 'Anna' }));
    annaTeamPath = new URL(anna.page.url()).pathname;
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('says a half-typed run date is incomplete, and how to keep the screen on', async () => {
    const page = anna.page;
    await page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).click();
    await page.waitForURL(/\/cycles\//);
    const cycle = new CyclePage(page);
    await cycle.tabsOrGuide().first().waitFor();
    await cycle.openTab('runs');
    const form = page.getByRole('form', { name: planNl.runs.planHeading });
    const runs = await page.locator('[data-run-id]').count();
    const date = form.getByLabel(planNl.runs.date, { exact: true });
    await date.click();
    await date.press('1');
    await date.press('2');
    await form.getByRole('button', { name: `+ ${planNl.runs.plan}`, exact: true }).click();
    await form.getByRole('alert').getByText(planNl.runs.dateIncomplete).waitFor();
    expect(await page.locator('[data-run-id]').count()).toBe(runs);

    // Headless Chromium refuses the wake lock, as Safari does outside a tap.
    const screen = await ObservePage.observeNow(page);
    await screen.start();
    await page.getByText(o.wakeLock.off, { exact: true }).waitFor();
    await page.getByText(o.wakeLock.offHint.trim()).waitFor();

    // Time per phase: planned, actual and the difference all in minutes.
    const asks = templatesNl.casePupil.items.askedForHelp.label;
    await screen.tally('Leerling A', asks);
    await screen.tally('Leerling A', asks);
    await expect.poll(() => screen.tileSaveState('Leerling A')).toBe('saved');
    // An Undo offered during the lesson goes away once the lesson is finished.
    await screen.undoLast();
    const undoToast = page.locator('.toasts .toast').filter({ hasText: o.undo.done.split(':')[0] });
    await undoToast.waitFor();
    await screen.finish();
    expect(await undoToast.count()).toBe(0);
    await page.goto(page.url().replace(/\/observe$/, '/timeline'));
    const table = page.getByRole('table', { name: timelineNl.summary.time.heading });
    await table.waitFor();
    const figures = await table.locator('td.num').allTextContents();
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures.filter(
      (text) => text !== '' && text !== timelineNl.summary.time.notPlanned,
    ))
      expect(figure).toMatch(/^[+−]?\d+ min$/);
  });

  it('guides an iPad in Safari to the home screen, and warns while unsynced changes sit on it', async () => {
    // The headless Chromium of the first test is no iPad: its team page has no home-screen steps.
    await anna.page.goto(annaTeamPath);
    await anna.page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).waitFor();
    expect(await anna.page.getByRole('heading', { name: nl.app.homeScreen.title }).count()).toBe(0);

    // iPadOS says "Macintosh" and "MacIntel"; only its touch points give it away.
    const { teacher: ipad, proxy } = await stage.cuttableTeacher({ userAgent: IPADOS_SAFARI });
    const cdp = await ipad.context.newCDPSession(ipad.page);
    await cdp.send('Emulation.setUserAgentOverride', {
      userAgent: IPADOS_SAFARI,
      platform: 'MacIntel',
    });
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    const team = await new HomePage(ipad.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Lezen groep 7', displayName: 'Bram' }));
    await team.shell.waitForConnection('online');
    const guide = ipad.page.getByRole('region', { name: nl.app.homeScreen.title });
    await guide.getByText(nl.app.homeScreen.steps.choose).waitFor();

    // Changes waiting on the iPad: the banner says what Safari will do and how to prevent it.
    await waitForServiceWorkerControl(ipad.page);
    await goOffline(ipad, proxy);
    await team.shell.waitForConnection('offline');
    await team.rename('Lezen en schrijven groep 7');
    const banner = ipad.page.getByTestId('unsynced-at-risk');
    await banner.getByText(/Safari wist/).waitFor();
    await banner.getByText(nl.app.homeScreen.how).click();
    await banner.getByText(nl.app.homeScreen.steps.share).waitFor();

    await goOnline(ipad, proxy);
    await team.shell.waitForConnection('online');
    await banner.waitFor({ state: 'detached' });

    // Before observing, the steps come again; closed once, they stay closed on this device.
    await ipad.page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).click();
    await ipad.page.waitForURL(/\/cycles\//);
    const cycle = new CyclePage(ipad.page);
    await cycle.tabsOrGuide().first().waitFor();
    await cycle.openTab('runs');
    await ObservePage.observeNow(ipad.page);
    await guide.getByRole('button', { name: nl.app.homeScreen.dismiss }).click();
    await guide.waitFor({ state: 'detached' });
    await ipad.page.goto(new URL(team.page.url()).pathname.replace(/\/cycles\/.*$/, ''));
    await ipad.page
      .getByRole('heading', { level: 1, name: 'Lezen en schrijven groep 7' })
      .waitFor();
    expect(await guide.count()).toBe(0);
  });
});
