/**
 * Issue 14, coaching tracks: Anna coaches Bram. She observes two of his
 * lessons with the same live observation screen, prepares the conversation
 * from the trend and the app's proposals, holds it and shares the summary.
 * Bram sees the summary and not her private notes, and, partly offline,
 * writes his reflection and proposes a goal; Anna sees both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/app/localDay.ts';
import { coachingNl as c } from '../../src/i18n/coaching.nl.ts';
import { nl } from '../../src/i18n/nl.ts';
import { observeNl as o } from '../../src/i18n/observe.nl.ts';
import { plgNl as p } from '../../src/i18n/plg.nl.ts';
import {
  type CuttableProxy,
  goOffline,
  goOnline,
  type Stage,
  startStage,
  type TeacherContext,
} from './harness.ts';
import { message, teamIdFromUrl, teamOfTwo } from './pages.ts';

const ITEM = 'Omgang met leerlingen';
const PRIVATE_NOTE = 'Leek gespannen bij de overgang';

/** The local day `offsetDays` from today. */
function dayFromToday(offsetDays: number): string {
  const day = new Date();
  day.setDate(day.getDate() + offsetDays);
  return localDay(day);
}

/** Plans a lesson of the track on `date`, observes it with the lesson-practice kijkwijzer and rates the item. */
async function observeLesson(anna: TeacherContext, trackUrl: string, date: string, rating: number) {
  const page = anna.page;
  const runs = page.getByTestId('track-runs').getByRole('listitem');
  const before = await runs.count().catch(() => 0);
  await page.getByLabel(c.runs.date, { exact: true }).fill(date);
  await page.getByRole('button', { name: c.runs.plan, exact: true }).click();
  await expect.poll(() => runs.count()).toBe(before + 1);
  const planned = runs.filter({ hasText: message(c.runs.events_other, { count: 0 }) });
  await planned.getByRole('link', { name: c.runs.observe, exact: true }).click();
  await page.getByRole('heading', { name: o.start.heading }).waitFor();
  await page.getByRole('radio', { name: 'Kijkwijzer lespraktijk' }).check();
  await page.getByRole('button', { name: o.start.button, exact: true }).click();
  await page
    .getByRole('group', { name: ITEM })
    .getByRole('button', { name: new RegExp(`^${rating}: `) })
    .click();
  await expect
    .poll(() => page.getByRole('group', { name: ITEM }).locator('[aria-pressed="true"]').count())
    .toBe(1);
  await page.goto(trackUrl);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

describe('issue 14: coaching tracks', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let bram: TeacherContext;
  let bramProxy: CuttableProxy;

  beforeAll(async () => {
    stage = await startStage();
    ({ anna, bram, bramProxy } = await teamOfTwo(stage, 'Rekenen groep 8'));
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('the coach observes, prepares and shares; the coachee reflects, partly offline', async () => {
    const teamId = teamIdFromUrl(anna.page.url()) ?? '';
    const page = anna.page;
    await page.getByRole('link', { name: nl.team.coachingLink, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: c.title }).waitFor();
    await page.getByLabel(c.start.coachee, { exact: true }).selectOption({ label: 'Bram' });
    await page.getByRole('button', { name: c.start.button, exact: true }).click();
    await page.waitForURL(/\/coaching\/[0-9a-z]{16}$/);
    const trackUrl = new URL(page.url()).pathname;
    await page
      .getByRole('heading', { level: 1, name: message(c.track.title, { coachee: 'Bram' }) })
      .waitFor();

    // Two lessons: the item rated 2, then 3.
    await observeLesson(anna, trackUrl, dayFromToday(-1), 2);
    await observeLesson(anna, trackUrl, dayFromToday(0), 3);

    // The trend and the app's proposal; she takes it as a strength.
    const trends = page.getByTestId('coaching-trends');
    await trends
      .getByRole('row', { name: new RegExp(ITEM) })
      .getByText('2 → 3')
      .waitFor();
    const proposal = page
      .getByTestId('coaching-proposals')
      .getByRole('listitem')
      .filter({ hasText: message(c.prep.improved, { label: ITEM, change: '+1' }) });
    await proposal.getByRole('button', { name: c.prep.asStrength, exact: true }).click();
    await expect
      .poll(() => page.getByLabel(message(c.prep.strength, { number: 1 })).inputValue())
      .toBe(ITEM);
    await page.getByLabel(c.prep.growth, { exact: true }).fill('Wachttijd na een vraag');
    await page.getByLabel(c.prep.how, { exact: true }).fill('Tel tot vijf bij de instructie');
    await page.getByRole('button', { name: c.prep.addQuestion, exact: true }).click();
    await page
      .getByLabel(message(c.prep.question, { number: 1 }))
      .fill('Wat zag jij bij de overgang?');

    // The conversation: private notes, one agreed step, the next focus, then share.
    await page.getByLabel(c.talk.notes, { exact: true }).fill(PRIVATE_NOTE);
    await page
      .getByLabel(c.talk.agreedStep, { exact: true })
      .fill('Na elke vraag vijf tellen wachten');
    await page.getByRole('checkbox', { name: ITEM }).check();
    await page
      .getByRole('button', { name: message(c.talk.share, { name: 'Bram' }), exact: true })
      .click();
    await page.getByText(c.talk.shared).first().waitFor();
    const shared = page.getByTestId('shared-conversation');
    await shared.getByText('Na elke vraag vijf tellen wachten').waitFor();
    // The preparation starts afresh, keeping the agreed focus for the next observation.
    await expect.poll(() => page.getByLabel(c.talk.notes, { exact: true }).inputValue()).toBe('');
    await page.getByText(message(c.runs.focused, { items: ITEM })).waitFor();

    // Bram opens his track: the summary, the observations of his lessons, no preparation.
    await bram.page.goto(`/teams/${teamId}/coaching`);
    await bram.page.getByRole('link', { name: message(c.asCoachee, { name: 'Anna' }) }).click();
    await bram.page
      .getByTestId('shared-conversation')
      .getByText('Wachttijd na een vraag')
      .waitFor();
    await expect
      .poll(() => bram.page.getByTestId('track-runs').getByRole('listitem').count())
      .toBe(2);
    expect(await bram.page.getByRole('heading', { name: c.prep.title }).count()).toBe(0);
    expect((await bram.page.locator('body').textContent()) ?? '').not.toContain(PRIVATE_NOTE);
    expect((await bram.page.locator('body').textContent()) ?? '').not.toContain('Wat zag jij');

    // Offline, he writes his reflection and proposes a goal; they reach Anna once he is back.
    await goOffline(bram, bramProxy);
    await bram.page
      .getByLabel(c.shared.yourReflection, { exact: true })
      .fill('Ik merk dat ik snel zelf het antwoord geef.');
    await bram.page.getByLabel(c.goals.text, { exact: true }).click();
    await bram.page.getByLabel(c.goals.text, { exact: true }).fill('Meer leerlingen aan het woord');
    await bram.page.getByRole('button', { name: c.goals.propose, exact: true }).click();
    await bram.page.getByTestId('track-goals').getByText('Meer leerlingen aan het woord').waitFor();
    await goOnline(bram, bramProxy);

    await page
      .getByTestId('coachee-reflection')
      .getByText('Ik merk dat ik snel zelf het antwoord geef.')
      .waitFor({ timeout: 20_000 });
    const goal = page
      .getByTestId('track-goals')
      .getByRole('listitem')
      .filter({ hasText: 'Meer leerlingen' });
    await goal.waitFor();
    expect(await goal.getByRole('combobox').inputValue()).toBe('proposed');

    // The PLG's year counts two observed lessons (50 min each) and the conversation (45 min)
    // for both of them, and says only that coaching happens; so does the leader's report.
    await page.goto(`/teams/${teamId}/year`);
    await page
      .getByTestId('plg-coaching')
      .getByText(message(p.hours.coaching_one, { count: 1, hours: '2,4' }))
      .waitFor();
    await page
      .getByTestId('plg-my-hours')
      .getByText(message(p.hours.total, { hours: '2,4', target: 20 }))
      .waitFor();
    const bramRow = page.getByTestId('plg-team-hours').getByRole('row', { name: /Bram/ });
    await expect.poll(() => bramRow.textContent()).toContain('2,4');
    await page.goto(`/teams/${teamId}/year/report`);
    const report = page.getByTestId('plg-report');
    await report.waitFor();
    expect(await report.textContent()).toContain(`${p.report.coachingTracks}1`);
    expect(await page.locator('body').textContent()).not.toContain('vijf tellen');
  });
});
