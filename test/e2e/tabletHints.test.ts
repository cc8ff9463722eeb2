/**
 * Issue 15, what a teacher stumbles on: a half-typed date says what is wrong
 * instead of silently doing nothing, and "the screen may turn off" says what
 * to do about it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { observeNl as o } from '../../src/i18n/observe.nl.ts';
import { planNl } from '../../src/i18n/plan.nl.ts';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import { timelineNl } from '../../src/i18n/timeline.nl.ts';
import { type Stage, startStage, type TeacherContext } from './harness.ts';
import { ObservePage } from './observePage.ts';
import { CyclePage, HomePage } from './pages.ts';

describe('issue 15: hints a teacher needs', () => {
  let stage: Stage;
  let anna: TeacherContext;

  beforeAll(async () => {
    stage = await startStage();
    anna = await stage.teacher();
    await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Rekenen groep 3', displayName: 'Anna' }));
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
});
