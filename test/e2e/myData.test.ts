/**
 * Issue 13 point 5, "My data": Bram observes a lesson of Anna's team, takes
 * all his data with him in one file, and deletes his account. Anna, the only
 * facilitator, is told to hand her role over first. Afterwards Bram's device
 * holds nothing of Leskring, and on Anna's device his observations stay under
 * a neutral label.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myDataNl as m } from '../../src/i18n/myData.nl.ts';
import { nl } from '../../src/i18n/nl.ts';
import { templatesNl } from '../../src/i18n/templates.nl.ts';
import type { MyDataFile } from '../../src/model/myData.ts';
import {
  type CuttableProxy,
  goOffline,
  goOnline,
  type Stage,
  startStage,
  type TeacherContext,
} from './harness.ts';
import { ObservePage } from './observePage.ts';
import { CyclePage, message, type TeamPage, teamIdFromUrl, teamOfTwo } from './pages.ts';

const ASKS_FOR_HELP = templatesNl.casePupil.items.askedForHelp.label;

async function openMyData(teacher: TeacherContext): Promise<void> {
  await teacher.page.goto('/settings');
  await teacher.page.getByRole('link', { name: nl.settings.myData.link, exact: true }).click();
  await teacher.page.getByRole('heading', { level: 1, name: m.title }).waitFor();
}

describe('issue 13: my data', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let bram: TeacherContext;
  let bramProxy: CuttableProxy;
  let annaTeam: TeamPage;

  beforeAll(async () => {
    stage = await startStage();
    ({ anna, bram, bramProxy, annaTeam } = await teamOfTwo(stage, 'Rekenen groep 7'));
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('exports everything of a member and deletes the account, keeping the team’s evidence', async () => {
    const teamId = teamIdFromUrl(anna.page.url()) ?? '';
    // Anna starts the example cycle; Bram observes its first lesson.
    await anna.page.getByRole('button', { name: nl.cycle.list.loadExample, exact: true }).click();
    await anna.page.waitForURL(/\/cycles\//);
    const cycle = new CyclePage(anna.page);
    await cycle.tabsOrGuide().first().waitFor();
    await cycle.openTab('runs');
    const annaObserves = await ObservePage.observeNow(anna.page);
    await annaObserves.start();
    const runPath = new URL(anna.page.url()).pathname.replace(/\/observe$/, '');
    await bram.page.goto(`${runPath}/observe`);
    const bramObserves = new ObservePage(bram.page);
    await bramObserves.start();
    await bramObserves.tally('Leerling A', ASKS_FOR_HELP);
    await bramObserves.tally('Leerling A', ASKS_FOR_HELP);
    await expect.poll(() => bramObserves.tileSaveState('Leerling A')).toBe('saved');
    await bramObserves.shell.waitForConnection('online');

    // One file with what the server keeps and what he recorded, and no secrets.
    await openMyData(bram);
    await bram.page
      .getByText(message(m.teamLine, { team: 'Rekenen groep 7', name: 'Bram' }))
      .waitFor();
    const [download] = await Promise.all([
      bram.page.waitForEvent('download'),
      bram.page.getByRole('button', { name: m.export.button, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^leskring-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    const file = JSON.parse(text) as MyDataFile;
    expect(file.format).toBe('leskring-my-data');
    expect(file.teams).toHaveLength(1);
    const [team] = file.teams;
    expect(team?.server).toMatchObject({ member: { displayName: 'Bram', role: 'teacher' } });
    const events = team?.cycles.flatMap((c) => c.observations.flatMap((o) => o.events)) ?? [];
    expect(events.filter((event) => event.kind === 'tally')).toHaveLength(2);
    const token = await bram.page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('leskring');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const read = open.result.transaction('memberships').objectStore('memberships').getAll();
            read.onsuccess = () => {
              resolve(String((read.result[0] as { token: string }).token));
              open.result.close();
            };
          };
        }),
    );
    expect(token.length).toBeGreaterThan(20);
    expect(text).not.toContain(token);
    expect(text).not.toContain('"token"');

    // Offline the account cannot be deleted: the server has to forget it.
    const deleteButton = bram.page.getByRole('button', { name: m.delete.button, exact: true });
    await goOffline(bram, bramProxy);
    await bram.page.getByText(m.delete.offline).waitFor();
    await expect.poll(() => deleteButton.isDisabled()).toBe(true);
    await goOnline(bram, bramProxy);
    await expect.poll(() => deleteButton.isEnabled()).toBe(true);

    // Anna is the team's only facilitator: she is told what to do, and nothing is lost.
    await openMyData(anna);
    await anna.page.getByRole('button', { name: m.delete.button, exact: true }).click();
    await anna.page.getByRole('button', { name: m.delete.confirmButton, exact: true }).click();
    await anna.page
      .getByRole('alert')
      .getByText(m.delete.lastFacilitator, { exact: false })
      .waitFor();
    await anna.page.goto('/');
    await anna.page.getByRole('link', { name: /Rekenen groep 7/ }).waitFor();

    // Bram deletes his account: the dialog says it cannot be undone.
    await deleteButton.click();
    await bram.page.getByText(message(m.delete.confirm_one, { count: 1 })).waitFor();
    await bram.page.getByRole('button', { name: m.delete.confirmButton, exact: true }).click();
    await bram.page.getByText(nl.home.accountDeleted).waitFor();
    await bram.page.getByText(nl.home.empty.title).waitFor();
    const left = await bram.page.evaluate(async () =>
      (await indexedDB.databases()).map((info) => info.name ?? ''),
    );
    expect(left.filter((name) => name.startsWith('y:'))).toEqual([]);

    // Anna's device: Bram is no longer a member, his tallies stay under a neutral label.
    await annaTeam.goto(teamId);
    await annaTeam.waitForMembers(['Anna']);
    await anna.page.goto(`${runPath}/timeline`);
    const observer = anna.page.getByLabel(nl.timeline.filters.observer, { exact: true });
    await observer
      .locator('option', { hasText: message(nl.team.members.erased, { number: 1 }) })
      .waitFor({ state: 'attached' });
    expect(await observer.locator('option').allTextContents()).not.toContain('Bram');
  });
});
