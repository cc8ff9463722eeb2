/**
 * The tablet quality bar, on every screen: at 1024×768 and 768×1024, in Dutch
 * and English, with touch, no touch target under 44×44 px (inline text links
 * excepted), no horizontal overflow, and no serious or critical axe-core
 * violation (WCAG 2.0/2.1 A and AA).
 *
 * One team is seeded once, with content on every screen: Anna (facilitator)
 * and Bram; the example cycle (six phases, three case pupils) with a meeting;
 * a planned run (class, teacher, observer following two pupils, an interview
 * question) that Anna observed and finished and whose debrief she chairs, up
 * to the matrix with a judgement and a contribution; a run she is observing
 * right now; a run not yet started; a kijkwijzer in the team's library; a
 * followed item in the PLG's year; a coaching track of Bram with an observed
 * lesson and a shared conversation; a fresh invite. A second, fresh device
 * shows the empty home page and the join page of that invite.
 *
 * Per language, one test per screen audits both viewports (the page loaded in
 * landscape, then turned to portrait) and lists every finding. With
 * SCREEN_AUDIT_REPORT=<file> the findings of all screens are also written
 * there as Markdown, deduplicated across viewports and languages.
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/app/localDay.ts';
import { coachingEn } from '../../src/i18n/coaching.en.ts';
import { coachingNl } from '../../src/i18n/coaching.nl.ts';
import { debriefEn } from '../../src/i18n/debrief.en.ts';
import { debriefNl } from '../../src/i18n/debrief.nl.ts';
import { en } from '../../src/i18n/en.ts';
import { myDataEn } from '../../src/i18n/myData.en.ts';
import { myDataNl } from '../../src/i18n/myData.nl.ts';
import { nl } from '../../src/i18n/nl.ts';
import { plgEn } from '../../src/i18n/plg.en.ts';
import { plgNl } from '../../src/i18n/plg.nl.ts';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import {
  auditScreen,
  findingCount,
  findingsReport,
  formatAudits,
  type ScreenAudit,
  settled,
  TABLET_VIEWPORTS,
} from './audit.ts';
import { DebriefPage } from './debriefPage.ts';
import { type Stage, startStage, type TeacherContext } from './harness.ts';
import { ObservePage } from './observePage.ts';
import {
  AppShell,
  CyclePage,
  type CycleTab,
  KijkwijzersPage,
  message,
  SettingsPage,
  teamOfTwo,
} from './pages.ts';

type Language = 'nl' | 'en';

const TEXTS = {
  nl: { app: nl, coaching: coachingNl, debrief: debriefNl, plg: plgNl, myData: myDataNl },
  en: { app: en, coaching: coachingEn, debrief: debriefEn, plg: plgEn, myData: myDataEn },
} as const;
type Texts = (typeof TEXTS)[Language];

const TEAM_NAME = 'Rekenen groep 6';
const ASKS_FOR_HELP = templatesNl.casePupil.items.askedForHelp.label;
const COACHING_ITEM = 'Omgang met leerlingen';

/** What the seeded team's screens are reached by. */
interface Seed {
  teamPath: string;
  cyclePath: string;
  /** The planned run: observed and finished by Anna, its debrief under way. */
  finishedRun: string;
  /** A run Anna is observing right now. */
  liveRun: string;
  /** A run nobody has started observing. */
  newRun: string;
  trackPath: string;
  inviteLink: string;
}

interface Screen {
  name: string;
  /** The seeded facilitator's device, or a fresh device without teams. */
  device: 'anna' | 'newcomer';
  path(seed: Seed): string;
  /** Waits until the screen shows its content (not a loading or empty state). */
  ready(page: Page, t: Texts): Promise<void>;
}

function h1(page: Page, name: string | RegExp) {
  return page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Waits until `selector` matches at least `count` elements. */
function atLeast(page: Page, selector: string, count: number) {
  return page.waitForFunction(
    ([css, n]) => document.querySelectorAll(css as string).length >= (n as number),
    [selector, count] as const,
  );
}

function cycleTab(tab: CycleTab, content: (page: Page, t: Texts) => Promise<unknown>): Screen {
  return {
    name: `cycle: tab ${tab}`,
    device: 'anna',
    path: (seed) => `${seed.cyclePath}?tab=${tab}`,
    async ready(page, t) {
      await page.locator(`#cycle-tab-${tab}[aria-selected="true"]`).waitFor();
      await page.getByRole('tab', { name: t.app.cycle.tabs[tab], exact: true }).waitFor();
      await content(page, t);
    },
  };
}

const SCREENS: readonly Screen[] = [
  {
    name: 'home (teams on this device)',
    device: 'anna',
    path: () => '/',
    async ready(page, t) {
      await h1(page, t.app.home.title);
      await page.locator('ul.team-list a.team-link', { hasText: TEAM_NAME }).waitFor();
    },
  },
  {
    name: 'home (empty, a new device)',
    device: 'newcomer',
    path: () => '/',
    async ready(page, t) {
      await h1(page, t.app.home.title);
      await page.getByText(t.app.home.empty.title).waitFor();
    },
  },
  {
    name: 'join (with an invite)',
    device: 'newcomer',
    path: (seed) => seed.inviteLink,
    async ready(page, t) {
      await h1(page, t.app.join.title);
      await page
        .getByText((t.app.join.invitedTo.split('{{')[0] ?? '').trim())
        .first()
        .waitFor();
      await page.getByLabel(t.app.join.displayName).waitFor();
    },
  },
  {
    name: 'team',
    device: 'anna',
    path: (seed) => seed.teamPath,
    async ready(page) {
      await page.locator('h1#team-title', { hasText: TEAM_NAME }).waitFor();
      await atLeast(page, 'li.member', 2);
      await page.locator('a.cycle-link').first().waitFor();
    },
  },
  {
    name: 'kijkwijzers',
    device: 'anna',
    path: (seed) => `${seed.teamPath}/kijkwijzers`,
    async ready(page, t) {
      await h1(page, t.app.templatesUi.title);
      await page.locator('li.template-row').first().waitFor();
      await page.locator('details.templates-builtins').waitFor();
    },
  },
  {
    name: 'PLG year',
    device: 'anna',
    path: (seed) => `${seed.teamPath}/year`,
    async ready(page, t) {
      await h1(page, t.plg.title);
      await page.getByTestId('plg-cycle').first().waitFor();
      await page.getByTestId('plg-team-hours').getByRole('row', { name: /Bram/ }).waitFor();
      await page.getByTestId('plg-my-hours').waitFor();
    },
  },
  {
    name: 'PLG year: leader report',
    device: 'anna',
    path: (seed) => `${seed.teamPath}/year/report`,
    async ready(page) {
      await page.getByTestId('plg-report').waitFor();
      await page.locator('h1#plg-report-heading').waitFor();
    },
  },
  {
    name: 'coaching',
    device: 'anna',
    path: (seed) => `${seed.teamPath}/coaching`,
    async ready(page, t) {
      await h1(page, t.coaching.title);
      await page.locator('ul.coaching-tracks a').first().waitFor();
    },
  },
  {
    name: 'coaching track',
    device: 'anna',
    path: (seed) => seed.trackPath,
    async ready(page, t) {
      await h1(page, message(t.coaching.track.title, { coachee: 'Bram' }));
      await page.getByTestId('track-runs').getByRole('listitem').first().waitFor();
      await page.getByTestId('shared-conversation').first().waitFor();
      await page.getByTestId('coaching-trends').waitFor();
    },
  },
  cycleTab('overview', (page) => page.locator('.overview .ProseMirror').first().waitFor()),
  cycleTab('plan', (page) => atLeast(page, 'section.plan .phase-row', 6)),
  cycleTab('pupils', (page) => atLeast(page, '[data-pupil-id]', 3)),
  cycleTab('versions', (page) => page.locator('.version-list > li').first().waitFor()),
  cycleTab('runs', (page) => atLeast(page, '.run-list > li.run', 3)),
  cycleTab('impact', (page) => page.locator('#impact-heading').waitFor()),
  {
    name: 'cycle: print',
    device: 'anna',
    path: (seed) => `${seed.cyclePath}/print`,
    async ready(page) {
      await page.locator('h1#print-title').waitFor();
      await page.locator('.print-sheet').waitFor();
    },
  },
  {
    name: 'cycle: report',
    device: 'anna',
    path: (seed) => `${seed.cyclePath}/report`,
    async ready(page) {
      await page.getByTestId('cycle-report').waitFor();
      await page.locator('h1#report-title').waitFor();
    },
  },
  {
    name: 'observe: before the start',
    device: 'anna',
    path: (seed) => `${seed.newRun}/observe`,
    async ready(page, t) {
      await page.getByRole('heading', { name: t.app.observe.start.heading }).waitFor();
      // The built-in kijkwijzers load their texts separately.
      await atLeast(page, '.observe-templates input[type="radio"]', 7);
    },
  },
  {
    name: 'observe: live',
    device: 'anna',
    path: (seed) => `${seed.liveRun}/observe`,
    async ready(page, t) {
      await page.getByRole('timer', { name: t.app.observe.clock.label }).waitFor();
      await page.getByRole('region', { name: 'Leerling A', exact: true }).waitFor();
      await page.locator('.observe-recent-what').first().waitFor();
    },
  },
  {
    name: 'observe: finished',
    device: 'anna',
    path: (seed) => `${seed.finishedRun}/observe`,
    async ready(page, t) {
      await page.getByRole('heading', { name: t.app.observe.end.ended }).waitFor();
    },
  },
  {
    name: 'timeline',
    device: 'anna',
    path: (seed) => `${seed.finishedRun}/timeline`,
    async ready(page, t) {
      await h1(page, message(t.app.timeline.heading, { rl: rl(t) }));
      await page.locator('li.timeline-record').first().waitFor();
      await page.locator('li.interview-question').first().waitFor();
    },
  },
  {
    name: 'debrief: start',
    device: 'anna',
    path: (seed) => `${seed.newRun}/debrief`,
    async ready(page, t) {
      await h1(page, message(t.debrief.heading, { rl: rl(t) }));
      await page.getByTestId('debrief-start').waitFor();
    },
  },
  {
    name: 'debrief: matrix step, under way',
    device: 'anna',
    path: (seed) => `${seed.finishedRun}/debrief`,
    async ready(page, t) {
      await h1(page, message(t.debrief.heading, { rl: rl(t) }));
      await page.locator('#debrief-step-title', { hasText: t.debrief.kinds.pupils }).waitFor();
      await page.getByTestId('matrix-cell').first().waitFor();
      await page.getByTestId('contributions').locator('.contribution').first().waitFor();
    },
  },
  {
    name: 'settings',
    device: 'anna',
    path: () => '/settings',
    async ready(page, t) {
      await h1(page, t.app.settings.title);
      await page.getByTestId('storage-status').waitFor();
    },
  },
  {
    name: 'settings: my data',
    device: 'anna',
    path: () => '/settings/my-data',
    async ready(page, t) {
      await h1(page, t.myData.title);
      await page.getByText(message(t.myData.teamLine, { team: TEAM_NAME, name: 'Anna' })).waitFor();
    },
  },
];

function rl(t: Texts): string {
  return message(t.app.plan.rl.long, { number: 1 });
}

/** Plans the cycle's run with a class, Bram teaching, Anna following two pupils and one interview question. */
async function planRun(page: Page): Promise<string> {
  const r = nl.plan.runs;
  const form = page.locator('form.run-form');
  await form.getByLabel(r.date, { exact: true }).fill(localDay(new Date()));
  await form.getByLabel(r.className, { exact: true }).fill('Groep 6b');
  await form.getByLabel(r.teacher, { exact: true }).selectOption({ label: 'Bram' });
  await form.getByRole('button', { name: `+ ${r.plan}`, exact: true }).click();
  const card = page.locator('li.run').filter({ has: page.locator('.run-editor') });
  await card.waitFor();
  await card
    .getByRole('checkbox', { name: message(r.observers.observes, { name: 'Anna' }), exact: true })
    .check();
  for (const pupil of ['Leerling A', 'Leerling B']) {
    await card.getByRole('checkbox', { name: pupil, exact: true }).check();
  }
  await card.getByRole('button', { name: `+ ${r.questions.add}`, exact: true }).click();
  const question = card.getByLabel(message(r.questions.label, { number: 1 }), { exact: true });
  await question.waitFor();
  await question.pressSequentially('Wat hielp je bij het vergelijken?');
  const runId = (await card.getAttribute('data-run-id')) ?? '';
  await card.getByRole('button', { name: r.done, exact: true }).click();
  await page.locator(`li.run[data-run-id="${runId}"] .run-editor`).waitFor({ state: 'detached' });
  return runId;
}

/** The coaching track of Bram: one observed lesson and a shared conversation (as coaching.test.ts). */
async function coachingTrack(page: Page, teamPath: string): Promise<string> {
  const c = coachingNl;
  await page.goto(`${teamPath}/coaching`);
  await page.getByRole('heading', { level: 1, name: c.title }).waitFor();
  await page.getByLabel(c.start.coachee, { exact: true }).selectOption({ label: 'Bram' });
  await page.getByRole('button', { name: c.start.button, exact: true }).click();
  await page.waitForURL(/\/coaching\/[0-9a-z]{16}$/);
  const trackPath = new URL(page.url()).pathname;
  const runs = page.getByTestId('track-runs').getByRole('listitem');
  await page.getByLabel(c.runs.date, { exact: true }).fill(localDay(new Date()));
  await page.getByRole('button', { name: c.runs.plan, exact: true }).click();
  await runs.first().waitFor();
  await runs.first().getByRole('link', { name: c.runs.observe, exact: true }).click();
  await page.getByRole('heading', { name: nl.observe.start.heading }).waitFor();
  await page.getByRole('radio', { name: 'Kijkwijzer lespraktijk' }).check();
  await page.getByRole('button', { name: nl.observe.start.button, exact: true }).click();
  const item = page.getByRole('group', { name: COACHING_ITEM });
  await item.getByRole('button', { name: /^3: / }).click();
  await item.locator('[aria-pressed="true"]').waitFor();
  await page.goto(trackPath);
  await page.getByTestId('coaching-trends').waitFor();
  await page.getByLabel(c.prep.growth, { exact: true }).fill('Wachttijd na een vraag');
  await page.getByLabel(c.prep.how, { exact: true }).fill('Tel tot vijf bij de instructie');
  await page.getByLabel(c.talk.notes, { exact: true }).fill('Rustige les');
  await page
    .getByLabel(c.talk.agreedStep, { exact: true })
    .fill('Na elke vraag vijf tellen wachten');
  await page
    .getByRole('button', { name: message(c.talk.share, { name: 'Bram' }), exact: true })
    .click();
  await page.getByTestId('shared-conversation').getByText('Wachttijd na een vraag').waitFor();
  return trackPath;
}

async function seed(stage: Stage): Promise<{ anna: TeacherContext; seed: Seed }> {
  const { anna, annaTeam } = await teamOfTwo(stage, TEAM_NAME);
  const page = anna.page;
  const teamPath = new URL(page.url()).pathname;

  // The example cycle: six phases, three case pupils; a meeting with both.
  await page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).click();
  await page.waitForURL(/\/cycles\//);
  const cyclePath = new URL(page.url()).pathname;
  const cycle = new CyclePage(page);
  await cycle.tabsOrGuide().first().waitFor();
  const meetings = page.getByTestId('cycle-meetings');
  await meetings.getByLabel(plgNl.meetings.topic, { exact: true }).fill('Onderzoeksles ontwerpen');
  await meetings.getByRole('checkbox', { name: 'Bram' }).check();
  await meetings.getByRole('button', { name: plgNl.meetings.add, exact: true }).click();
  await meetings.getByText('Onderzoeksles ontwerpen').waitFor();

  // The planned run, observed to the end (before the team has a kijkwijzer: the case-pupil sheet).
  await cycle.openTab('runs');
  const finishedRun = `${cyclePath}/runs/${await planRun(page)}`;
  await page.goto(`${finishedRun}/observe`);
  const observed = new ObservePage(page);
  await observed.start();
  await observed.tally('Leerling A', ASKS_FOR_HELP);
  await observed.tally('Leerling A', ASKS_FOR_HELP);
  await observed.rate('Leerling B', 2);
  await observed.nextPhase();
  await observed.quickNote('Leerling B legt de breuken uit aan zijn buurman');
  await observed.tally('Leerling B', ASKS_FOR_HELP);
  await observed.tile('Leerling B').locator('[data-save-state="saved"]').waitFor();
  await observed.finish();

  // A run being observed now, and one nobody has started.
  await page.goto(`${cyclePath}?tab=runs`);
  await cycle.tabList.waitFor();
  const live = await ObservePage.observeNow(page);
  const liveRun = new URL(page.url()).pathname.replace(/\/observe$/, '');
  await live.start();
  await live.tally('Leerling A', ASKS_FOR_HELP);
  await live.rate('Leerling C', 3);
  await live.quickNote('De klas werkt rustig door');
  await live.tile('Leerling C').locator('[data-save-state="saved"]').waitFor();
  await page.goto(`${cyclePath}?tab=runs`);
  await cycle.tabList.waitFor();
  await ObservePage.observeNow(page);
  const newRun = new URL(page.url()).pathname.replace(/\/observe$/, '');

  // The debrief of the finished run: at the matrix, one judgement and a contribution from evidence.
  const d = debriefNl;
  const chair = await new DebriefPage(page, d).goto(finishedRun);
  await chair.startAsChair();
  await chair.nextUntil(d.kinds.pupils);
  await chair.judge(1, 'worse', 'Vraagt vaker om hulp dan voorspeld');
  await chair.progress(1, 18).waitFor();
  await chair.contribute('Leerling A vroeg twee keer om hulp bij het vergelijken', 1);

  // A kijkwijzer in the team's library; the PLG follows an item.
  const library = await new KijkwijzersPage(page).goto(annaTeam.teamId());
  await library.addBuiltIn(templatesNl.edi.name);
  await page.goto(`${teamPath}/year`);
  await page.getByTestId('plg-cycle').first().waitFor();
  await page.getByRole('checkbox', { name: ASKS_FOR_HELP }).check();
  await page.getByRole('button', { name: plgNl.follow.save, exact: true }).click();
  await page.getByText(message(plgNl.follow.saved_one, { count: 1 })).waitFor();

  const trackPath = await coachingTrack(page, teamPath);

  // A fresh invite for the join page (the team page then shows it, too).
  const { link } = await annaTeam.goto(annaTeam.teamId()).then((team) => team.createInvite());
  const url = new URL(link);
  await new AppShell(page).waitForConnection('online');
  return {
    anna,
    seed: {
      teamPath,
      cyclePath,
      finishedRun,
      liveRun,
      newRun,
      trackPath,
      inviteLink: `${url.pathname}${url.hash}`,
    },
  };
}

/**
 * Waits until the page shows itself in `language`; if it never does, says
 * what the page was doing instead, so a failure can be explained.
 */
async function inLanguage(teacher: TeacherContext, language: Language): Promise<void> {
  const { page } = teacher;
  try {
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language, {
      timeout: 30_000,
    });
  } catch (error) {
    const state = await page
      .evaluate(() => ({
        url: location.href,
        readyState: document.readyState,
        htmlLang: document.documentElement.lang,
        storedLang: localStorage.getItem('leskring.lang'),
        rendered: document.getElementById('root')?.childElementCount ?? -1,
        serviceWorker: navigator.serviceWorker?.controller?.state ?? 'none',
        loaded: performance
          .getEntriesByType('resource')
          .map((entry) => entry.name.replace(location.origin, ''))
          .filter((name) => name.startsWith('/assets/')),
      }))
      .catch((reason: unknown) => `could not evaluate: ${String(reason)}`);
    throw new Error(
      `the page never showed itself in ${language}: ${JSON.stringify(state)}; pending requests: ${JSON.stringify([...(pendingRequests.get(page) ?? [])])}; errors: ${JSON.stringify(teacher.errors.slice(-10))}; ${String(error)}`,
    );
  }
}

/** Requests each page has started and not yet finished, for the diagnosis above. */
const pendingRequests = new WeakMap<Page, Set<string>>();
function trackRequests(page: Page): void {
  const pending = new Set<string>();
  pendingRequests.set(page, pending);
  page.on('request', (request) => pending.add(request.url()));
  page.on('requestfinished', (request) => pending.delete(request.url()));
  page.on('requestfailed', (request) => pending.delete(request.url()));
}

/** Switches the device's language the way a user does: on the settings page. */
async function chooseLanguage(teacher: TeacherContext, language: Language): Promise<void> {
  const settings = await new SettingsPage(teacher.page).goto();
  await settings.chooseLanguage(language);
  await teacher.page.waitForFunction(
    // Dutch is the default: a device that never chose stores nothing.
    (lang) =>
      (localStorage.getItem('leskring.lang') ?? 'nl') === lang &&
      document.documentElement.lang === lang,
    language,
  );
}

describe('every screen at tablet sizes: axe-core, horizontal overflow, touch targets', () => {
  let stage: Stage;
  let devices: Record<Screen['device'], TeacherContext>;
  let seeded: Seed;
  const audits: ScreenAudit[] = [];

  beforeAll(async () => {
    stage = await startStage();
    const { anna, seed: made } = await seed(stage);
    seeded = made;
    devices = { anna, newcomer: await stage.teacher() };
    for (const device of Object.values(devices)) trackRequests(device.page);
  }, 120_000);

  afterAll(async () => {
    const report = process.env.SCREEN_AUDIT_REPORT;
    if (report && audits.length > 0) await writeFile(report, findingsReport(audits));
    await stage?.close();
  });

  describe.each(['nl', 'en'] as const)('in %s', (language) => {
    beforeAll(async () => {
      for (const device of Object.values(devices)) await chooseLanguage(device, language);
    });

    it.each(SCREENS.map((screen) => [screen.name, screen] as const))('%s', async (_, screen) => {
      const { page } = devices[screen.device];
      const t = TEXTS[language];
      const [first] = TABLET_VIEWPORTS;
      if (first) await page.setViewportSize(first);
      await page.goto(screen.path(seeded));
      const found: ScreenAudit[] = [];
      for (const viewport of TABLET_VIEWPORTS) {
        await page.setViewportSize(viewport);
        await inLanguage(devices[screen.device], language);
        await screen.ready(page, t);
        if (screen.device === 'anna') {
          await new AppShell(page).waitForConnection('online', { allSaved: false });
        }
        await settled(page);
        found.push(
          await auditScreen(page, { screen: screen.name, viewport: viewport.name, language }),
        );
      }
      audits.push(...found);
      const count = found.reduce((sum, audit) => sum + findingCount(audit), 0);
      expect(count, formatAudits(found)).toBe(0);
    });
  });
});
