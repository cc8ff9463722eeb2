/**
 * Issue 12, the debrief: Anna and Bram observed the same run; Anna chairs
 * the debrief on her laptop (1024×768), Bram follows on his tablet. The
 * chair moves the protocol on for both; a flagged moment, a judgement in
 * the predicted-versus-observed matrix, contributions with and without
 * evidence (and the share that rests on evidence), a contribution Bram
 * makes offline, the summaries, a finding with its change and measure; the
 * projector view at 1920×1080; Bram's screen in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debriefEn } from '../../src/i18n/debrief.en.ts';
import { debriefNl } from '../../src/i18n/debrief.nl.ts';
import { en } from '../../src/i18n/en.ts';
import { nl } from '../../src/i18n/nl.ts';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import { DebriefPage } from './debriefPage.ts';
import {
  type CuttableProxy,
  goOffline,
  goOnline,
  type Stage,
  startStage,
  type TeacherContext,
  waitForServiceWorkerControl,
} from './harness.ts';
import { ObservePage } from './observePage.ts';
import { CyclePage, HomePage, message, SettingsPage, teamOfTwo } from './pages.ts';

const d = debriefNl;
const ASKS_FOR_HELP = templatesNl.casePupil.items.askedForHelp.label;

describe('issue 12: the debrief of a run with two observers', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let bram: TeacherContext;
  let bramProxy: CuttableProxy;
  let runPath: string;

  beforeAll(async () => {
    stage = await startStage();
    ({ anna, bram, bramProxy } = await teamOfTwo(stage, 'Rekenen groep 6'));
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('runs the protocol on two devices, from evidence to an agreed finding', async () => {
    // Two observers' data: Anna and Bram observe the same run of the example cycle.
    await anna.page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).click();
    await anna.page.waitForURL(/\/cycles\//);
    const cycle = new CyclePage(anna.page);
    await cycle.tabsOrGuide().first().waitFor();
    await cycle.openTab('runs');
    const annaObserves = await ObservePage.observeNow(anna.page);
    await annaObserves.start();
    await annaObserves.tally('Leerling A', ASKS_FOR_HELP);
    await annaObserves.tally('Leerling A', ASKS_FOR_HELP);
    await annaObserves.quickNote('De klas werkt rustig door');
    await expect.poll(() => annaObserves.tileSaveState('Leerling A')).toBe('saved');
    runPath = new URL(anna.page.url()).pathname.replace(/\/observe$/, '');
    await annaObserves.shell.waitForConnection('online');

    await bram.page.goto(`${runPath}/observe`);
    const bramObserves = new ObservePage(bram.page);
    await bramObserves.start();
    await bramObserves.tally('Leerling A', ASKS_FOR_HELP);
    await expect.poll(() => bramObserves.tileSaveState('Leerling A')).toBe('saved');
    await bramObserves.shell.waitForConnection('online');

    // The chair starts the debrief on a 1024×768 screen; the protocol has eight steps.
    await anna.page.setViewportSize({ width: 1024, height: 768 });
    const chair = await new DebriefPage(anna.page).goto(runPath);
    await anna.page.getByRole('heading', { name: d.start.heading }).waitFor();
    expect(await anna.page.locator('.debrief-protocol-preview li').count()).toBe(8);
    await chair.startAsChair();
    await chair.stepOf(1, 8).waitFor();
    await expect.poll(() => chair.stepTitle().textContent()).toBe(d.kinds.review);

    // Bram follows: same step, and the chair leads (he has no "next" of his own).
    await bram.page.setViewportSize({ width: 1024, height: 768 });
    const tablet = await new DebriefPage(bram.page).goto(runPath);
    await tablet.stepOf(1, 8).waitFor();
    expect(await bram.page.getByRole('button', { name: `${d.runner.next} →` }).count()).toBe(0);
    await bram.page
      .getByText(message(d.runner.chairLeads, { names: 'Anna' }), { exact: true })
      .waitFor();

    // Quiet review: Anna flags a moment; Bram sees it.
    await chair.flagFirstMoment();
    await tablet.flags(1).waitFor();

    // The chair moves on to the round per case pupil; Bram's screen follows.
    await chair.nextUntil(d.kinds.pupils);
    await tablet.stepOf(5, 8).waitFor();
    await expect.poll(() => tablet.stepTitle().textContent()).toBe(d.kinds.pupils);
    const firstCell = chair.cell(1);
    // Anna's two tallies read as one line with their count, Bram's as another.
    await expect.poll(() => firstCell.locator('.observed-list li').count()).toBe(2);
    await firstCell.locator('.observed-list li').filter({ hasText: /×2$/ }).waitFor();
    await chair.judge(1, 'worse', 'Vraagt vaker om hulp dan voorspeld');
    await chair.progress(1, 18).waitFor();
    await tablet.progress(1, 18).waitFor();
    await expect
      .poll(() => tablet.cell(1).getByRole('radio', { name: d.matrix.values.worse }).isChecked())
      .toBe(true);

    // Contributions: one from evidence, one opinion; half of them rests on evidence.
    await chair.contribute('Leerling A vroeg twee keer om hulp bij het vergelijken', 1);
    await chair.contribute('Ik vond het een fijne les');
    await expect
      .poll(() => chair.evidenceShare().textContent())
      .toContain(message(d.evidence.share, { withEvidence: 1, total: 2, percent: 50 }));
    expect(await chair.contributions().first().locator('.evidence-chip').count()).toBe(1);
    await expect
      .poll(() => chair.contributions().nth(1).textContent())
      .toContain(d.evidence.opinion);

    // Bram loses the network, contributes from evidence anyway; it reaches Anna when he is back.
    await waitForServiceWorkerControl(bram.page);
    await goOffline(bram, bramProxy);
    await tablet.contribute('Leerling A telde op haar vingers bij fase 1', 1);
    await goOnline(bram, bramProxy);
    await chair
      .contributions()
      .filter({ hasText: 'telde op haar vingers' })
      .waitFor({ timeout: 20_000 });
    await expect
      .poll(() => chair.evidenceShare().textContent())
      .toContain(message(d.evidence.share, { withEvidence: 2, total: 3, percent: 67 }));
    // A contribution that starts from a cell of the matrix carries that cell as its evidence.
    await chair.cell(1).getByRole('button', { name: d.matrix.cite, exact: true }).click();
    await chair.contribute('In fase 1 gebruikte ze de strook nog niet');
    const fromCell = chair.contributions().filter({ hasText: 'strook nog niet' });
    await expect
      .poll(() => fromCell.locator('.evidence-chip').textContent())
      .toContain('Leerling A');
    await expect
      .poll(() => chair.evidenceShare().textContent())
      .toContain(message(d.evidence.share, { withEvidence: 3, total: 4, percent: 75 }));

    // Patterns across the class, then findings.
    await chair.nextUntil(d.kinds.patterns);
    await anna.page.getByTestId('debrief-summaries').waitFor();
    // Charts, loaded on demand, beside the tables with the same numbers.
    await expect
      .poll(() => anna.page.locator('[data-testid="summary-charts"] canvas').count())
      .toBeGreaterThan(1);
    await anna.page.getByRole('button', { name: d.summaries.hideCharts, exact: true }).click();
    expect(await anna.page.getByTestId('summary-charts').count()).toBe(0);
    expect(await anna.page.locator('.debrief-summaries table').count()).toBeGreaterThan(1);
    // A figure of the summaries as the evidence of a contribution.
    await anna.page
      .getByRole('button', {
        name: message(d.evidence.cite, { label: ASKS_FOR_HELP }),
        exact: true,
      })
      .click();
    await chair.contribute('In de hele les werd het vaakst om hulp gevraagd in de eerste fase');
    const fromSummary = chair.contributions().filter({ hasText: 'vaakst om hulp' });
    await expect
      .poll(() => fromSummary.locator('.evidence-chip').textContent())
      .toContain(message(d.evidence.summaryOf.tally, { item: ASKS_FOR_HELP }));
    await chair.nextUntil(d.kinds.findings);
    await chair.addFinding({
      text: 'Leerling A heeft de strook nodig voordat ze gaat vergelijken',
      change: 'Pakt de strook er zelf bij',
      changeTarget: {
        target: d.findings.targets.prediction,
        phase: 'Instructie',
        pupil: 'Leerling A',
      },
      checkItem: ASKS_FOR_HELP,
      checkPupil: 'Leerling A',
    });
    await expect.poll(() => chair.findings().count()).toBe(1);
    await tablet.findings().filter({ hasText: 'strook nodig' }).waitFor();
    await chair.addFinding({
      text: 'Hoe helpt de strook bij het meten?',
      change: 'Meten met de strook in fase 4',
      checkItem: ASKS_FOR_HELP,
      checkPupil: 'Leerling B',
      openQuestion: true,
    });
    await expect.poll(() => chair.findings().count()).toBe(2);

    // The projector view: large type, no app header, no editing controls; Esc ends it.
    await anna.page.setViewportSize({ width: 1920, height: 1080 });
    await anna.page.getByRole('button', { name: d.runner.present, exact: true }).click();
    await anna.page.locator('.debrief-page.is-presenting').waitFor();
    expect(await anna.page.locator('.app-header').isVisible()).toBe(false);
    expect(await anna.page.locator('.debrief-page textarea').count()).toBe(0);
    expect(await chair.findings().count()).toBe(2);
    // The recorder's notes appear on the projector as they are typed.
    await bram.page.locator('#debrief-notes-step-findings').click();
    await bram.page.keyboard.type('Strook al in fase 1');
    await anna.page.locator('.debrief-notes-text').getByText('Strook al in fase 1').waitFor();
    await anna.page.keyboard.press('Escape');
    await anna.page.locator('.debrief-page.is-presenting').waitFor({ state: 'detached' });
    expect(await anna.page.locator('.app-header').isVisible()).toBe(true);

    // Preparing RL2 starts from the finding: its change is on RL2's plan.
    const cyclePath = runPath.replace(/\/runs\/[^/]+$/, '');
    await anna.page.setViewportSize({ width: 1024, height: 768 });
    await anna.page.goto(`${cyclePath}?tab=versions`);
    await anna.page.getByRole('button', { name: nl.plan.versions.prepare, exact: true }).click();
    await anna.page
      .getByRole('button', {
        name: message(nl.plan.versions.prepareAction, { number: 2 }),
        exact: true,
      })
      .click();
    await cycle.shell.toast(message(nl.plan.versions.prepared, { number: 2 })).waitFor();
    await cycle.openTab('plan');
    const fromDebrief = anna.page.getByTestId('lesson-findings');
    await fromDebrief
      .getByText('Leerling A heeft de strook nodig voordat ze gaat vergelijken')
      .waitFor();
    // The change sits at RL2's copy of the phase it was about; one tap takes it into
    // Leerling A's prediction there, and Undo takes it out again.
    const change = fromDebrief.getByTestId('lesson-change').filter({ hasText: 'Pakt de strook' });
    const applyChange = change.getByRole('button', {
      name: message(d.forPlan.applyLabel, { text: 'Pakt de strook er zelf bij' }),
    });
    await applyChange.click();
    await change.getByText(d.forPlan.applied).waitFor();
    await cycle.shell.toastAction(nl.common.undo).click();
    await applyChange.waitFor();
    await applyChange.click();
    await change.getByText(d.forPlan.applied).waitFor();
    // The other finding's change concerns the lesson as a whole: the team works it out by hand.
    await fromDebrief
      .getByTestId('lesson-change')
      .filter({ hasText: 'Meten met de strook' })
      .getByText(d.forPlan.noPhase)
      .waitFor();
    await cycle.openTab('pupils');
    const prediction = anna.page.getByLabel(
      message(nl.plan.predictions.cellLabel, {
        pupil: 'Leerling A',
        number: 3,
        phase: 'Instructie',
      }),
      { exact: true },
    );
    // Taken once (the undone first tap left nothing behind), on a line of its own.
    await expect
      .poll(async () => (await prediction.inputValue()).split('\n').at(-1))
      .toBe('Pakt de strook er zelf bij');
    expect((await prediction.inputValue()).match(/Pakt de strook/g)).toHaveLength(1);

    // RL2 is taught and observed; its debrief checks the finding against RL1.
    await cycle.openTab('runs');
    const rl2Observes = await ObservePage.observeNow(anna.page);
    await rl2Observes.start();
    await rl2Observes.tally('Leerling A', ASKS_FOR_HELP);
    await expect.poll(() => rl2Observes.tileSaveState('Leerling A')).toBe('saved');
    const rl2RunPath = new URL(anna.page.url()).pathname.replace(/\/observe$/, '');
    expect(rl2RunPath).not.toBe(runPath);
    const rl2Debrief = await new DebriefPage(anna.page).goto(rl2RunPath);
    await rl2Debrief.startAsChair();
    await rl2Debrief.nextUntil(d.kinds.findings);
    const checks = anna.page.getByTestId('finding-checks');
    const row = checks.getByRole('row', { name: /strook nodig/ });
    // RL1: Anna tallied twice and Bram once (1.5 per observer); RL2: once by Anna.
    await row.getByText(message(d.checks.tally, { value: 1.5 })).waitFor();
    await row.getByText(message(d.checks.tally, { value: 1 })).waitFor();
    await row.getByText(d.checks.direction.down, { exact: true }).waitFor();
    await row.getByRole('combobox').selectOption({ label: d.checks.verdicts.worked });
    const why = row.getByRole('textbox');
    await expect.poll(() => why.isEnabled()).toBe(true);
    await why.fill('Ze vroeg minder vaak om hulp met de strook');
    await why.blur();
    await anna.page.reload();
    const checked = anna.page
      .getByTestId('finding-checks')
      .getByRole('row', { name: /strook nodig/ });
    await expect.poll(() => checked.getByRole('combobox').inputValue()).toBe('worked');
    await expect
      .poll(() => checked.getByRole('textbox').inputValue())
      .toBe('Ze vroeg minder vaak om hulp met de strook');

    // RL1 and RL2 side by side: the same item, matched across the two runs' kijkwijzers.
    await anna.page.goto(`${cyclePath}?tab=versions`);
    const asks = anna.page
      .getByTestId('lesson-data')
      .getByRole('row', { name: new RegExp(ASKS_FOR_HELP) });
    await asks.getByText(message(d.checks.tally, { value: 1.5 })).waitFor();
    await asks.getByText(message(d.checks.tally, { value: 1 }), { exact: true }).waitFor();

    // Closing the cycle: a new measurement beside the baseline, then the next cycle from the open question.
    await anna.page.goto(`${cyclePath}?tab=impact`);
    const measures = anna.page.getByTestId('impact-measures');
    const after = measures.getByRole('textbox');
    await after.fill('71');
    await after.blur();
    await measures.getByText('+23 %').waitFor();
    await anna.page
      .getByTestId('open-questions')
      .getByText('Hoe helpt de strook bij het meten?')
      .waitFor();
    await anna.page.getByRole('button', { name: nl.cycle.impact.startNext, exact: true }).click();
    await anna.page.waitForURL(
      (url) => url.pathname !== new URL(cyclePath, url).pathname && url.search.includes('start=1'),
    );
    await anna.page.getByRole('button', { name: nl.cycle.wizard.close, exact: true }).click();
    await anna.page.locator('.overview').getByText('Hoe helpt de strook bij het meten?').waitFor();

    // Bram's screen in English shows the same debrief.
    await new SettingsPage(bram.page).goto().then((settings) => settings.chooseLanguage('en'));
    await bram.page.getByRole('heading', { level: 1, name: en.settings.title }).waitFor();
    await bram.page.waitForFunction(() => localStorage.getItem('leskring.lang') === 'en');
    const english = await new DebriefPage(bram.page, debriefEn).goto(runPath);
    await expect.poll(() => english.stepTitle().textContent()).toBe(debriefEn.kinds.findings);
    await english.findings().filter({ hasText: 'strook nodig' }).waitFor();

    const offlineNoise = /^WebSocket connection to .* failed: .*ERR_INTERNET_DISCONNECTED/;
    expect([...anna.errors, ...bram.errors].filter((error) => !offlineNoise.test(error))).toEqual(
      [],
    );
  });
  it('runs a whole debrief offline on one device, keeps it across a reload and syncs it later', async () => {
    // Cas has the app and an observed lesson on her laptop, then the staff room has no network.
    const { teacher: cas, proxy } = await stage.cuttableTeacher();
    await new HomePage(cas.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Rekenen groep 5', displayName: 'Cas' }))
      .then((team) => team.shell.waitForConnection('online'));
    await cas.page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).click();
    await cas.page.waitForURL(/\/cycles\//);
    const cycle = new CyclePage(cas.page);
    await cycle.tabsOrGuide().first().waitFor();
    await cycle.openTab('runs');
    const observes = await ObservePage.observeNow(cas.page);
    await observes.start();
    await observes.tally('Leerling B', ASKS_FOR_HELP);
    await expect.poll(() => observes.tileSaveState('Leerling B')).toBe('saved');
    const runPathOffline = new URL(cas.page.url()).pathname.replace(/\/observe$/, '');
    await waitForServiceWorkerControl(cas.page);
    await goOffline(cas, proxy);

    const debrief = await new DebriefPage(cas.page).goto(runPathOffline);
    // Offline too, the team makes the protocol its own: a longer round per case pupil, the
    // guest expert before the findings, a step of its own; saved for the team.
    const pe = d.protocolEditor;
    await cas.page.getByRole('button', { name: d.start.editProtocol, exact: true }).click();
    await cas.page.getByLabel(message(pe.minutes, { number: 5 }), { exact: true }).fill('20');
    await cas.page
      .getByRole('button', { name: message(pe.moveUp, { number: 8 }), exact: true })
      .click();
    await cas.page.getByRole('button', { name: pe.add, exact: true }).click();
    await cas.page
      .getByLabel(message(pe.stepTitle, { number: 9 }), { exact: true })
      .fill('Vooruitblik op de volgende les');
    await cas.page.getByRole('button', { name: pe.save, exact: true }).click();
    await debrief.shell.toast(pe.saved).waitFor();
    await cas.page
      .getByText(`${d.start.ownProtocol} · ${message(d.start.protocol, { minutes: 65 })}`)
      .waitFor();
    const preview = cas.page.locator('.debrief-protocol-preview li');
    await expect.poll(() => preview.count()).toBe(9);
    expect(await preview.nth(6).textContent()).toContain(d.kinds.closing);
    expect(await preview.nth(8).textContent()).toContain('Vooruitblik op de volgende les');
    await debrief.startAsChair();
    await debrief.stepOf(1, 9).waitFor();
    await debrief.nextUntil(d.kinds.pupils);
    await debrief.judge(1, 'better', 'Minder hulpvragen dan verwacht');
    await debrief.progress(1, 18).waitFor();
    await debrief.contribute('Leerling B vroeg één keer om hulp', 1);
    await debrief.nextUntil(d.kinds.findings);
    await debrief.addFinding({
      text: 'Leerling B werkt zelfstandiger dan we dachten',
      change: 'Minder voorzeggen in fase 2',
      checkItem: ASKS_FOR_HELP,
      checkPupil: 'Leerling B',
    });

    // Reloaded without a network: the debrief is where the chair left it.
    await cas.page.reload();
    await debrief.stepTitle().waitFor();
    await expect.poll(() => debrief.stepTitle().textContent()).toBe(d.kinds.findings);
    await debrief.findings().filter({ hasText: 'zelfstandiger' }).waitFor();

    // Back online, everything reaches the server: nothing stays unconfirmed.
    await goOnline(cas, proxy);
    await debrief.shell.waitForConnection('online', { timeout: 40_000 });
    await expect.poll(() => debrief.shell.unsyncedChanges(), { timeout: 20_000 }).toBe(0);

    const offlineNoise = /^WebSocket connection to .* failed: .*ERR_INTERNET_DISCONNECTED/;
    expect(cas.errors.filter((error) => !offlineNoise.test(error))).toEqual([]);
  });
});
