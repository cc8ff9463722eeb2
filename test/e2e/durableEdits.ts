/**
 * The edits of the local-durability matrix (localDurability.*.test.ts): one
 * of each kind a teacher makes, each made the way a user makes it, with its
 * very last step (the tap or the typed text) left to {@link act}: a reload
 * then runs in the same task in the page, with no round trip to the test in
 * between; closing the browser follows as soon as {@link act} returns.
 */
import type { Page } from 'playwright-core';
import { exampleCycleNl } from '../../src/i18n/exampleCycle.nl.ts';
import { nl } from '../../src/i18n/nl.ts';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import { waitForServiceWorkerControl } from './harness.ts';
import { ObservePage } from './observePage.ts';
import { CyclePage, HomePage, message, TeamPage } from './pages.ts';

/** Where the edits are made: one team with the example cycle and a run being observed. */
export interface DurabilityFixture {
  readonly teamPath: string;
  readonly cyclePath: string;
  readonly observePath: string;
}

const PUPIL = 'Leerling A';
const ASKS_FOR_HELP = templatesNl.casePupil.items.askedForHelp.label;
/** Texts go into the last phase, which the phase move (of phases 1 and 2) never touches. */
const LAST_PHASE = exampleCycleNl.phases.length;
const LAST_PHASE_TITLE = exampleCycleNl.phases[LAST_PHASE - 1]?.title ?? '';

/** A mark no other round's mark contains ("[1]" is not in "[11]"). */
const mark = (round: number) => ` [${round}]`;

/**
 * On an online page: creates a team, loads the example cycle (six phases,
 * three case pupils with a prediction cell per phase) and starts observing a
 * run; resolves once the service worker controls the page, so every screen
 * opens offline afterwards.
 */
export async function durabilityFixture(page: Page): Promise<DurabilityFixture> {
  const team = await new HomePage(page)
    .goto()
    .then((home) => home.createTeam({ teamName: 'Wereldoriëntatie', displayName: 'Anna' }));
  await team.shell.waitForConnection('online');
  const teamPath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).click();
  await page.waitForURL(/\/cycles\//);
  const cyclePath = new URL(page.url()).pathname;
  const cycle = new CyclePage(page);
  await cycle.tabsOrGuide().first().waitFor();
  // The prediction cells exist once the grid has seen the server's copy: wait for them online.
  await cycle.openTab('pupils');
  const cell = cycle.predictionCell(PUPIL, LAST_PHASE, LAST_PHASE_TITLE);
  await page.waitForFunction(
    (label) =>
      [...document.querySelectorAll('textarea')].some(
        (field) => field.getAttribute('aria-label') === label && !field.disabled,
      ),
    await cell.getAttribute('aria-label'),
  );
  await cycle.openTab('runs');
  const screen = await ObservePage.observeNow(page);
  await screen.start();
  const observePath = new URL(page.url()).pathname;
  await waitForServiceWorkerControl(page);
  return { teamPath, cyclePath, observePath };
}

/** Edit `round` of a kind, ready for its last step. */
export interface PreparedEdit {
  /** Typed into the focused field by {@link act}; null: {@link act} taps the focused button. */
  readonly type: string | null;
  /** Whether `page` (the screen opened afresh, perhaps in another browser) shows the edit. */
  kept(page: Page): Promise<boolean>;
  /** What `page` shows instead, for the report of a lost edit (counted edits only). */
  shown?(page: Page): Promise<string>;
}

export interface DurableEdit {
  readonly name: string;
  /** The screen the edit is made on, relative to the app's origin. */
  path(fixture: DurabilityFixture): string;
  /** Waits (at most `timeout` ms) until the screen, just opened, shows what the edit changes. */
  ready(page: Page, timeout?: number): Promise<void>;
  /** Does everything a user does for edit `round` but the last tap or keystroke, and focuses its target. */
  prepare(page: Page, round: number): Promise<PreparedEdit>;
}

/** Renames the team: name typed in the form, then "Opslaan". */
const teamRename: DurableEdit = {
  name: 'team rename',
  path: (fixture) => fixture.teamPath,
  ready: (page, timeout) => new TeamPage(page).renameButton().waitFor({ timeout }),
  async prepare(page, round) {
    const team = new TeamPage(page);
    const name = `Wereldoriëntatie${mark(round)}`;
    await (await team.typeNewName(name)).focus();
    return { type: null, kept: async (shown) => (await new TeamPage(shown).teamName()) === name };
  },
};

/**
 * How many times each kind of edit is made and checked. Every round is the
 * same race, so a handful shows a regression in `npm test` and keeps the
 * whole suite within its ten minutes; `DURABILITY_ROUNDS=50` soaks longer.
 */
export const DURABILITY_ROUNDS = roundsFrom(process.env.DURABILITY_ROUNDS, 5);

function roundsFrom(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const rounds = Number(text);
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new Error(`DURABILITY_ROUNDS must be a whole number from 1, got ${JSON.stringify(text)}`);
  }
  return rounds;
}

/** Types at the end of a phase text of the plan (a textarea bound to a Y.Text). */
const planText: DurableEdit = {
  name: 'plan text',
  path: (fixture) => `${fixture.cyclePath}?tab=plan`,
  ready: (page, timeout) => new CyclePage(page).openPhase(LAST_PHASE, { timeout }),
  async prepare(page, round) {
    const field = new CyclePage(page).phaseField(LAST_PHASE, 'teacherActions');
    await field.focus();
    await field.press('ControlOrMeta+End');
    return {
      type: mark(round),
      kept: async (shown) => {
        const cycle = new CyclePage(shown);
        await cycle.openPhase(LAST_PHASE);
        return (await cycle.phaseField(LAST_PHASE, 'teacherActions').inputValue()).includes(
          mark(round),
        );
      },
    };
  },
};

/** Types at the end of the research question, a Tiptap rich text. */
const richText: DurableEdit = {
  name: 'rich text',
  path: (fixture) => fixture.cyclePath,
  ready: (page, timeout) => new CyclePage(page).richText('researchQuestion').waitFor({ timeout }),
  async prepare(page, round) {
    const editor = new CyclePage(page).richText('researchQuestion');
    await editor.click();
    await editor.press('ControlOrMeta+End');
    return {
      type: mark(round),
      kept: async (shown) =>
        ((await new CyclePage(shown).richText('researchQuestion').textContent()) ?? '').includes(
          mark(round).trim(),
        ),
    };
  },
};

/** Types at the end of a case pupil's prediction for a phase. */
const prediction: DurableEdit = {
  name: 'prediction',
  path: (fixture) => `${fixture.cyclePath}?tab=pupils`,
  ready: (page, timeout) =>
    new CyclePage(page).predictionCell(PUPIL, LAST_PHASE, LAST_PHASE_TITLE).waitFor({ timeout }),
  async prepare(page, round) {
    const cell = new CyclePage(page).predictionCell(PUPIL, LAST_PHASE, LAST_PHASE_TITLE);
    await cell.focus();
    await cell.press('ControlOrMeta+End');
    return {
      type: mark(round),
      kept: async (shown) =>
        (
          await new CyclePage(shown)
            .predictionCell(PUPIL, LAST_PHASE, LAST_PHASE_TITLE)
            .inputValue()
        ).includes(mark(round)),
    };
  },
};

/** Moves phase 1 one place down through its menu (phases 1 and 2 change places). */
const phaseMove: DurableEdit = {
  name: 'phase move',
  path: (fixture) => `${fixture.cyclePath}?tab=plan`,
  ready: (page, timeout) =>
    new CyclePage(page).plan
      .getByRole('button', { name: message(nl.plan.phases.actions, { number: 1 }), exact: true })
      .waitFor({ timeout }),
  async prepare(page) {
    const cycle = new CyclePage(page);
    const [first, second, ...rest] = await cycle.phaseTitles();
    const moved = JSON.stringify([second, first, ...rest]);
    // The menu opens with the focus on its first enabled item: "down", since phase 1 cannot go up.
    await cycle.openPhaseMenu(1);
    await cycle.moveItem(1, 'down').focus();
    return {
      type: null,
      kept: async (shown) => JSON.stringify(await new CyclePage(shown).phaseTitles()) === moved,
      shown: async (shown) => `${await new CyclePage(shown).phaseTitles()}, expected ${moved}`,
    };
  },
};

/** Taps "+1 asks for help" for a case pupil while observing a run. */
const observationTap: DurableEdit = {
  name: 'observation tap',
  path: (fixture) => fixture.observePath,
  ready: (page, timeout) =>
    new ObservePage(page).tallyButton(PUPIL, ASKS_FOR_HELP).waitFor({ timeout }),
  async prepare(page) {
    const screen = new ObservePage(page);
    const total = await screen.tallyTotalOf(PUPIL, ASKS_FOR_HELP);
    await screen.tallyButton(PUPIL, ASKS_FOR_HELP).focus();
    return {
      type: null,
      kept: async (shown) =>
        (await new ObservePage(shown).tallyTotalOf(PUPIL, ASKS_FOR_HELP)) === total + 1,
      shown: async (shown) =>
        `${await new ObservePage(shown).tallyTotalOf(PUPIL, ASKS_FOR_HELP)} in total, expected ${total + 1}`,
    };
  },
};

export const DURABLE_EDITS: readonly DurableEdit[] = [
  teamRename,
  planText,
  richText,
  prediction,
  phaseMove,
  observationTap,
];

/**
 * The last step of a prepared edit, in the page: types its text into the
 * focused field or taps the focused button, then, in the same task, reloads
 * the page when asked.
 */
export async function act(
  page: Page,
  edit: PreparedEdit,
  then: 'reload' | 'nothing',
): Promise<void> {
  await page.evaluate(
    ({ text, reload }) => {
      const target = document.activeElement;
      if (!(target instanceof HTMLElement) || target === document.body) {
        throw new Error('nothing has the focus: the edit was not prepared');
      }
      if (text === null) target.click();
      else document.execCommand('insertText', false, text);
      if (reload) location.reload();
    },
    { text: edit.type, reload: then === 'reload' },
  );
}

/**
 * Waits until the edit's screen (just opened, or loading after a reload) is
 * ready; if it never is, fails with what the screen shows.
 */
export async function screenReady(page: Page, edit: DurableEdit, timeout = 15_000): Promise<void> {
  try {
    await edit.ready(page, timeout);
  } catch (error) {
    const shown = await page
      .evaluate(() => document.body.textContent ?? '')
      .catch(() => '(nothing)');
    throw new Error(
      `the ${edit.name} screen (${page.url()}) never got ready; it shows:\n${shown.slice(0, 800)}`,
      { cause: error },
    );
  }
}

/** Why an edit counts as lost: its round, and for a counted edit what the screen shows instead. */
export async function lostEdit(page: Page, edit: PreparedEdit, round: number): Promise<string> {
  const shown = await edit.shown?.(page).catch((error: unknown) => String(error));
  return shown === undefined ? String(round) : `${round} (shows ${shown})`;
}

/** Whether the screen shows the edit within `timeout` ms (polled; false once the time is up). */
export async function shownWithin(
  page: Page,
  edit: PreparedEdit,
  timeout = 5_000,
): Promise<boolean> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await edit.kept(page).catch(() => false)) return true;
    if (Date.now() > deadline) return false;
    await page.waitForTimeout(50);
  }
}
