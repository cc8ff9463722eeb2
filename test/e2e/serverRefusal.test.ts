import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import { type Stage, startStage } from './harness.ts';
import { HomePage } from './pages.ts';

/**
 * A change the sync server refuses (here: the cycle document would pass a
 * server's size limit of 1 KB) is never shown as saved: the badge says the server
 * refused it and why, the change stays on the device, across a reload too.
 */
describe('a change the server refuses', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await startStage({ sync: { maxDocumentBytes: 1024 } });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('shows "Wijziging geweigerd" with the reason and keeps the change on the device', async () => {
    const anna = await stage.teacher();
    const team = await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Rekenen groep 6', displayName: 'Anna' }));
    await team.shell.waitForConnection('online');
    const cycle = await team.startCycle();
    await cycle.closeGuide();
    await cycle.openTab('plan');
    await cycle.applyEdiTemplate();

    await team.shell.waitForConnection('refused', { allSaved: false });
    expect(await team.shell.unsyncedChanges()).toBeGreaterThan(0);
    await expect
      .poll(() => team.shell.connection.getAttribute('title'))
      .toContain(nl.errors.syncClosed['document-too-large']);
    expect(stage.app.logs.some((line) => line.includes('document-too-large'))).toBe(true);

    const phases = await cycle.phaseTitles();
    expect(phases.length).toBeGreaterThan(0);
    await anna.page.reload();
    await cycle.openTab('plan');
    expect(await cycle.phaseTitles()).toEqual(phases);
    await team.shell.waitForConnection('refused', { allSaved: false });
  });
});
