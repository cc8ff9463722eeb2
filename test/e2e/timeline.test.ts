/**
 * Issue 6 points 7 and 8, "after the lesson": Anna observes online, Bram
 * observes the same run with his network really off and hands his log to
 * Anna as a .leskring file. Anna's timeline then shows both observers by
 * phase and filters them; importing the file again adds nothing; a broken
 * file is refused with a clear message; an interview answer Anna notes
 * reaches Bram once he is back online; a guest reads it all and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import {
  type CuttableProxy,
  goOffline,
  goOnline,
  readStoredMembership,
  type Stage,
  startStage,
  type TeacherContext,
  waitForServiceWorkerControl,
} from './harness.ts';
import { OBSERVE_PATH, ObservePage } from './observePage.ts';
import { CyclePage, JoinPage, message, type TeamPage, teamOfTwo } from './pages.ts';
import { type LogFile, TimelinePage } from './timelinePage.ts';

const tl = nl.timeline;
const EDI = nl.plan.phases.templates;
const ASKS_FOR_HELP = templatesNl.casePupil.items.askedForHelp.label;
const QUESTION = 'Hoe wist je welke breuk het grootst was?';
const ANSWER = 'Ik heb ze allebei op de strook gezet.';

describe('issue 6 points 7–8: the run after the lesson, with an observer who had no network', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let bram: TeacherContext;
  let bramProxy: CuttableProxy;
  let annaTeam: TeamPage;
  let annaId: string;
  let bramId: string;
  let cyclePath: string;
  let runPath: string;
  let bramFile: LogFile;
  let annaTimeline: TimelinePage;
  let bramTimeline: TimelinePage;
  let guest: TeacherContext | undefined;

  beforeAll(async () => {
    stage = await startStage();
    ({ anna, bram, bramProxy, annaTeam } = await teamOfTwo(stage, 'Rekenen groep 6'));
    const teamId = annaTeam.teamId();
    annaId = (await readStoredMembership(anna.page, teamId))?.memberId ?? '';
    bramId = (await readStoredMembership(bram.page, teamId))?.memberId ?? '';
    // No share sheet on Bram's device (Chromium on Linux has none anyway): sharing falls back to a download.
    await bram.context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'canShare', {
        value: undefined,
        configurable: true,
      });
    });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('one teacher observes online, the other offline; his file merges into her timeline, her interview answer reaches him, and a guest reads it all', async () => {
    // lets one teacher observe online and prepare an interview question
    await anna.page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).click();
    await anna.page.waitForURL(/\/cycles\//);
    const cycle = new CyclePage(anna.page);
    await cycle.tabsOrGuide().first().waitFor();
    await cycle.openTab('runs');
    cyclePath = new URL(anna.page.url()).pathname;

    const screen = await ObservePage.observeNow(anna.page);
    await screen.start();
    await screen.tally('Leerling A', ASKS_FOR_HELP);
    await screen.tally('Leerling A', ASKS_FOR_HELP);
    await screen.nextPhase();
    await screen.rate('Leerling B', 3);
    await expect.poll(() => screen.tileSaveState('Leerling B')).toBe('saved');
    expect(anna.page.url()).toMatch(OBSERVE_PATH);
    runPath = new URL(anna.page.url()).pathname.replace(/\/observe$/, '');

    await anna.page.goto(`${cyclePath}?tab=runs`);
    await anna.page
      .getByRole('button', { name: `+ ${nl.plan.runs.questions.add}`, exact: true })
      .click();
    await anna.page.keyboard.type(QUESTION);
    await cycle.shell.waitForConnection('online');

    // lets the colleague observe the same run offline and share his log as a file
    // Bram has the cycle and the app on his tablet, then loses the network.
    await bram.page.goto(`${runPath}/observe`);
    await bram.page.getByRole('heading', { name: nl.observe.start.heading }).waitFor();
    await waitForServiceWorkerControl(bram.page);
    await goOffline(bram, bramProxy);

    const bramScreen = new ObservePage(bram.page);
    await bramScreen.start();
    await bramScreen.tally('Leerling C', ASKS_FOR_HELP);
    await bramScreen.quickNote('Leerling C telt op zijn vingers');
    await expect.poll(() => bramScreen.tileSaveState('Leerling C')).toBe('saved');

    bramTimeline = await new TimelinePage(bram.page).goto(`${runPath}/timeline`);
    await expect.poll(() => bramTimeline.recordObservers()).toContain(bramId);
    bramFile = await bramTimeline.shareByDownload();
    expect(bramFile.name).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.leskring$/);
    expect(bramFile.bytes.length).toBeGreaterThan(100);

    // merges the file into the other device’s timeline: both observers, by phase
    await anna.page.goto(cyclePath);
    await new CyclePage(anna.page).openTab('runs');
    annaTimeline = await TimelinePage.fromRunsTab(anna.page);
    await expect.poll(() => annaTimeline.recordObservers()).toEqual([annaId, annaId, annaId]);

    await annaTimeline.importFile(bramFile);
    // Bram's start, tally and note arrive; nothing else changed in the run.
    await annaTimeline.shell
      .toast(message(tl.logFile.added_other, { count: 3 }))
      .waitFor({ timeout: 10_000 });
    await expect.poll(() => annaTimeline.shownText()).toBe(TimelinePage.shown(5, 5));
    expect(await annaTimeline.phaseTitles()).toEqual([EDI.lessonGoal, EDI.activation]);
    expect(new Set(await annaTimeline.recordObservers())).toEqual(new Set([annaId, bramId]));
    expect((await annaTimeline.recordTexts()).join('\n')).toContain(
      'Leerling C telt op zijn vingers',
    );

    // narrows the timeline with the filters
    await annaTimeline.filter('observer', 'Bram');
    await expect.poll(() => annaTimeline.shownText()).toBe(TimelinePage.shown(2, 5));
    expect(new Set(await annaTimeline.recordObservers())).toEqual(new Set([bramId]));
    expect(anna.page.url()).toContain(`observer=${bramId}`);

    await annaTimeline.filter('observer', tl.filters.allObservers);
    await annaTimeline.filter('pupil', 'Leerling A');
    await expect.poll(() => annaTimeline.shownText()).toBe(TimelinePage.shown(2, 5));
    expect(await annaTimeline.phaseTitles()).toEqual([EDI.lessonGoal]);

    await anna.page.getByRole('button', { name: tl.filters.clear, exact: true }).click();
    await expect.poll(() => annaTimeline.shownText()).toBe(TimelinePage.shown(5, 5));

    // says nothing new for the same file twice, and explains a broken or empty file
    await annaTimeline.importFile(bramFile);
    await annaTimeline.shell.toast(tl.logFile.nothingNew).waitFor();
    expect(await annaTimeline.shownText()).toBe(TimelinePage.shown(5, 5));

    const broken = { name: 'kapot.leskring', bytes: bramFile.bytes.subarray(0, 40) };
    await annaTimeline.importFile(broken);
    await annaTimeline.importFailure(broken.name).getByText(tl.logFile.errors.corrupt).waitFor();

    const empty = { name: 'leeg.leskring', bytes: Buffer.alloc(0) };
    await annaTimeline.importFile(empty);
    await annaTimeline.importFailure(empty.name).getByText(tl.logFile.errors.empty).waitFor();
    expect(await annaTimeline.shownText()).toBe(TimelinePage.shown(5, 5));

    // shows an interview answer one teacher notes on the colleague’s device once he is online
    const field = annaTimeline.answerField(1, 'Leerling A');
    await field.fill(ANSWER);
    await field.press('Enter');
    await annaTimeline
      .pupilBlock(1, 'Leerling A')
      .getByText(tl.interviews.saved, { exact: true })
      .waitFor();

    await goOnline(bram, bramProxy);
    await bramTimeline.shell.waitForConnection('online', { timeout: 40_000 });
    const onBram = bramTimeline.pupilBlock(1, 'Leerling A').locator('.interview-answers li');
    await onBram.filter({ hasText: ANSWER }).waitFor({ timeout: 15_000 });
    expect(await onBram.locator('.answer-who').allInnerTexts()).toEqual(['Anna']);
    // The interview is not a record of the lesson, and Bram's synced log counts once.
    expect(await bramTimeline.shownText()).toBe(TimelinePage.shown(5, 5));
    expect(await annaTimeline.shownText()).toBe(TimelinePage.shown(5, 5));

    // lets a guest read the timeline and the answers, but neither answer nor import
    const invite = await annaTeam
      .goto(annaTeam.teamId())
      .then((team) => team.createInvite({ role: 'guest' }));
    guest = await stage.teacher();
    await new JoinPage(guest.page).open(invite.link).then((join) => join.join('Gijs'));
    const guestTimeline = await new TimelinePage(guest.page).goto(`${runPath}/timeline`);

    await expect.poll(() => guestTimeline.shownText()).toBe(TimelinePage.shown(5, 5));
    await guestTimeline.pupilBlock(1, 'Leerling A').getByText(ANSWER).waitFor();
    expect(await guest.page.getByText(tl.readOnly, { exact: true }).count()).toBe(1);
    expect(await guest.page.locator('.interviews textarea').count()).toBe(0);
    expect(await guest.page.getByTestId('log-import-input').count()).toBe(0);
    expect(await guest.page.getByText(tl.logFile.guestNoImport, { exact: true }).count()).toBe(1);
    // Sharing reads only, but a guest who recorded nothing has nothing to share: they are told
    // so, rather than offered a button that cannot be pressed.
    await guest.page.getByText(tl.logFile.nothingToShare, { exact: true }).waitFor();
    expect(
      await guest.page.getByRole('button', { name: tl.logFile.share, exact: true }).count(),
    ).toBe(0);

    // logs no error on any device along the way
    const offlineNoise = /^WebSocket connection to .* failed: .*ERR_INTERNET_DISCONNECTED/;
    const errors = [...anna.errors, ...bram.errors, ...(guest?.errors ?? [])];
    expect(errors.filter((error) => !offlineNoise.test(error))).toEqual([]);
  });
});
