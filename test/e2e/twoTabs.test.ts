import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goOffline, type Stage, startStage, waitForServiceWorkerControl } from './harness.ts';
import { HomePage, TeamPage } from './pages.ts';

/**
 * Two tabs of the app on one device, with the same team open, stay in step
 * without any network (each change is shared with the device's other tabs),
 * and neither loses the other's work across a reload.
 */
describe('two tabs on one device', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await startStage();
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('show each other’s edits at once while offline, and keep both after a reload', async () => {
    const { teacher: anna, proxy } = await stage.cuttableTeacher();
    const first = await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Taal groep 4', displayName: 'Anna' }));
    await first.shell.waitForConnection('online');
    const teamId = first.teamId();
    const secondPage = await anna.context.newPage();
    const second = await new TeamPage(secondPage).goto(teamId);
    await second.waitForTeamName('Taal groep 4');
    // Both tabs can reload offline from the service worker's cache.
    await waitForServiceWorkerControl(anna.page);
    await waitForServiceWorkerControl(secondPage);

    // No server in between: every connection through the proxy is cut, new ones are refused,
    // and fetches fail.
    await goOffline(anna, proxy);
    const acceptedBefore = proxy.accepted;

    await first.rename('Taal groep 4 (tab één)');
    await second.waitForTeamName('Taal groep 4 (tab één)');
    await second.rename('Taal groep 4 (tab twee)');
    await first.waitForTeamName('Taal groep 4 (tab twee)');

    await anna.page.reload();
    await first.waitForTeamName('Taal groep 4 (tab twee)');
    await secondPage.reload();
    await second.waitForTeamName('Taal groep 4 (tab twee)');
    expect(await first.teamName()).toBe(await second.teamName());
    expect(proxy.accepted).toBe(acceptedBefore);
    expect(proxy.openConnections).toBe(0);
  });
});
