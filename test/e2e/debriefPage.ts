import type { Locator, Page } from 'playwright-core';
import { debriefNl } from '../../src/i18n/debrief.nl.ts';
import { AppShell, message } from './pages.ts';

type Texts = typeof debriefNl;

/** `/teams/:teamId/cycles/:cycleId/runs/:runId/debrief`: the debrief of a run, in either language. */
export class DebriefPage {
  readonly page: Page;
  readonly shell: AppShell;
  readonly d: Texts;

  constructor(page: Page, texts: Texts = debriefNl) {
    this.page = page;
    this.shell = new AppShell(page);
    this.d = texts;
  }

  async goto(runPath: string): Promise<this> {
    await this.page.goto(`${runPath}/debrief`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    return this;
  }

  async startAsChair(): Promise<void> {
    await this.page.getByRole('button', { name: this.d.start.asChair, exact: true }).click();
    await this.timer().waitFor();
  }

  timer(): Locator {
    return this.page.getByTestId('step-timer');
  }

  stepTitle(): Locator {
    return this.page.locator('#debrief-step-title');
  }

  stepOf(number: number, count: number): Locator {
    return this.page.getByText(message(this.d.runner.stepOf, { number, count }), { exact: true });
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: `${this.d.runner.next} →`, exact: true }).click();
  }

  /** Moves on until the step with this title is the current one. */
  async nextUntil(title: string): Promise<void> {
    for (let i = 0; i < 10; i++) {
      if ((await this.stepTitle().textContent()) === title) return;
      const before = await this.stepTitle().textContent();
      await this.next();
      await this.page.waitForFunction(
        (previous) => document.querySelector('#debrief-step-title')?.textContent !== previous,
        before,
      );
    }
    throw new Error(`never reached step ${title}`);
  }

  async flagFirstMoment(): Promise<void> {
    await this.page.getByRole('button', { name: this.d.review.flag, exact: true }).first().click();
  }

  flags(count: number): Locator {
    return this.page.getByRole('heading', { name: message(this.d.review.flags, { count }) });
  }

  cell(phaseNumber: number): Locator {
    return this.page.getByTestId('matrix-cell').nth(phaseNumber - 1);
  }

  async judge(phaseNumber: number, value: keyof Texts['matrix']['values'], explanation: string) {
    const cell = this.cell(phaseNumber);
    await cell.getByRole('radio', { name: this.d.matrix.values[value], exact: true }).check();
    await cell.getByLabel(this.d.matrix.explanation).fill(explanation);
    await cell.getByRole('button', { name: this.d.matrix.save, exact: true }).click();
  }

  progress(judged: number, cells: number): Locator {
    return this.page.getByText(message(this.d.matrix.progress, { judged, cells }), { exact: true });
  }

  /** Records a contribution; with `evidence`, first ticks that many observations in the picker. */
  async contribute(text: string, evidence = 0): Promise<void> {
    const form = this.page.locator('.contribution-form');
    await form.getByLabel(this.d.contributions.text, { exact: true }).fill(text);
    if (evidence > 0) {
      await form.getByRole('button', { name: this.d.evidence.add, exact: true }).click();
      const picker = form.locator('.evidence-picker');
      const options = picker
        .getByRole('group', { name: this.d.evidence.records })
        .getByRole('checkbox');
      for (let i = 0; i < evidence; i++) await options.nth(i).check();
      await picker.getByRole('button', { name: this.d.evidence.done, exact: true }).click();
    }
    await form.getByRole('button', { name: this.d.contributions.add, exact: true }).click();
    await this.contributions().filter({ hasText: text }).waitFor();
  }

  contributions(): Locator {
    return this.page.getByTestId('contributions').locator('.contribution');
  }

  evidenceShare(): Locator {
    return this.page.getByTestId('evidence-share');
  }

  async addFinding(input: {
    text: string;
    change: string;
    /** Where the change lands; default a change of the lesson as a whole. */
    changeTarget?: { target: string; phase: string; pupil?: string };
    checkItem: string;
    checkPupil: string;
    openQuestion?: boolean;
  }): Promise<void> {
    await this.page.getByRole('button', { name: this.d.findings.add, exact: true }).click();
    const editor = this.page.locator('.finding-editor');
    await editor.getByLabel(this.d.findings.text, { exact: true }).fill(input.text);
    await editor.getByRole('button', { name: this.d.findings.addChange, exact: true }).click();
    await editor.getByLabel(this.d.findings.changeText, { exact: true }).fill(input.change);
    if (input.changeTarget) {
      const { target, phase, pupil } = input.changeTarget;
      await editor
        .getByLabel(this.d.findings.changeTarget, { exact: true })
        .selectOption({ label: target });
      await editor
        .getByLabel(this.d.findings.changePhase, { exact: true })
        .selectOption({ label: phase });
      if (pupil)
        await editor
          .getByLabel(this.d.findings.changePupil, { exact: true })
          .selectOption({ label: pupil });
    }
    await editor
      .getByLabel(this.d.findings.check, { exact: true })
      .selectOption({ label: input.checkItem });
    await editor
      .getByLabel(this.d.findings.checkPupil, { exact: true })
      .selectOption({ label: input.checkPupil });
    if (input.openQuestion)
      await editor.getByLabel(this.d.findings.openQuestion, { exact: true }).check();
    await editor.getByRole('button', { name: this.d.findings.save, exact: true }).click();
    await editor.waitFor({ state: 'detached' });
  }

  findings(): Locator {
    return this.page.getByTestId('findings').locator('.finding');
  }
}
