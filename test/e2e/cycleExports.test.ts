/**
 * Issue 13, reports and exports: Anna's observed and debriefed example cycle
 * (with a real pupil name kept on her device) as a CSV of the run's events
 * for a Dutch spreadsheet, as an A4 cycle report printed to PDF, and as a
 * cycle file that another team imports as a new cycle; a bad file gets a
 * translated error. The real name appears in none of them.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debriefNl as d } from '../../src/i18n/debrief.nl.ts';
import { nl } from '../../src/i18n/nl.ts';
import { plgNl as p } from '../../src/i18n/plg.nl.ts';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import { DebriefPage } from './debriefPage.ts';
import { type Stage, startStage, type TeacherContext } from './harness.ts';
import { ObservePage } from './observePage.ts';
import { CyclePage, HomePage, message } from './pages.ts';

const ASKS_FOR_HELP = templatesNl.casePupil.items.askedForHelp.label;
const REAL_NAME = 'Fenna Jansen';

describe('issue 13: a cycle’s reports and exports', () => {
  let stage: Stage;
  let anna: TeacherContext;

  beforeAll(async () => {
    stage = await startStage();
    anna = await stage.teacher();
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('exports the run as CSV, prints the cycle report and moves the cycle to another team', async () => {
    const page = anna.page;
    const team = await new HomePage(page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Rekenen groep 6', displayName: 'Anna' }));
    await team.shell.waitForConnection('online');
    await page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).click();
    await page.waitForURL(/\/cycles\//);
    const cyclePath = new URL(page.url()).pathname;
    const cycle = new CyclePage(page);
    await cycle.tabsOrGuide().first().waitFor();
    // Leerling A's real name, on this device only.
    await cycle.openTab('pupils');
    await page.getByLabel(nl.plan.pupils.realName.show, { exact: true }).check();
    const realName = page.getByLabel(
      message(nl.plan.pupils.realName.fieldLabel, { name: 'Leerling A' }),
      { exact: true },
    );
    await realName.fill(REAL_NAME);
    await realName.press('Enter');
    await page.getByLabel(nl.plan.pupils.realName.show, { exact: true }).uncheck();
    await page.getByText(nl.plan.pupils.realName.isSet).first().waitFor();

    await cycle.openTab('runs');
    const observes = await ObservePage.observeNow(page);
    await observes.start();
    await observes.tally('Leerling A', ASKS_FOR_HELP);
    await observes.tally('Leerling A', ASKS_FOR_HELP);
    await observes.quickNote('Zegt: "dat is ¾"; dan stil');
    await expect.poll(() => observes.tileSaveState('Leerling A')).toBe('saved');
    const runPath = new URL(page.url()).pathname.replace(/\/observe$/, '');
    const chair = await new DebriefPage(page, d).goto(runPath);
    await chair.startAsChair();
    await chair.nextUntil(d.kinds.pupils);
    await chair.judge(1, 'worse', 'Vraagt vaker om hulp dan voorspeld');
    await chair.nextUntil(d.kinds.findings);
    await chair.addFinding({
      text: 'Leerling A heeft de strook nodig',
      change: 'De strook eerder uitdelen',
      checkItem: ASKS_FOR_HELP,
      checkPupil: 'Leerling A',
    });

    // CSV: BOM, semicolons, the documented columns, one row per observation, a quoted note.
    await page.goto(`${runPath}/timeline`);
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: nl.timeline.csv.export, exact: true }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await csvDownload.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe(Object.values(nl.timeline.csv.columns).join(';'));
    expect(rows).toHaveLength(4);
    const tally = rows[1]?.split(';') ?? [];
    expect(tally.slice(2, 8)).toEqual(['Anna', 'Leerling A', 'Turven', ASKS_FOR_HELP, '', '1']);
    expect(csv).toContain('"Zegt: ""dat is ¾""; dan stil"');
    expect(csv).not.toContain(REAL_NAME);

    // The cycle report, printed to an A4 PDF.
    await page.goto(cyclePath);
    await cycle.tabsOrGuide().first().waitFor();
    await page.getByRole('link', { name: p.exchange.report, exact: true }).click();
    const report = page.getByTestId('cycle-report');
    await report.waitFor();
    const reportText = (await report.textContent()) ?? '';
    for (const expected of [
      p.cycleReport.question,
      'Leerling A heeft de strook nodig',
      'Vraagt vaker om hulp dan voorspeld',
      d.matrix.values.worse,
      nl.cycle.impact.levels.pupils,
    ])
      expect(reportText).toContain(expected);
    expect(reportText).not.toContain(REAL_NAME);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: p.cycleReport.print }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(20_000);

    // The cycle as a file, into another team.
    await page.goto(cyclePath);
    await cycle.tabsOrGuide().first().waitFor();
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: p.exchange.export, exact: true }).click(),
    ]);
    const jsonPath = join(
      await mkdtemp(join(tmpdir(), 'leskring-cycle-')),
      jsonDownload.suggestedFilename(),
    );
    await jsonDownload.saveAs(jsonPath);
    const json = await readFile(jsonPath, 'utf8');
    expect(JSON.parse(json)).toMatchObject({
      format: 'leskring-cycle',
      runs: 1,
      researchLessons: 1,
    });
    expect(json).not.toContain(REAL_NAME);

    await new HomePage(page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Ander team', displayName: 'Anna' }));
    const input = page.getByTestId('cycle-import-input');
    // A bad file first: a translated error, nothing created.
    await input.setInputFiles({
      name: 'kijkwijzer.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"name":"Kijkwijzer"}'),
    });
    await page.getByText(p.exchange.errors['not-a-cycle']).waitFor();
    await input.setInputFiles(jsonPath);
    await page.getByRole('button', { name: p.exchange.confirmImport, exact: true }).click();
    await page.waitForURL(/\/cycles\//);
    const imported = new CyclePage(page);
    await imported.tabsOrGuide().first().waitFor();
    expect(new URL(page.url()).pathname).not.toBe(cyclePath);
    await page.getByText('Voorbeeld: breuken vergelijken in groep 6').first().waitFor();
    // Its run, observations and debrief came along.
    await imported.openTab('runs');
    await page.getByRole('link', { name: nl.plan.runs.timeline }).first().click();
    await page.getByText('Zegt: "dat is ¾"; dan stil').first().waitFor();

    expect(anna.errors).toEqual([]);
  });
});
