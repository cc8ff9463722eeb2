/**
 * Issue 15, connection truth: when the browser loses the network while the
 * sync socket still looks open, the badge says so at once, and the team page
 * stops asking the server for its invites (saying why they are not shown)
 * until the network is back. A network that vanishes silently (no browser
 * event, the socket still open) is found by the sync socket's heartbeat.
 */
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { readTeam } from '../../src/model/teamDoc.ts';
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

  it('finds a silent drop by its heartbeat, and sends what waited once the network is back', async () => {
    const { teacher: bram, proxy } = await stage.cuttableTeacher();
    const bramTeam = await new HomePage(bram.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Taal groep 6', displayName: 'Bram' }));
    await bramTeam.shell.waitForConnection('online');

    // No byte passes and nothing closes: the browser stays online and the socket open.
    proxy.stall();
    // Two heartbeat intervals and the answer's timeout, with room for a busy machine.
    await bramTeam.shell.waitForConnection('offline', { timeout: 12_000 });
    expect(await bram.page.evaluate(() => navigator.onLine)).toBe(true);

    await bramTeam.rename('Taal en lezen groep 6');
    await bramTeam.shell.waitForConnection('offline', { allSaved: false });
    expect(await bramTeam.shell.unsyncedChanges()).toBeGreaterThan(0);

    proxy.unstall();
    await bramTeam.shell.waitForConnection('online', { timeout: 30_000 });
    // The server took the rename: its copy of the team's name follows the team document.
    const db = new DatabaseSync(stage.app.dbPath, { readOnly: true });
    try {
      const storedName = () =>
        (
          db.prepare('SELECT name FROM teams WHERE id = ?').get(bramTeam.teamId()) as {
            name: string;
          }
        ).name;
      try {
        await expect.poll(storedName, { timeout: 10_000 }).toBe('Taal en lezen groep 6');
      } catch (error) {
        // Say whether the change itself is missing on the server or only its copy in `teams`.
        const loaded = stage.app.server.hocuspocus.documents.get(bramTeam.teamId());
        const team = loaded ? JSON.stringify(readTeam(loaded)) : 'not loaded';
        throw new Error(
          `the server's team name stayed old; its team document holds ${team}; its last log lines:\n${stage.app.logs.slice(-20).join('\n')}`,
          { cause: error },
        );
      }
    } finally {
      db.close();
    }
    // And the device kept it: nothing the server held overrode the rename.
    expect(await bramTeam.heading.innerText()).toBe('Taal en lezen groep 6');
  });
});
