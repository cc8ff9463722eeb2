import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { readStoredMembership, type Stage, startStage, type TeacherContext } from './harness.ts';
import { HomePage, JoinPage, message, type TeamPage } from './pages.ts';
import { openRawTeamDoc } from './rawClient.ts';

describe('removing a member revokes their access', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let bram: TeacherContext;
  let annaTeam: TeamPage;
  let bramTeam: TeamPage;
  let teamId: string;
  let bramToken: string;

  beforeAll(async () => {
    stage = await startStage();
    anna = await stage.teacher();
    bram = await stage.teacher();
    annaTeam = await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Begrijpend lezen', displayName: 'Anna' }));
    await annaTeam.shell.waitForConnection('online');
    teamId = annaTeam.teamId();
    const invite = await annaTeam.createInvite();
    bramTeam = await new JoinPage(bram.page).open(invite.link).then((join) => join.join('Bram'));
    await bramTeam.shell.waitForConnection('online');
    await annaTeam.waitForMembers(['Anna', 'Bram']);
    await bramTeam.waitForMembers(['Anna', 'Bram']);
    bramToken = (await readStoredMembership(bram.page, teamId))?.token ?? '';
    expect(bramToken).not.toBe('');
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('a removed member is told on their open page, refused by the server and kept out of later changes', async () => {
    // lets the facilitator remove a member after confirming
    await annaTeam.removeMember('Bram');
    await annaTeam.shell.toast(message(nl.team.members.removed, { name: 'Bram' })).waitFor();
    await annaTeam.waitForMembers(['Anna']);

    // tells the removed member on their open page, and the badge says access is denied
    await bramTeam.removedNotice().waitFor();
    await bramTeam.shell.waitForConnection('denied', { allSaved: false });
    expect(await bramTeam.renameButton().count()).toBe(0);
    // No guest's hint: the notice above says why nothing can be started.
    expect(await bram.page.getByText(nl.cycle.list.guestCannotCreate).count()).toBe(0);
    expect((await readStoredMembership(bram.page, teamId))?.status).toBe('removed');

    // refuses the removed member’s token on the sync server
    const client = openRawTeamDoc(stage.app.url, teamId, bramToken);
    try {
      await expect.poll(() => client.denials, { timeout: 10_000 }).toContain('token-invalid');
      expect(client.team().name).toBe('');
    } finally {
      client.destroy();
    }

    // keeps the removed member out of later changes, also after a reload
    await annaTeam.rename('Begrijpend lezen 2.0');
    await annaTeam.shell.waitForConnection('online');

    await bram.page.reload();
    await bramTeam.removedNotice().waitFor();
    await bramTeam.shell.waitForConnection('denied', { allSaved: false });
    expect(await bramTeam.teamName()).toBe('Begrijpend lezen');

    const home = await new HomePage(bram.page).goto();
    await home.teamLinks().filter({ hasText: nl.home.removed }).waitFor();
  });
});
