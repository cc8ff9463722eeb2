import type { Locator, Page } from 'playwright-core';
import { nl } from '../../src/i18n/nl.ts';
import { AppShell, message } from './pages.ts';

const tl = nl.timeline;
export const TIMELINE_PATH = /\/teams\/([^/]+)\/cycles\/([^/?#]+)\/runs\/([^/?#]+)\/timeline/;

/** An observation log file as shared or picked: its name and bytes. */
export interface LogFile {
  name: string;
  bytes: Buffer;
}

/** `/teams/:teamId/cycles/:cycleId/runs/:runId/timeline`: the run after the lesson. */
export class TimelinePage {
  readonly page: Page;
  readonly shell: AppShell;
  readonly heading: Locator;
  /** The virtualised list of records (with its phase header rows). */
  readonly list: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.heading = page.getByRole('heading', { level: 1 });
    this.list = page.getByRole('list', { name: tl.list.label, exact: true });
  }

  async goto(path: string): Promise<this> {
    await this.page.goto(path);
    await this.heading.waitFor();
    return this;
  }

  /** Follows a run card's "timeline and interviews" link on the cycle's runs tab (in-app). */
  static async fromRunsTab(page: Page, nth = 0): Promise<TimelinePage> {
    await page.getByRole('link', { name: nl.plan.runs.timeline, exact: true }).nth(nth).click();
    await page.waitForURL(TIMELINE_PATH);
    const timeline = new TimelinePage(page);
    await timeline.heading.waitFor();
    return timeline;
  }

  /** The phase header rows' titles, in order. */
  phaseTitles(): Promise<string[]> {
    return this.list.locator('li.timeline-phase h3').allInnerTexts();
  }

  /** The member ids of the records listed, in order (only the rows in view are rendered). */
  recordObservers(): Promise<string[]> {
    return this.list
      .locator('li.timeline-record')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-observer') ?? ''));
  }

  /** The texts of the listed records. */
  recordTexts(): Promise<string[]> {
    return this.list.locator('li.timeline-record').allInnerTexts();
  }

  /** The "n observations of m" line. */
  shownLine(): Locator {
    return this.page.getByTestId('timeline-shown');
  }

  /** The "n observations of m" line's text. */
  async shownText(): Promise<string> {
    return ((await this.shownLine().textContent()) ?? '').trim();
  }

  static shown(count: number, total: number): string {
    return message(count === 1 ? tl.list.shown_one : tl.list.shown_other, { count, total });
  }

  async filter(which: 'observer' | 'pupil' | 'item', label: string): Promise<void> {
    await this.page.getByLabel(tl.filters[which], { exact: true }).selectOption({ label });
  }

  /** Shares the log with "share my observations"; returns the file it downloads. */
  async shareByDownload(): Promise<LogFile> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: tl.logFile.share, exact: true }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream())
      chunks.push(Buffer.from(chunk as Uint8Array));
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  async importFile(file: LogFile): Promise<void> {
    await this.page.getByTestId('log-import-input').setInputFiles({
      name: file.name,
      mimeType: 'application/octet-stream',
      buffer: file.bytes,
    });
  }

  /** Why the import of `fileName` failed, once shown. */
  importFailure(fileName: string): Locator {
    return this.page
      .getByRole('alert')
      .filter({ hasText: message(tl.logFile.failed, { file: fileName }) });
  }

  /** The current member's answer field for question `number` (1-based) and a pupil. */
  answerField(number: number, pupil: string): Locator {
    return this.page.getByLabel(message(tl.interviews.yourAnswer, { number, pupil }), {
      exact: true,
    });
  }

  /** Answers shown for a question and pupil (colleagues', and one's own on a read-only page). */
  answers(questionId: string, pupilId: string): Locator {
    return this.page.locator(
      `[data-question-id="${questionId}"] [data-pupil-id="${pupilId}"] .interview-answers li`,
    );
  }

  /** The pupil block of question `number` (1-based) named `pupil`. */
  pupilBlock(number: number, pupil: string): Locator {
    return this.page
      .locator('li.interview-question')
      .nth(number - 1)
      .locator('li.interview-pupil')
      .filter({ has: this.page.getByRole('heading', { level: 4, name: pupil, exact: true }) });
  }
}
