/**
 * Who is in a team, with which role, and which cycles were deleted comes from
 * the roster the server writes, never from the team document every teacher
 * can write. A team created offline shows its creator until the server's
 * roster arrives; a teacher's forged roles and tombstone in the team document
 * change nothing on anyone's device; leaving removes the roster's copy too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { ROSTER_DOC_ID } from '../../src/model/docName.ts';
import {
  goOffline,
  goOnline,
  readStoredMembership,
  type Stage,
  startStage,
  type TeacherContext,
  waitForServiceWorkerControl,
} from './harness.ts';
import { HomePage, teamOfTwo } from './pages.ts';
import { openRawRoster, openRawTeamDoc } from './rawClient.ts';

/** The names of the IndexedDB databases of the page's origin. */
function localDatabases(teacher: TeacherContext): Promise<string[]> {
  return teacher.page.evaluate(async () =>
    (await indexedDB.databases()).map((info) => info.name ?? ''),
  );
}

describe('the roster: members, roles and deleted cycles as the server says', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await startStage();
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('lists the creator of a team made offline as its only member, then the server’s roster', async () => {
    const cuttable = await stage.cuttableTeacher();
    const anna = cuttable.teacher;
    const home = await new HomePage(anna.page).goto();
    // The app's pages come from the service worker's precache once offline.
    await waitForServiceWorkerControl(anna.page);
    await goOffline(anna, cuttable.proxy);
    const annaTeam = await home.createTeam({ teamName: 'Rekenen groep 7', displayName: 'Anna' });
    const teamId = annaTeam.teamId();
    await anna.page.getByText(nl.home.pending).waitFor();
    await annaTeam.waitForMembers(['Anna']);
    expect(await annaTeam.memberRole('Anna')).toBe(nl.roles.facilitator);

    await goOnline(anna, cuttable.proxy);
    await annaTeam.shell.waitForConnection('online', { timeout: 30_000 });
    await anna.page.getByText(nl.home.pending).waitFor({ state: 'hidden' });
    const membership = await readStoredMembership(anna.page, teamId);
    expect(membership?.status).toBe('active');
    const server = openRawRoster(stage.app.url, teamId, membership?.token ?? '');
    try {
      await server.whenSynced;
      expect(server.roster().members.map((m) => [m.displayName, m.role])).toEqual([
        ['Anna', 'facilitator'],
      ]);
    } finally {
      server.destroy();
    }
    await annaTeam.waitForMembers(['Anna']);
    expect(await annaTeam.memberRole('Anna')).toBe(nl.roles.facilitator);
    await expect.poll(() => localDatabases(anna)).toContain(`y:${teamId}/${ROSTER_DOC_ID}`);
  });

  it("ignores a teacher's forged roles, removal and tombstone in the team document", async () => {
    const { anna, bram, annaTeam, bramTeam } = await teamOfTwo(stage, 'Rekenen groep 7');
    const teamId = annaTeam.teamId();

    const annaCycle = await annaTeam.startCycle();
    await annaCycle.closeGuide();
    const cycleId = annaCycle.cycleId();
    await annaCycle.shell.waitForConnection('online');
    // Bram has the cycle on his device too, then goes back to the team page.
    const bramCycle = await bramTeam.openCycle(nl.cycle.newTitle);
    await bramCycle.tabList.waitFor();
    await bramCycle.shell.waitForConnection('online');
    expect(await localDatabases(bram)).toContain(`y:${teamId}/${cycleId}`);
    await bramTeam.goto(teamId);
    await annaTeam.goto(teamId);
    await expect.poll(() => bramTeam.cycleLinks().count()).toBe(1);
    await expect.poll(() => annaTeam.cycleLinks().count()).toBe(1);

    // Bram's token in a raw client writes what the team document used to hold, and renames
    // the team in the same transaction: once the new name shows, the forgery has arrived.
    const bramToken = (await readStoredMembership(bram.page, teamId))?.token ?? '';
    const members = await readStoredMembership(anna.page, teamId);
    const forger = openRawTeamDoc(stage.app.url, teamId, bramToken);
    try {
      await forger.whenSynced;
      const at = new Date().toISOString();
      forger.doc.transact(() => {
        forger.doc.getMap('deletedCycles').set(cycleId, { deletedAt: at, deletedBy: null });
        const forged = forger.doc.getMap('members');
        forged.set(String(members?.memberId), {
          displayName: 'Anna',
          role: 'guest',
          joinedAt: at,
          removedAt: at,
        });
        forged.set('0000000000000001', {
          displayName: 'Bram',
          role: 'facilitator',
          joinedAt: at,
          removedAt: null,
        });
        forger.doc.getMap('meta').set('name', 'Rekenen groep 7b');
      });
      await annaTeam.waitForTeamName('Rekenen groep 7b');
      await bramTeam.waitForTeamName('Rekenen groep 7b');
    } finally {
      forger.destroy();
    }

    // Nothing moved: roles, members and the cycle, listed and kept on both devices.
    await annaTeam.waitForMembers(['Anna', 'Bram']);
    await bramTeam.waitForMembers(['Anna', 'Bram']);
    expect(await bramTeam.memberRole('Anna')).toBe(nl.roles.facilitator);
    expect(await annaTeam.memberRole('Bram')).toBe(nl.roles.teacher);
    expect(await bramTeam.cycleLinks().count()).toBe(1);
    expect(await annaTeam.cycleLinks().count()).toBe(1);
    const reopened = await bramTeam.openCycle(nl.cycle.newTitle);
    await reopened.tabList.waitFor();
    expect(await bram.page.getByTestId('cycle-deleted').count()).toBe(0);
    expect(await localDatabases(bram)).toContain(`y:${teamId}/${cycleId}`);
    expect(await localDatabases(anna)).toContain(`y:${teamId}/${cycleId}`);
  });

  it('removes the roster from the device of a member who leaves, with every document of the team', async () => {
    const { bram, annaTeam, bramTeam } = await teamOfTwo(stage, 'Rekenen groep 8');
    const teamId = annaTeam.teamId();
    // Bram's device holds the team's documents: team, roster and a cycle he opened.
    const annaCycle = await annaTeam.startCycle();
    await annaCycle.closeGuide();
    const cycleId = annaCycle.cycleId();
    await annaCycle.shell.waitForConnection('online');
    const bramCycle = await bramTeam.openCycle(nl.cycle.newTitle);
    await bramCycle.tabList.waitFor();
    await expect
      .poll(() => localDatabases(bram))
      .toEqual(expect.arrayContaining([`y:${teamId}/${ROSTER_DOC_ID}`, `y:${teamId}/${cycleId}`]));

    await annaTeam.goto(teamId);
    await annaTeam.waitForMembers(['Anna', 'Bram']);
    await bramTeam.goto(teamId);
    await bram.page.getByRole('button', { name: nl.team.leave.button }).click();
    const dialog = bram.page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: nl.team.leave.button }).click();
    await bram.page.getByText(nl.team.leave.done).waitFor();
    await expect
      .poll(async () => (await localDatabases(bram)).filter((name) => name.includes(teamId)))
      .toEqual([]);
    await annaTeam.waitForMembers(['Anna']);
  });
});
