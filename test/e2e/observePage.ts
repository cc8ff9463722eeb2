import type { Locator, Page } from 'playwright-core';
import { nl } from '../../src/i18n/nl.ts';
import { AppShell, message } from './pages.ts';

const o = nl.observe;
export const OBSERVE_PATH = /\/teams\/([^/]+)\/cycles\/([^/?#]+)\/runs\/([^/?#]+)\/observe/;

/** `/teams/:teamId/cycles/:cycleId/runs/:runId/observe`: the live observation screen. */
export class ObservePage {
  readonly page: Page;
  readonly shell: AppShell;
  readonly clock: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.clock = page.getByRole('timer', { name: o.clock.label });
    this.status = page.locator('.observe-status');
  }

  /** From the cycle page's runs tab: "observe now" makes a run dated today and opens this screen. */
  static async observeNow(page: Page): Promise<ObservePage> {
    await page.getByRole('button', { name: nl.plan.runs.adHoc, exact: true }).click();
    await page.waitForURL(OBSERVE_PATH);
    const screen = new ObservePage(page);
    await page.getByRole('heading', { name: o.start.heading }).waitFor();
    return screen;
  }

  /** Starts with the kijkwijzer already chosen (the case-pupil sheet when the team has none). */
  async start(): Promise<void> {
    await this.page.getByRole('button', { name: o.start.button, exact: true }).click();
    await this.clock.waitFor();
  }

  tile(pupil: string): Locator {
    return this.page.getByRole('region', { name: pupil, exact: true });
  }

  /** The "+1 <item>" button on a pupil's tile. */
  tallyButton(pupil: string, item: string): Locator {
    return this.tile(pupil).getByRole('button', {
      name: message(o.items.tallyAddFor, { label: item, name: pupil }),
    });
  }

  /** Taps "+1 <item>" on a pupil's tile. */
  async tally(pupil: string, item: string): Promise<void> {
    await this.tallyButton(pupil, item).click();
  }

  /** The lesson's total of one item for a pupil, as its button shows it. */
  async tallyTotalOf(pupil: string, item: string): Promise<number> {
    const shown = await this.tallyButton(pupil, item).locator('.observe-count-total').textContent();
    const [before] = o.items.tallyTotal.split('{{count}}');
    const total = Number.parseInt((shown ?? '').trim().slice(before?.length ?? 0), 10);
    if (Number.isNaN(total)) throw new Error(`no total on the button: ${JSON.stringify(shown)}`);
    return total;
  }

  tallyTotal(pupil: string, count: number): Locator {
    return this.tile(pupil).getByText(message(o.items.tallyTotal, { count }), { exact: true });
  }

  /** The tile's save state of its latest record: 'saving' | 'saved' | 'failed'. */
  async tileSaveState(pupil: string): Promise<string | null> {
    return this.tile(pupil).locator('[data-save-state]').getAttribute('data-save-state');
  }

  async rate(pupil: string, value: 1 | 2 | 3 | 4): Promise<void> {
    await this.tile(pupil)
      .getByRole('button', { name: new RegExp(`^${value}: `) })
      .click();
  }

  async nextPhase(): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${o.phase.next}`) }).click();
  }

  phaseTitle(): Locator {
    return this.page.locator('.observe-phase-title');
  }

  async quickNote(text: string): Promise<void> {
    await this.page.getByRole('button', { name: `✎ ${o.note.button}`, exact: true }).click();
    await this.page.getByLabel(o.note.text).fill(text);
    await this.page.getByRole('button', { name: o.note.save, exact: true }).click();
    await this.page.getByRole('dialog').waitFor({ state: 'hidden' });
  }

  /** Corrects a note in the "just recorded" list (an edit event). */
  async correctNote(described: string, text: string): Promise<void> {
    await this.page
      .getByRole('button', { name: message(o.note.editOne, { what: described }), exact: true })
      .click();
    await this.page.getByLabel(o.note.text).fill(text);
    await this.page.getByRole('button', { name: o.note.save, exact: true }).click();
    await this.page.getByRole('dialog').waitFor({ state: 'hidden' });
  }

  async undoLast(): Promise<void> {
    await this.page.getByRole('button', { name: `↶ ${o.undo.last}`, exact: true }).click();
  }

  /** The "just recorded" list, newest first. */
  async recent(): Promise<string[]> {
    return this.page.locator('.observe-recent-what').allInnerTexts();
  }

  async finish(): Promise<void> {
    await this.page.getByRole('button', { name: o.end.button, exact: true }).click();
    await this.page.getByRole('button', { name: o.end.confirmButton, exact: true }).click();
    await this.page.getByRole('heading', { name: o.end.ended }).waitFor();
  }
}
