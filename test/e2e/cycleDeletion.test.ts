/**
 * Issue 6 (photos go with their cycle): a facilitator deletes a cycle while a
 * colleague has it open. The colleague's page says it was deleted, the cycle
 * leaves both team pages, and the colleague's device no longer holds its
 * copy. Offline, nothing is deleted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { type Stage, startStage, type TeacherContext } from './harness.ts';
import { CyclePage, message, type TeamPage, teamOfTwo } from './pages.ts';

const TEXT = nl.photos.cycleDeletion;
// Screenshots for a human look at the dialog and the notice, only when asked for.
const SHOTS = process.env.LESKRING_SHOTS;

/** The names of the IndexedDB databases of the page's origin. */
function localDatabases(teacher: TeacherContext): Promise<string[]> {
  return teacher.page.evaluate(async () =>
    (await indexedDB.databases()).map((info) => info.name ?? ''),
  );
}

describe('issue 6: deleting a cycle with a colleague watching', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let bram: TeacherContext;
  let annaTeam: TeamPage;
  let bramTeam: TeamPage;
  let bramCycle: CyclePage;
  let cycleId: string;

  beforeAll(async () => {
    stage = await startStage(
      process.env.LESKRING_E2E_DIST ? { distDir: process.env.LESKRING_E2E_DIST } : {},
    );
    ({ anna, bram, annaTeam, bramTeam } = await teamOfTwo(stage, 'Rekenen groep 6'));
  });

  // Each test has a cycle of its own, started by Anna and open on both devices.
  beforeEach(async () => {
    await annaTeam.goto(annaTeam.teamId());
    const annaCycle = await annaTeam.startCycle();
    await annaCycle.closeGuide();
    cycleId = annaCycle.cycleId();
    await bram.page.goto(`/teams/${annaTeam.teamId()}/cycles/${cycleId}`);
    bramCycle = new CyclePage(bram.page);
    await bramCycle.tabList.waitFor();
    await expect.poll(() => localDatabases(bram)).toContain(`y:${annaTeam.teamId()}/${cycleId}`);
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('offers deleting to the facilitator only', async () => {
    await expect.poll(() => anna.page.getByRole('button', { name: TEXT.button }).count()).toBe(1);
    expect(await bram.page.getByRole('button', { name: TEXT.button }).count()).toBe(0);
    // Only where the cycle is managed (its overview), never under the plan's daily work.
    const annaCycle = new CyclePage(anna.page);
    await annaCycle.openTab('plan');
    await expect.poll(() => anna.page.getByRole('button', { name: TEXT.button }).count()).toBe(0);
    await annaCycle.openTab('overview');
    await expect.poll(() => anna.page.getByRole('button', { name: TEXT.button }).count()).toBe(1);
  });

  it('deletes nothing while the facilitator is offline, and says so', async () => {
    await anna.context.setOffline(true);
    try {
      await anna.page.getByRole('button', { name: TEXT.button }).click();
      const dialog = anna.page.getByTestId('delete-cycle-dialog');
      await dialog.waitFor();
      const confirm = dialog.getByRole('button', { name: TEXT.confirm });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByRole('checkbox').check();
      await confirm.click();
      await dialog.getByRole('alert').filter({ hasText: TEXT.offline }).waitFor();
      if (SHOTS) await anna.page.screenshot({ path: `${SHOTS}/delete-nl-offline.png` });
      await dialog.getByRole('button', { name: nl.common.cancel }).click();
      await dialog.waitFor({ state: 'hidden' });
    } finally {
      await anna.context.setOffline(false);
    }
    expect(new URL(anna.page.url()).pathname).toContain(cycleId);
    expect(await bram.page.getByTestId('cycle-deleted').count()).toBe(0);
  });

  it('deletes the cycle for the team: the colleague is told and keeps no copy, and its old link shows it deleted', async () => {
    await anna.page.getByRole('button', { name: TEXT.button }).click();
    const dialog = anna.page.getByTestId('delete-cycle-dialog');
    await dialog.waitFor();
    await dialog
      .getByText(message(TEXT.dialogTitle, { title: nl.cycle.newTitle }), { exact: true })
      .waitFor();
    await dialog.getByRole('checkbox').check();
    if (SHOTS) await anna.page.screenshot({ path: `${SHOTS}/delete-nl-dialog.png` });
    await dialog.getByRole('button', { name: TEXT.confirm }).click();

    await anna.page.waitForURL((url) => url.pathname === `/teams/${annaTeam.teamId()}`);
    await anna.page
      .getByText(message(TEXT.done, { title: nl.cycle.newTitle }), { exact: true })
      .waitFor();
    if (SHOTS) await anna.page.screenshot({ path: `${SHOTS}/delete-nl-done.png` });
    await expect.poll(() => annaTeam.cycleLink(cycleId).count()).toBe(0);
    await annaTeam.shell.waitForConnection('online');

    await bram.page.getByTestId('cycle-deleted').waitFor({ timeout: 15_000 });
    await bram.page.getByText(TEXT.deletedTitle, { exact: true }).waitFor();
    // The refused document is let go of: the badge does not stay on "no access".
    await bram.page.getByText(TEXT.deletedTitle).waitFor();
    await bramCycle.shell.waitForConnection('online');
    if (SHOTS) await bram.page.screenshot({ path: `${SHOTS}/delete-nl-colleague.png` });
    await expect
      .poll(() => localDatabases(bram), { timeout: 10_000 })
      .not.toContain(`y:${annaTeam.teamId()}/${cycleId}`);

    await bram.page.getByRole('link', { name: nl.cycle.page.backToTeam }).click();
    await bramTeam.heading.waitFor();
    await expect.poll(() => bramTeam.cycleLink(cycleId).count()).toBe(0);

    // The old link, opened again, shows the cycle as deleted.
    await bram.page.goto(`/teams/${annaTeam.teamId()}/cycles/${cycleId}`);
    await bram.page.getByTestId('cycle-deleted').waitFor();
    await expect
      .poll(() => localDatabases(bram), { timeout: 10_000 })
      .not.toContain(`y:${annaTeam.teamId()}/${cycleId}`);
  });
});
