/**
 * Issue 13, the PLG's year: Anna (facilitator) and Bram observe a research
 * lesson of the example cycle, Anna chairs its debrief and records a meeting
 * with both; a second cycle has just started. The year overview lists both
 * cycles with the item the team follows, everyone's learning hours against
 * the team's target (hours by hand included, an earlier school year apart),
 * the same on Bram's device, and the leader's report shows totals only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debriefNl } from '../../src/i18n/debrief.nl.ts';
import { nl } from '../../src/i18n/nl.ts';
import { plgNl as p } from '../../src/i18n/plg.nl.ts';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import { schoolYearOf } from '../../src/model/schoolYear.ts';
import { DebriefPage } from './debriefPage.ts';
import { type Stage, startStage, type TeacherContext } from './harness.ts';
import { ObservePage } from './observePage.ts';
import { CyclePage, message, type TeamPage, teamOfTwo } from './pages.ts';

const ASKS_FOR_HELP = templatesNl.casePupil.items.askedForHelp.label;

function localDay(offsetYears = 0): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear() + offsetYears}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
const yearLabel = (day: string) => (schoolYearOf(day) ?? '').replace('-', '–');

describe('issue 13: the PLG’s year', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let bram: TeacherContext;
  let annaTeam: TeamPage;

  beforeAll(async () => {
    stage = await startStage();
    ({ anna, bram, annaTeam } = await teamOfTwo(stage, 'Rekenen groep 6'));
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('shows the year’s cycles, the followed item and everyone’s learning hours', async () => {
    const teamPath = new URL(anna.page.url()).pathname;
    // Cycle 1: the example's first research lesson, observed by Anna and Bram, then debriefed.
    await anna.page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).click();
    await anna.page.waitForURL(/\/cycles\//);
    const cyclePath = new URL(anna.page.url()).pathname;
    const cycle = new CyclePage(anna.page);
    await cycle.tabsOrGuide().first().waitFor();
    await cycle.openTab('runs');
    const annaObserves = await ObservePage.observeNow(anna.page);
    await annaObserves.start();
    await annaObserves.tally('Leerling A', ASKS_FOR_HELP);
    await annaObserves.tally('Leerling A', ASKS_FOR_HELP);
    await expect.poll(() => annaObserves.tileSaveState('Leerling A')).toBe('saved');
    const runPath = new URL(anna.page.url()).pathname.replace(/\/observe$/, '');
    await annaObserves.shell.waitForConnection('online');
    await bram.page.goto(`${runPath}/observe`);
    const bramObserves = new ObservePage(bram.page);
    await bramObserves.start();
    await bramObserves.tally('Leerling A', ASKS_FOR_HELP);
    await expect.poll(() => bramObserves.tileSaveState('Leerling A')).toBe('saved');
    await bramObserves.shell.waitForConnection('online');
    const debrief = await new DebriefPage(anna.page, debriefNl).goto(runPath);
    await debrief.startAsChair();

    // A meeting on the cycle with both of them (an hour).
    await anna.page.goto(cyclePath);
    await cycle.tabsOrGuide().first().waitFor();
    const meetings = anna.page.getByTestId('cycle-meetings');
    await meetings.getByLabel(p.meetings.topic, { exact: true }).fill('Onderzoeksles 1 ontwerpen');
    await meetings.getByRole('checkbox', { name: 'Bram' }).check();
    await meetings.getByRole('button', { name: p.meetings.add, exact: true }).click();
    await cycle.shell.toast(p.meetings.added).waitFor();
    await meetings.getByText('Onderzoeksles 1 ontwerpen').waitFor();

    // Cycle 2 has just started. (Leaving the cycle in the app writes its summary at once.)
    await anna.page.locator('.cycle-page a.back-link').click();
    await anna.page.locator('h1#team-title').waitFor();
    const second = await annaTeam.startCycle();
    await second.closeGuide();

    // The year: both cycles.
    await anna.page.goto(teamPath);
    await anna.page.getByRole('link', { name: nl.team.yearLink, exact: true }).click();
    const rows = anna.page.getByTestId('plg-cycle');
    await expect.poll(() => rows.count()).toBe(2);
    const example = rows.filter({ hasText: 'Voorbeeld' });
    await example.getByText(message(p.cycles.lessonsValue, { taught: 1, total: 1 })).waitFor();

    // The team follows "asks for help": 3 tallies by 2 observers in RL1.
    await anna.page.getByRole('checkbox', { name: ASKS_FOR_HELP }).check();
    await anna.page.getByRole('button', { name: p.follow.save, exact: true }).click();
    await example
      .getByText(`${ASKS_FOR_HELP}: ${message(p.cycles.point, { rl: 1, value: '1,5' })}`)
      .waitFor();

    // Anna's hours: observed 50 min, the debrief 55, the meeting 60 → 2,8 h of the default 20.
    const mine = anna.page.getByTestId('plg-my-hours');
    await mine.getByText(message(p.hours.total, { hours: '2,8', target: 20 })).waitFor();
    const team = anna.page.getByTestId('plg-team-hours');
    const annaRow = team.getByRole('row', { name: /Anna/ });
    const bramRow = team.getByRole('row', { name: /Bram/ });
    await expect.poll(() => annaRow.textContent()).toContain('2,8');
    await expect.poll(() => bramRow.textContent()).toContain('2,8');
    // By name, never by hours.
    expect(await team.locator('tbody th').allTextContents()).toEqual([
      message(p.hours.you, { name: 'Anna' }),
      'Bram',
    ]);

    // Six hours by hand this year, two in the school year before.
    await mine.getByLabel(p.manual.hours, { exact: true }).fill('6');
    await mine.getByLabel(p.manual.description, { exact: true }).fill('Studiedag rekendidactiek');
    await mine.getByRole('button', { name: p.manual.add, exact: true }).click();
    await mine.getByText(message(p.hours.total, { hours: '8,8', target: 20 })).waitFor();
    const lastYear = localDay(-1);
    await mine.getByLabel(p.manual.date, { exact: true }).fill(lastYear);
    await mine.getByLabel(p.manual.hours, { exact: true }).fill('2');
    await mine.getByLabel(p.manual.description, { exact: true }).fill('Cursus lesson study');
    await mine.getByRole('button', { name: p.manual.add, exact: true }).click();
    await expect.poll(() => cycle.shell.toast(p.manual.added).count()).toBe(2);
    await mine.getByText(message(p.hours.total, { hours: '8,8', target: 20 })).waitFor();
    // A description is required, in words.
    await mine.getByRole('button', { name: p.manual.add, exact: true }).click();
    await mine.getByText(p.manual.invalidDescription).waitFor();

    // The school year before: no cycles, only the course.
    const years = anna.page.getByLabel(p.year, { exact: true });
    await years.selectOption({ label: yearLabel(lastYear) });
    await anna.page.getByText(p.cycles.empty).waitFor();
    await mine.getByText(message(p.hours.total, { hours: '2', target: 20 })).waitFor();
    await years.selectOption({ label: yearLabel(localDay()) });
    await expect.poll(() => rows.count()).toBe(2);

    // The facilitator sets the target to 8 hours: Anna reaches it, Bram not yet.
    await anna.page.getByLabel(p.hours.target, { exact: true }).fill('8');
    await anna.page.getByRole('button', { name: p.hours.targetSave, exact: true }).click();
    await expect.poll(() => annaRow.textContent()).toContain(p.hours.atTarget);
    await expect.poll(() => bramRow.textContent()).toContain(p.hours.under);
    await anna.page
      .getByText(message(p.hours.underCount_one, { count: 1, total: 2, target: 8 }))
      .waitFor();

    // Bram's device shows the same year.
    await bram.page.goto(`${teamPath}/year`);
    await bram.page
      .getByTestId('plg-my-hours')
      .getByText(message(p.hours.total, { hours: '2,8', target: 8 }))
      .waitFor();
    const annaOnBram = bram.page.getByTestId('plg-team-hours').getByRole('row', { name: /Anna/ });
    await expect.poll(() => annaOnBram.textContent()).toContain('8,8');

    // The leader's report: totals only (2,8 + 8,8 hours this year), no one's hours by name.
    await anna.page.getByRole('link', { name: p.report.link, exact: true }).click();
    const report = anna.page.getByTestId('plg-report');
    await report.waitFor();
    const text = (await report.textContent()) ?? '';
    expect(text).toContain(message(p.hours.hoursValue, { hours: '11,5' }));
    expect(text).toContain(message(p.hours.hoursValue, { hours: '5,8' }));
    expect(text).not.toContain('Anna');
    expect(text).not.toContain('Bram');
    expect(text).not.toContain('Leerling');

    expect([...anna.errors, ...bram.errors]).toEqual([]);
  });
});
