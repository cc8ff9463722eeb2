/**
 * Issue 15: the lesson plan and the observation screen work from a keyboard
 * alone (a tablet with a keyboard cover, or a teacher who cannot use touch).
 * Every step here is Tab, Shift+Tab, Enter, Space, arrows or typing: no
 * clicks once the screen is open.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import { type Stage, startStage, type TeacherContext } from './harness.ts';
import { ObservePage } from './observePage.ts';
import { CyclePage, HomePage, message } from './pages.ts';

/** The accessible name of the focused element, as a screen reader would start to say it. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return '';
    const labelledBy = active.getAttribute('aria-labelledby');
    const byId = labelledBy
      ? labelledBy
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    return (active.getAttribute('aria-label') ?? (byId || active.textContent) ?? '').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focus is on the control named `name`. */
async function tabTo(
  page: Page,
  name: string | RegExp,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
  limit = 120,
): Promise<void> {
  const seen: string[] = [];
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press(key);
    const focused = await focusedName(page);
    seen.push(focused);
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"; it went through: ${seen.join(' | ')}`);
}

/** A name that starts with `text`. */
function startOf(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

describe('issue 15: keyboard only', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let cycle: CyclePage;

  beforeAll(async () => {
    stage = await startStage();
    anna = await stage.teacher({ viewport: { width: 1024, height: 768 } });
    await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Rekenen groep 4', displayName: 'Anna' }));
    await anna.page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).click();
    await anna.page.waitForURL(/\/cycles\//);
    cycle = new CyclePage(anna.page);
    await cycle.tabsOrGuide().first().waitFor();
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('edits the lesson plan: opens a phase, writes in it and moves it through its menu', async () => {
    const page = anna.page;
    await page.goto(`${new URL(page.url()).pathname}?tab=plan`);
    await cycle.plan.waitFor();
    const titles = await cycle.phaseTitles();

    await tabTo(page, message(nl.plan.phases.open, { number: 1 }));
    await page.keyboard.press('Enter');
    await tabTo(
      page,
      message(nl.plan.phases.fieldOfPhase, {
        field: nl.plan.phases.columns.teacherActions,
        number: 1,
      }),
    );
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' Met de klok erbij.');
    await expect
      .poll(() => cycle.phaseField(1, 'teacherActions').inputValue())
      .toMatch(/Met de klok erbij\.$/);

    // The actions menu: Enter opens it on its first usable item ("down" for the first phase).
    await tabTo(page, message(nl.plan.phases.actions, { number: 1 }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => focusedName(page))
      .toBe(message(nl.plan.phases.moveDown, { number: 1 }));
    // Escape closes it and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedName(page)).toBe(message(nl.plan.phases.actions, { number: 1 }));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => focusedName(page))
      .toBe(message(nl.plan.phases.moveDown, { number: 1 }));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => cycle.phaseTitles())
      .toEqual([titles[1], titles[0], ...titles.slice(2)]);
  });

  it('observes: starts, tallies with Space, rates with Enter and goes to the next phase', async () => {
    const page = anna.page;
    await cycle.openTab('runs');
    await page.getByRole('button', { name: nl.plan.runs.adHoc, exact: true }).focus();
    await page.keyboard.press('Enter');
    const screen = new ObservePage(page);
    await page.getByRole('heading', { name: nl.observe.start.heading }).waitFor();
    await tabTo(page, nl.observe.start.button);
    await page.keyboard.press('Enter');
    await screen.clock.waitFor();

    const asks = templatesNl.casePupil.items.askedForHelp.label;
    // The button's name goes on with the count so far: "… voor Leerling A (0 in deze fase)".
    await tabTo(
      page,
      startOf(message(nl.observe.items.tallyAddFor, { label: asks, name: 'Leerling A' })),
    );
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    await screen.tallyTotal('Leerling A', 2).waitFor();

    // Leerling B's tile comes next: its rating is the next "2: …" on the way.
    await tabTo(page, /^2: /);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-pressed')))
      .toBe('true');
    expect((await screen.recent())[0]).toMatch(/\(Leerling B\)$/);

    const before = await screen.phaseTitle().innerText();
    await tabTo(page, new RegExp(`^${nl.observe.phase.next}`), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => screen.phaseTitle().innerText()).not.toBe(before);
  });
});
