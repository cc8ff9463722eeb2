/**
 * Page objects for the e2e journeys: one class per screen, locating elements
 * the way a user would (roles and labels), with the label text taken from the
 * Dutch messages so a copy change does not break a spec. Specs talk to these,
 * never to CSS selectors.
 */
import type { Locator, Page } from 'playwright-core';
import { nl } from '../../src/i18n/nl.ts';
import type { Stage } from './harness.ts';

/** Fills `{{name}}` placeholders the way i18next does (no escaping, no formatting). */
export function message(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** Dutch plural of a `_one` / `_other` message pair. */
export function plural(forms: { one: string; other: string }, count: number): string {
  return message(count === 1 ? forms.one : forms.other, { count });
}

export type ConnectionStatus =
  | 'online'
  | 'offline'
  | 'connecting'
  | 'syncing'
  | 'denied'
  | 'refused'
  | 'busy'
  | 'local-only';

export type RoleName = keyof typeof nl.roles;

const TEAM_PATH = /\/teams\/([0-9a-hjkmnp-tv-z]{16})(?:[/?#]|$)/;
const KIJKWIJZERS_PATH = /\/teams\/[0-9a-hjkmnp-tv-z]{16}\/kijkwijzers(?:[/?#]|$)/;
const CYCLE_PATH = /\/teams\/[0-9a-hjkmnp-tv-z]{16}\/cycles\/([0-9a-hjkmnp-tv-z]{16})(?:[/?#]|$)/;

/** The id in a `/teams/<teamId>` URL, or null. */
export function teamIdFromUrl(url: string): string | null {
  return TEAM_PATH.exec(new URL(url).pathname)?.[1] ?? null;
}

/** Matches exactly `text` (trimmed), for locator filters. */
export function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Header, navigation and the connection badge, present on every screen. */
export class AppShell {
  readonly page: Page;
  readonly connection: Locator;

  constructor(page: Page) {
    this.page = page;
    this.connection = page.locator('header output.connection');
  }

  async connectionStatus(): Promise<ConnectionStatus> {
    return (await this.connection.getAttribute('data-status')) as ConnectionStatus;
  }

  /** Changes the server has not confirmed yet, as the badge shows them. */
  async unsyncedChanges(): Promise<number> {
    return Number((await this.connection.getAttribute('data-unsynced')) ?? '0');
  }

  /** Waits until the badge shows `status` (and, for 'online', nothing unsynced unless told otherwise). */
  async waitForConnection(
    status: ConnectionStatus,
    options: { allSaved?: boolean; timeout?: number } = {},
  ): Promise<void> {
    const allSaved = options.allSaved ?? status === 'online';
    const selector = `header output.connection[data-status="${status}"]${allSaved ? '[data-unsynced="0"]' : ''}`;
    try {
      await this.page.waitForSelector(selector, { timeout: options.timeout ?? 15_000 });
    } catch (error) {
      const shown = await this.connection
        .evaluate((badge) => `${badge.dataset.status} (${badge.dataset.unsynced} unsynced)`)
        .catch(() => 'no badge');
      throw new Error(`badge never showed ${selector}; it shows ${shown}`, { cause: error });
    }
  }

  async gotoTeams(): Promise<HomePage> {
    await this.page
      .getByRole('navigation', { name: nl.app.nav.main })
      .getByRole('link', { name: nl.app.nav.teams })
      .click();
    return new HomePage(this.page);
  }

  async gotoSettings(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: nl.app.nav.main })
      .getByRole('link', { name: nl.app.nav.settings })
      .click();
  }

  /** The text of the newest toast, if any. */
  toast(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  /** The action button (e.g. Undo) of the newest toast that has one. */
  toastAction(label: string): Locator {
    return this.page
      .locator('.toasts .toast')
      .getByRole('button', { name: label, exact: true })
      .last();
  }

  /** The "new version available" banner. */
  updateBanner(): Locator {
    return this.page.getByTestId('update-banner');
  }

  /** The banner's "update now" button. */
  applyUpdateButton(): Locator {
    return this.updateBanner().getByRole('button', { name: nl.app.update.apply });
  }
}

/** The start screen: the teams on this device, create a team, join one. */
export class HomePage {
  readonly page: Page;
  readonly shell: AppShell;
  readonly heading: Locator;
  readonly createSection: Locator;
  readonly joinSection: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.heading = page.getByRole('heading', { level: 1, name: nl.home.title });
    this.createSection = page.getByRole('region', { name: nl.createTeam.title });
    this.joinSection = page.getByRole('region', { name: nl.join.title });
  }

  async goto(): Promise<this> {
    await this.page.goto('/');
    await this.heading.waitFor();
    return this;
  }

  /** Creates a team (works offline) and lands on its page; returns the team page. */
  async createTeam(input: { teamName: string; displayName: string }): Promise<TeamPage> {
    await this.createSection.getByLabel(nl.createTeam.teamName).fill(input.teamName);
    await this.createSection.getByLabel(nl.createTeam.displayName).fill(input.displayName);
    await this.createSection.getByRole('button', { name: nl.createTeam.submit }).click();
    await this.page.waitForURL(TEAM_PATH);
    const team = new TeamPage(this.page);
    await team.heading.waitFor();
    return team;
  }

  /** The links of the team list, one per team on this device. */
  teamLinks(): Locator {
    return this.page.locator('ul.team-list a.team-link');
  }

  /** The team names listed, once the list has loaded (empty when there are none). */
  async teamNames(): Promise<string[]> {
    await this.page.waitForSelector('ul.team-list, .empty-state');
    return this.page.locator('ul.team-list .team-link-name').allInnerTexts();
  }

  async openTeam(name: string): Promise<TeamPage> {
    await this.teamLinks().filter({ hasText: name }).first().click();
    await this.page.waitForURL(TEAM_PATH);
    return new TeamPage(this.page);
  }

  /** Types a code or pasted link into the join form; continues on the join page. */
  async enterInvite(codeOrLink: string): Promise<JoinPage> {
    await this.joinSection.getByLabel(nl.join.codeLabel).fill(codeOrLink);
    await this.joinSection.getByRole('button', { name: nl.join.submit }).click();
    await this.page.waitForURL(/\/join/);
    return new JoinPage(this.page);
  }
}

/** One team: name, members with presence, invites. */
export class TeamPage {
  readonly page: Page;
  readonly shell: AppShell;
  /** The team name heading. */
  readonly heading: Locator;
  readonly membersSection: Locator;
  readonly invitesSection: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.heading = page.locator('h1#team-title');
    this.membersSection = page.getByRole('region', { name: nl.team.members.title });
    this.invitesSection = page.getByRole('region', { name: nl.team.invites.title });
  }

  async goto(teamId: string): Promise<this> {
    await this.page.goto(`/teams/${teamId}`);
    await this.heading.waitFor();
    return this;
  }

  teamId(): string {
    const id = teamIdFromUrl(this.page.url());
    if (id === null) throw new Error(`not on a team page: ${this.page.url()}`);
    return id;
  }

  async teamName(): Promise<string> {
    return ((await this.heading.textContent()) ?? '').trim();
  }

  /** Waits until the heading shows `name` (e.g. after a colleague renamed the team). */
  async waitForTeamName(name: string, timeout = 15_000): Promise<void> {
    try {
      await this.heading.filter({ hasText: exactText(name) }).waitFor({ timeout });
    } catch (error) {
      const shown = await this.heading.textContent({ timeout: 1_000 }).catch(() => null);
      throw new Error(`team name never became "${name}"; it shows ${JSON.stringify(shown)}`, {
        cause: error,
      });
    }
  }

  renameButton(): Locator {
    return this.page.getByRole('button', { name: nl.team.rename });
  }

  /** The notice a removed member sees on the team page. */
  removedNotice(): Locator {
    return this.page.getByRole('alert').filter({ hasText: nl.team.removedNotice });
  }

  async rename(name: string): Promise<void> {
    await (await this.typeNewName(name)).click();
    await this.heading.filter({ hasText: name }).waitFor();
  }

  /** Opens the rename form and types `name`; returns its save button, not yet pressed. */
  async typeNewName(name: string): Promise<Locator> {
    await this.renameButton().click();
    await this.page.getByLabel(nl.team.name, { exact: true }).fill(name);
    return this.page.getByRole('button', { name: nl.common.save });
  }

  /** Member rows (`li.member`, each with `data-member-id`). */
  memberRows(): Locator {
    return this.membersSection.locator('li.member');
  }

  /** Member display names as listed (without the "(jij)" suffix). */
  async memberNames(): Promise<string[]> {
    const names = await this.memberRows().locator('.member-name').allInnerTexts();
    const you = ` (${nl.common.you})`;
    return names.map((name) => name.trim().replace(you, ''));
  }

  /** The row of the member with this display name. */
  member(displayName: string): Locator {
    return this.memberRows().filter({ hasText: displayName });
  }

  /** Waits until exactly these members are listed (any order). */
  async waitForMembers(displayNames: readonly string[], timeout = 15_000): Promise<void> {
    const expected = [...displayNames].sort();
    const deadline = Date.now() + timeout;
    let names: string[] = [];
    while (Date.now() < deadline) {
      names = (await this.memberNames()).sort();
      if (names.length === expected.length && names.every((name, i) => name === expected[i])) {
        return;
      }
      await this.page.waitForTimeout(100);
    }
    throw new Error(`members are ${JSON.stringify(names)}, expected ${JSON.stringify(expected)}`);
  }

  /** The presence dot of a member once it says online (wait on it with `waitFor()`). */
  onlineDot(displayName: string): Locator {
    return this.member(displayName).getByRole('img', {
      name: nl.team.members.online,
      exact: true,
    });
  }

  /** The role shown for a member: the selected option for a facilitator, else the badge. */
  async memberRole(displayName: string): Promise<string> {
    const row = this.member(displayName);
    const select = row.locator('select');
    if ((await select.count()) > 0) {
      return select.evaluate((element) =>
        ((element as HTMLSelectElement).selectedOptions[0]?.textContent ?? '').trim(),
      );
    }
    return ((await row.locator('.badge').textContent()) ?? '').trim();
  }

  /** Changes a member's role through the role select (facilitators only; needs the server). */
  async setMemberRole(displayName: string, role: RoleName): Promise<void> {
    await this.membersSection
      .getByLabel(message(nl.team.members.changeRole, { name: displayName }))
      .selectOption({ label: nl.roles[role] });
  }

  /** Removes a member: the remove button, then the confirm dialog. */
  async removeMember(displayName: string): Promise<void> {
    await this.member(displayName).getByRole('button', { name: nl.team.members.remove }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: nl.team.members.remove }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Whether the presence dot of a member says online. */
  async isOnline(displayName: string): Promise<boolean> {
    const label = await this.member(displayName)
      .locator('.presence-dot')
      .getAttribute('aria-label');
    return label === nl.team.members.online;
  }

  /** The cycle links of the team's cycle list (`a.cycle-link`, each with `data-cycle-id`). */
  cycleLinks(): Locator {
    return this.page.locator('a.cycle-link');
  }

  /** The link of one cycle in the team's cycle list. */
  cycleLink(cycleId: string): Locator {
    return this.page.locator(`a.cycle-link[data-cycle-id="${cycleId}"]`);
  }

  /** Starts a new cycle and lands on its page with the guided start open (close it with `closeGuide()`). */
  async startCycle(): Promise<CyclePage> {
    await this.page.getByRole('button', { name: nl.cycle.list.start, exact: true }).click();
    await this.page.waitForURL(CYCLE_PATH);
    const cycle = new CyclePage(this.page);
    await cycle.tabsOrGuide().first().waitFor();
    return cycle;
  }

  /** Opens a cycle from the list (an in-app navigation, no page load). */
  async openCycle(title: string): Promise<CyclePage> {
    await this.cycleLinks()
      .filter({ has: this.page.locator('.cycle-link-title', { hasText: exactText(title) }) })
      .first()
      .click();
    await this.page.waitForURL(CYCLE_PATH);
    const cycle = new CyclePage(this.page);
    await cycle.tabsOrGuide().first().waitFor();
    return cycle;
  }

  /** Follows the team page's link to the team's kijkwijzer library (an in-app navigation). */
  async openKijkwijzers(): Promise<KijkwijzersPage> {
    await this.page.getByRole('link', { name: nl.templatesUi.teamLink, exact: true }).click();
    await this.page.waitForURL(KIJKWIJZERS_PATH);
    const kijkwijzers = new KijkwijzersPage(this.page);
    await kijkwijzers.heading.waitFor();
    return kijkwijzers;
  }

  /** Creates an invite (needs the server) and returns the shown code and link. */
  async createInvite(
    options: { role?: RoleName; days?: 1 | 3 | 7 | 14 | 30; singleUse?: boolean } = {},
  ): Promise<{ code: string; link: string }> {
    const section = this.invitesSection;
    if (options.role) {
      await section
        .getByLabel(nl.team.invites.role)
        .selectOption({ label: nl.roles[options.role] });
    }
    if (options.days) {
      await section.getByLabel(nl.team.invites.expiresIn).selectOption({
        label: plural(
          { one: nl.team.invites.days_one, other: nl.team.invites.days_other },
          options.days,
        ),
      });
    }
    if (options.singleUse !== undefined) {
      await section.getByLabel(nl.team.invites.singleUse).setChecked(options.singleUse);
    }
    const link = section.getByTestId('invite-link');
    const previous = (await link.count()) > 0 ? await link.inputValue() : null;
    await section.getByRole('button', { name: nl.team.invites.create }).click();
    await this.page.waitForFunction((before) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="invite-link"]');
      return input !== null && input.value !== '' && input.value !== before;
    }, previous);
    return {
      code: ((await section.getByTestId('invite-code').textContent()) ?? '').trim(),
      link: await link.inputValue(),
    };
  }
}

/** `/join#CODE`: preview the invite, give a name, join. */
export class JoinPage {
  readonly page: Page;
  readonly shell: AppShell;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
  }

  /** Opens an invite link (absolute, or a path such as `/join#ABCDE-FGHJK`). */
  async open(link: string): Promise<this> {
    const url = new URL(link, 'http://placeholder');
    await this.page.goto(`${url.pathname}${url.hash}`);
    return this;
  }

  /** The "you are invited to … as …" line, once the server confirmed the invite. */
  invitation(): Locator {
    const [before = ''] = nl.join.invitedTo.split('{{');
    return this.page.getByText(before.trim());
  }

  /** Why the invite cannot be used (expired, used, unknown), once the server answered. */
  failure(): Locator {
    return this.page.getByRole('alert');
  }

  /** Joins with `displayName` and lands on the team page. */
  async join(displayName: string): Promise<TeamPage> {
    const form = this.page.locator('form').filter({
      has: this.page.getByRole('button', { name: nl.join.submit }),
    });
    await form.getByLabel(nl.join.displayName).fill(displayName);
    await form.getByRole('button', { name: nl.join.submit }).click();
    await this.page.waitForURL(TEAM_PATH);
    const team = new TeamPage(this.page);
    await team.heading.waitFor();
    return team;
  }
}

/** Settings: language, storage on this device, install, version. */
export class SettingsPage {
  readonly page: Page;
  readonly shell: AppShell;
  readonly storageSection: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.storageSection = page.getByTestId('storage-status');
  }

  async goto(): Promise<this> {
    await this.page.goto('/settings');
    await this.storageSection.waitFor();
    return this;
  }

  /** The radio button of a language, by its own name ("Nederlands", "English"): the same in every UI language. */
  languageOption(language: keyof typeof nl.settings.languages): Locator {
    return this.page.getByRole('radio', { name: nl.settings.languages[language] });
  }

  async chooseLanguage(language: keyof typeof nl.settings.languages): Promise<void> {
    await this.languageOption(language).check();
  }
}

export type CycleTab = Exclude<keyof typeof nl.cycle.tabs, 'label'>;
export type PhaseTextField = 'title' | 'teacherActions' | 'pupilActivities' | 'observerFocus';

/** One phase row of the lesson plan as the page shows it. */
export interface ShownPhase {
  title: string;
  minutes: string;
  teacherActions: string;
  pupilActivities: string;
  observerFocus: string;
}

/**
 * One lesson-study cycle (`/teams/<teamId>/cycles/<cycleId>`): the tabs, the
 * lesson plan of the selected research lesson, case pupils and predictions.
 * Phases are addressed by their number as shown (1-based), the way the field
 * labels name them ("Wat doet de leraar? — fase 2").
 */
export class CyclePage {
  readonly page: Page;
  readonly shell: AppShell;
  readonly tabList: Locator;
  /** The lesson plan section (tab "Lesplan"). */
  readonly plan: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.tabList = page.getByRole('tablist', { name: nl.cycle.tabs.label });
    this.plan = page.locator('section.plan');
  }

  /** The tab list, or the guided start that replaces it right after "start a cycle". */
  tabsOrGuide(): Locator {
    return this.tabList.or(this.page.getByRole('button', { name: nl.cycle.wizard.close }));
  }

  cycleId(): string {
    const id = CYCLE_PATH.exec(new URL(this.page.url()).pathname)?.[1];
    if (id === undefined) throw new Error(`not on a cycle page: ${this.page.url()}`);
    return id;
  }

  /** Skips the guided start and shows the tabs. */
  async closeGuide(): Promise<void> {
    await this.page.getByRole('button', { name: nl.cycle.wizard.close }).click();
    await this.tabList.waitFor();
  }

  tab(name: CycleTab): Locator {
    return this.tabList.getByRole('tab', { name: nl.cycle.tabs[name], exact: true });
  }

  async openTab(name: CycleTab): Promise<void> {
    await this.tab(name).click();
    await this.page.waitForSelector(`#cycle-tab-${name}[aria-selected="true"]`);
    if (name === 'plan') await this.plan.waitFor();
    if (name === 'pupils') {
      await this.page.getByRole('heading', { name: nl.plan.pupils.heading, exact: true }).waitFor();
    }
  }

  // -- Lesson plan ----------------------------------------------------------

  phaseRows(): Locator {
    return this.plan.locator('.phase-row');
  }

  /** Opens every phase card into its fields (the plan starts as closed cards). */
  async openAllPhases(): Promise<void> {
    const openAll = this.plan.getByRole('button', { name: nl.plan.phases.openAll, exact: true });
    if (await openAll.isVisible()) await openAll.click();
    await this.plan.getByRole('button', { name: nl.plan.phases.closeAll, exact: true }).waitFor();
  }

  /** Opens phase `number` into its fields, if it is closed. */
  async openPhase(number: number, options: { timeout?: number } = {}): Promise<void> {
    const toggle = (name: string) =>
      this.plan.getByRole('button', { name: message(name, { number }), exact: true });
    const open = toggle(nl.plan.phases.open);
    await open.or(toggle(nl.plan.phases.close)).waitFor(options);
    if (await open.isVisible()) await open.click();
    await this.phaseField(number, 'teacherActions').waitFor(options);
  }

  /** Opens the menu of actions of phase `number` (move, add after, remove). */
  async openPhaseMenu(number: number): Promise<void> {
    await this.plan
      .getByRole('button', { name: message(nl.plan.phases.actions, { number }), exact: true })
      .click();
    await this.plan.getByRole('menu').waitFor();
  }

  /** Starts an empty plan from the EDI template (six phases). */
  async applyEdiTemplate(): Promise<void> {
    await this.plan.getByRole('button', { name: nl.plan.phases.templateEdi }).click();
    await this.phaseRows().first().waitFor();
  }

  /** A text field of phase `number` (1-based, as shown). */
  phaseField(number: number, field: PhaseTextField): Locator {
    return this.plan.getByLabel(
      message(nl.plan.phases.fieldOfPhase, { field: nl.plan.phases.columns[field], number }),
      { exact: true },
    );
  }

  /** The "add phase" button under the table (adds at the end). */
  addPhaseButton(): Locator {
    return this.plan.getByRole('button', { name: `+ ${nl.plan.phases.add}`, exact: true });
  }

  /**
   * Adds a phase (at the end, or after phase `after`) and types its name into
   * the new phase, which the app focuses.
   */
  async addPhase(title: string, options: { after?: number; delay?: number } = {}): Promise<void> {
    if (options.after === undefined) await this.addPhaseButton().click();
    else {
      await this.openPhaseMenu(options.after);
      await this.plan
        .getByRole('menuitem', {
          name: message(nl.plan.phases.addAfter, { number: options.after }),
          exact: true,
        })
        .click();
    }
    await this.page.waitForFunction(() => {
      const active = document.activeElement;
      return (
        active instanceof HTMLTextAreaElement &&
        active.closest('.phase-title') !== null &&
        active.value === ''
      );
    });
    await this.page.keyboard.type(title, { delay: options.delay ?? 0 });
  }

  /** Types `text` at the end of a phase field, one key at a time (as a person types). */
  async typeAtEnd(
    number: number,
    field: PhaseTextField,
    text: string,
    options: { delay?: number } = {},
  ): Promise<void> {
    if (field !== 'title') await this.openPhase(number);
    const input = this.phaseField(number, field);
    await input.focus();
    await input.press('ControlOrMeta+End');
    await input.pressSequentially(text, { delay: options.delay ?? 0 });
  }

  /** The menu item that moves phase `number` one place up or down (its menu must be open). */
  moveItem(number: number, direction: 'up' | 'down'): Locator {
    const name = direction === 'up' ? nl.plan.phases.moveUp : nl.plan.phases.moveDown;
    return this.plan.getByRole('menuitem', { name: message(name, { number }), exact: true });
  }

  /**
   * Moves phase `number` one place up or down from the keyboard: Enter on its
   * menu button opens the menu on "up", arrow down reaches "down".
   */
  async movePhase(number: number, direction: 'up' | 'down'): Promise<void> {
    await this.plan
      .getByRole('button', { name: message(nl.plan.phases.actions, { number }), exact: true })
      .focus();
    await this.page.keyboard.press('Enter');
    const item = this.moveItem(number, direction);
    await this.plan.getByRole('menu').waitFor();
    // The first enabled item gets the focus ("up", or "down" for the first phase); arrow down
    // moves on. A press before the menu took the focus does nothing, so the loop converges.
    for (
      let press = 0;
      !(await item.evaluate((element) => element === document.activeElement));
      press++
    ) {
      if (press === 10) throw new Error(`the menu never focused "${await item.textContent()}"`);
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
  }

  /** Removes phase `number` through its menu and the confirm dialog. */
  async removePhase(number: number): Promise<void> {
    await this.openPhaseMenu(number);
    await this.plan
      .getByRole('menuitem', { name: message(nl.plan.phases.remove, { number }), exact: true })
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: nl.plan.phases.removeShort, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The plan as shown: every phase row in order, with its name, minutes and texts. */
  async shownPlan(): Promise<ShownPhase[]> {
    if ((await this.phaseRows().count()) > 0) await this.openAllPhases();
    return this.phaseRows().evaluateAll((rows) =>
      rows.map((row) => {
        const text = (selector: string) =>
          row.querySelector<HTMLTextAreaElement | HTMLInputElement>(selector)?.value ?? '';
        return {
          title: text('.phase-title textarea'),
          minutes: text('.minutes-input input'),
          teacherActions: text('.phase-teacherActions textarea'),
          pupilActivities: text('.phase-pupilActivities textarea'),
          observerFocus: text('.phase-observerFocus textarea'),
        };
      }),
    );
  }

  /** The phase names as shown, in order (open or closed). */
  phaseTitles(): Promise<string[]> {
    return this.phaseRows().evaluateAll((rows) =>
      rows.map(
        (row) => row.querySelector<HTMLTextAreaElement>('.phase-title textarea')?.value ?? '',
      ),
    );
  }

  /** Text fields and buttons of the plan a user could use to change it, by accessible name (none for a guest). */
  async editableControls(): Promise<{ fields: string[]; buttons: string[] }> {
    return this.plan.evaluate((plan) => {
      const name = (element: HTMLElement) =>
        element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
      // A closed confirm dialog keeps its buttons in the DOM: only what can be seen counts.
      // Opening and closing phase cards changes what is shown, never the plan.
      const usable = (element: HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement) =>
        !element.disabled &&
        element.checkVisibility() &&
        !element.hasAttribute('data-view-control');
      return {
        fields: [
          ...plan.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input'),
        ]
          .filter((field) => usable(field) && !field.readOnly)
          .map(name),
        buttons: [...plan.querySelectorAll<HTMLButtonElement>('button')].filter(usable).map(name),
      };
    });
  }

  // -- Overview (tab "Overzicht") -------------------------------------------

  /** The rich text editor (Tiptap) of one of the cycle's long texts, e.g. the research question. */
  richText(field: keyof typeof nl.cycle.overview.fields): Locator {
    return this.page.getByRole('textbox', { name: nl.cycle.overview.fields[field], exact: true });
  }

  // -- Case pupils and predictions (tab "Casusleerlingen en verwachtingen") --

  /** Adds a case pupil with the default pseudonym ("Leerling A", …). */
  async addCasePupil(): Promise<void> {
    const before = await this.page.locator('[data-pupil-id]').count();
    await this.page.getByRole('button', { name: `+ ${nl.plan.pupils.add}`, exact: true }).click();
    await expectCount(this.page.locator('[data-pupil-id]'), before + 1);
  }

  /** The prediction cell of `pupil` (pseudonym) in phase `number` named `phase`. */
  predictionCell(pupil: string, number: number, phase: string): Locator {
    return this.page.getByLabel(message(nl.plan.predictions.cellLabel, { pupil, number, phase }), {
      exact: true,
    });
  }
}

async function expectCount(locator: Locator, count: number, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let shown = await locator.count();
  while (shown !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} elements, found ${shown}`);
    await locator.page().waitForTimeout(50);
    shown = await locator.count();
  }
}

/**
 * Anna creates a team and invites Bram, who joins through his own cuttable
 * proxy (so he can really go offline); resolves once both see both members.
 */
export async function teamOfTwo(stage: Stage, teamName: string) {
  const anna = await stage.teacher();
  const { teacher: bram, proxy: bramProxy } = await stage.cuttableTeacher();
  const annaTeam = await new HomePage(anna.page)
    .goto()
    .then((home) => home.createTeam({ teamName, displayName: 'Anna' }));
  await annaTeam.shell.waitForConnection('online');
  const invite = await annaTeam.createInvite();
  const bramTeam = await new JoinPage(bram.page)
    .open(invite.link)
    .then((join) => join.join('Bram'));
  await bramTeam.shell.waitForConnection('online');
  await annaTeam.waitForMembers(['Anna', 'Bram']);
  await bramTeam.waitForMembers(['Anna', 'Bram']);
  return { anna, bram, bramProxy, annaTeam, bramTeam };
}

/** A kijkwijzer file as the user picks or saves it: its name and its text. */
export interface KijkwijzerFile {
  name: string;
  text: string;
}

/** `/teams/:teamId/kijkwijzers`: the team's kijkwijzer library, built-ins, import and export. */
export class KijkwijzersPage {
  readonly page: Page;
  readonly shell: AppShell;
  readonly heading: Locator;
  /** The list of the team's kijkwijzers (with its empty state). */
  readonly library: Locator;
  /** The fold-out offer of the built-in kijkwijzers. */
  readonly builtIns: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.heading = page.getByRole('heading', { level: 1, name: nl.templatesUi.title, exact: true });
    this.library = page.getByRole('region', { name: nl.templatesUi.library.heading, exact: true });
    this.builtIns = page.locator('details.templates-builtins');
  }

  async goto(teamId: string): Promise<this> {
    await this.page.goto(`/teams/${teamId}/kijkwijzers`);
    await this.heading.waitFor();
    return this;
  }

  /** The "this team has no kijkwijzers yet" state. */
  emptyState(): Locator {
    return this.library.getByText(nl.templatesUi.library.empty, { exact: true });
  }

  /** The notice a guest sees: view and export only. */
  readOnlyNotice(): Locator {
    return this.page.getByText(nl.templatesUi.readOnly, { exact: true });
  }

  /** The names of the offered built-ins, in order, once they have loaded. */
  async builtInNames(): Promise<string[]> {
    const offered = this.builtIns.locator('li.builtin');
    await offered.first().waitFor();
    return offered.locator('strong').allInnerTexts();
  }

  /** The offer of one built-in, by its shown name. */
  builtIn(name: string): Locator {
    return this.builtIns
      .locator('li.builtin')
      .filter({ has: this.page.locator('strong', { hasText: exactText(name) }) });
  }

  /** Adds a built-in to the team through its offer; waits for the confirmation. */
  async addBuiltIn(name: string): Promise<void> {
    await this.builtIn(name)
      .getByRole('button', { name: nl.templatesUi.builtIns.add, exact: true })
      .click();
    await this.shell.toast(message(nl.templatesUi.builtIns.added, { name })).waitFor();
  }

  /** The active kijkwijzers' rows (archived ones are folded away). */
  rows(): Locator {
    return this.library.locator(':scope > ul.template-list > li.template-row');
  }

  /** The rows of the kijkwijzers named `name`. */
  rowsNamed(name: string): Locator {
    return this.rows().filter({
      has: this.page.getByRole('heading', { level: 3, name, exact: true }),
    });
  }

  /** The names of the listed kijkwijzers, in order. */
  async names(): Promise<string[]> {
    return this.rows().locator('.template-row-name').allInnerTexts();
  }

  /** Opens the viewer of the `nth` kijkwijzer named `name` unless it is open already; returns the viewer. */
  async view(name: string, nth = 0): Promise<Locator> {
    const row = this.rowsNamed(name).nth(nth);
    const open = await row
      .getByRole('button', { name: nl.templatesUi.actions.hide, exact: true, expanded: true })
      .count();
    if (open === 0) {
      await row.getByRole('button', { name: nl.templatesUi.actions.view, exact: true }).click();
    }
    const viewer = this.page.getByRole('article', { name, exact: true });
    await viewer.waitFor();
    return viewer;
  }

  /** Exports the `nth` kijkwijzer named `name` and returns the downloaded file. */
  async export(name: string, nth = 0): Promise<KijkwijzerFile> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.rowsNamed(name)
        .nth(nth)
        .getByRole('button', { name: nl.templatesUi.actions.export, exact: true })
        .click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** Picks `file` in the import control (as choosing it in the file dialog does). */
  async importFile(file: KijkwijzerFile): Promise<void> {
    await this.page.getByTestId('template-import-input').setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(file.text, 'utf8'),
    });
  }

  /** Why the import of `fileName` failed, once shown. */
  importFailure(fileName: string): Locator {
    return this.page
      .getByRole('alert')
      .filter({ hasText: message(nl.templatesUi.import.failed, { file: fileName }) });
  }

  /** The names of the buttons a user can see and press on this page. */
  async visibleButtons(): Promise<string[]> {
    return this.page
      .locator('main')
      .evaluate((main) =>
        [...main.querySelectorAll<HTMLButtonElement>('button')]
          .filter((button) => !button.disabled && button.checkVisibility())
          .map((button) => button.getAttribute('aria-label') ?? button.textContent?.trim() ?? ''),
      );
  }
}
