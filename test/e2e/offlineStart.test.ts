import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  readStoredMembership,
  type Stage,
  startStage,
  type TeacherContext,
  waitForServiceWorkerControl,
} from './harness.ts';
import { HomePage, JoinPage, TeamPage } from './pages.ts';
import { openRawRoster, openRawTeamDoc } from './rawClient.ts';

describe('offline start: the app and the team open without a network after a first visit', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let annaTeam: TeamPage;
  let teamId: string;

  beforeAll(async () => {
    stage = await startStage();
    anna = await stage.teacher();
    annaTeam = await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Natuur en techniek', displayName: 'Anna' }));
    await annaTeam.shell.waitForConnection('online');
    teamId = annaTeam.teamId();

    // A colleague joins once, so there is more than one member to show offline.
    const bram = await stage.teacher();
    const invite = await annaTeam.createInvite();
    const bramTeam = await new JoinPage(bram.page)
      .open(invite.link)
      .then((join) => join.join('Bram'));
    await bramTeam.shell.waitForConnection('online');
    await bram.context.close();
    await annaTeam.waitForMembers(['Anna', 'Bram']);
  });

  afterEach(async () => {
    await anna.context.setOffline(false);
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('is controlled by the service worker after the first visit', async () => {
    await waitForServiceWorkerControl(anna.page);
  });

  it('reloads the team page with the network off and shows the name and members from IndexedDB', async () => {
    await annaTeam.goto(teamId);
    await waitForServiceWorkerControl(anna.page);
    await anna.context.setOffline(true);
    const response = await anna.page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    const team = new TeamPage(anna.page);
    await team.waitForTeamName('Natuur en techniek');
    await team.waitForMembers(['Anna', 'Bram']);
    await team.shell.waitForConnection('offline');
  });

  it('opens the app in a fresh page of the same device with the network off', async () => {
    await waitForServiceWorkerControl(anna.page);
    await anna.context.setOffline(true);
    const page = await anna.context.newPage();
    try {
      const response = await page.goto('/');
      expect(response?.fromServiceWorker()).toBe(true);
      const home = new HomePage(page);
      await home.heading.waitFor();
      expect(await home.teamNames()).toEqual(['Natuur en techniek']);
      const team = await home.openTeam('Natuur en techniek');
      await team.waitForTeamName('Natuur en techniek');
      await team.waitForMembers(['Anna', 'Bram']);
    } finally {
      await page.close();
    }
  });

  it('keeps a rename made offline and syncs it once the network is back', async () => {
    // A team of its own, so the rename changes nothing the other tests look at.
    const carla = await stage.teacher();
    const team = await new HomePage(carla.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Natuur en techniek', displayName: 'Carla' }));
    await team.shell.waitForConnection('online');
    const ownTeamId = team.teamId();
    const token = (await readStoredMembership(carla.page, ownTeamId))?.token ?? '';
    expect(token).not.toBe('');
    await waitForServiceWorkerControl(carla.page);
    // The app starts with the network off: no sync socket is left open from before.
    await carla.context.setOffline(true);
    await carla.page.reload();
    await team.waitForTeamName('Natuur en techniek');
    await team.shell.waitForConnection('offline');

    await team.rename('Natuur, techniek en W&T');
    await team.shell.waitForConnection('offline', { allSaved: false });
    expect(await team.shell.unsyncedChanges()).toBeGreaterThanOrEqual(1);

    // Still there after another offline reload: the edit is on the device.
    await carla.page.reload();
    await team.waitForTeamName('Natuur, techniek en W&T');

    await carla.context.setOffline(false);
    // The provider retries with backoff (1 s doubling, up to 30 s) and does not watch `online`.
    await team.shell.waitForConnection('online', { timeout: 40_000 });

    const server = openRawTeamDoc(stage.app.url, ownTeamId, token);
    const roster = openRawRoster(stage.app.url, ownTeamId, token);
    try {
      await Promise.all([server.whenSynced, roster.whenSynced]);
      expect(server.team().name).toBe('Natuur, techniek en W&T');
      expect(roster.roster().members.map((member) => member.displayName)).toEqual(['Carla']);
      expect(server.denials).toEqual([]);
    } finally {
      server.destroy();
      roster.destroy();
    }
  });
});
