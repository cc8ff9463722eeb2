/**
 * Issue 15, connection truth: when the browser loses the network while the
 * sync socket still looks open, the badge says so at once, and the team page
 * stops asking the server for its invites (saying why they are not shown)
 * until the network is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { type Stage, startStage, type TeacherContext } from './harness.ts';
import { HomePage, type TeamPage } from './pages.ts';

describe('issue 15: the connection badge tells the truth', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let team: TeamPage;

  beforeAll(async () => {
    stage = await startStage();
    anna = await stage.teacher();
    team = await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Rekenen groep 4', displayName: 'Anna' }));
    await team.shell.waitForConnection('online');
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('says offline when the browser does, and asks for invites only when the server can answer', async () => {
    const invitesAsked: string[] = [];
    anna.page.on('request', (request) => {
      if (request.url().includes('/invites')) invitesAsked.push(request.method());
    });
    // The server stays up and the socket open: only the browser knows the network is gone.
    await anna.context.setOffline(true);
    await team.shell.waitForConnection('offline', { timeout: 5_000 });
    await team.invitesSection.getByText(nl.team.invites.offlineList).waitFor();
    const askedOffline = invitesAsked.length;
    // A roster change (here: the page re-rendering on a reload of the team) does not ask again.
    await anna.page.getByRole('link', { name: nl.team.yearLink }).click();
    await anna.page.goBack();
    await team.invitesSection.getByText(nl.team.invites.offlineList).waitFor();
    expect(invitesAsked.length).toBe(askedOffline);

    await anna.context.setOffline(false);
    await team.shell.waitForConnection('online');
    await team.invitesSection.getByText(nl.team.invites.noneActive).waitFor();
    expect(invitesAsked.length).toBeGreaterThan(askedOffline);
    expect(anna.errors.filter((error) => error.includes('invites'))).toEqual([]);
  });
});
