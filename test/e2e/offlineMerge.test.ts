import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.ts';
import {
  type CuttableProxy,
  goOffline,
  goOnline,
  type Stage,
  startStage,
  type TeacherContext,
} from './harness.ts';
import { type TeamPage, teamOfTwo } from './pages.ts';

describe('edits made offline merge without loss when the device reconnects', () => {
  let stage: Stage;
  let bram: TeacherContext;
  let bramProxy: CuttableProxy;
  let annaTeam: TeamPage;
  let bramTeam: TeamPage;

  beforeAll(async () => {
    stage = await startStage();
    ({ bram, bramProxy, annaTeam, bramTeam } = await teamOfTwo(stage, 'Taal bovenbouw'));
  });

  afterAll(async () => {
    await stage?.close();
  });

  it("a rename made offline and the facilitator's role change meanwhile both show on both devices after the reconnect", async () => {
    // keeps a rename made offline as an unsynced change
    await goOffline(bram, bramProxy);
    await bramTeam.shell.waitForConnection('offline');
    // Anna sees Bram leave: the server noticed the dropped connection.
    await annaTeam.member('Bram').getByRole('img', { name: nl.team.members.offline }).waitFor();

    await bramTeam.rename('Taal en lezen bovenbouw');
    await bramTeam.shell.waitForConnection('offline', { allSaved: false });
    expect(await bramTeam.shell.connectionStatus()).toBe('offline');
    expect(await bramTeam.shell.unsyncedChanges()).toBeGreaterThanOrEqual(1);

    // lets the facilitator change the offline colleague’s role meanwhile
    await annaTeam.setMemberRole('Bram', 'coach');
    await expect.poll(() => annaTeam.memberRole('Bram'), { timeout: 10_000 }).toBe(nl.roles.coach);
    // Neither change has crossed yet.
    expect(await annaTeam.teamName()).toBe('Taal bovenbouw');
    expect(await bramTeam.memberRole('Bram')).toBe(nl.roles.teacher);

    // shows the merged result on both devices after reconnecting: the new name and the new role
    await goOnline(bram, bramProxy);
    // The provider retries with backoff (1 s doubling, up to 30 s) and does not watch `online`.
    await bramTeam.shell.waitForConnection('online', { timeout: 40_000 });
    expect(await bramTeam.shell.unsyncedChanges()).toBe(0);

    for (const team of [annaTeam, bramTeam]) {
      await team.waitForTeamName('Taal en lezen bovenbouw');
      await expect.poll(() => team.memberRole('Bram'), { timeout: 10_000 }).toBe(nl.roles.coach);
      expect(await team.memberRole('Anna')).toBe(nl.roles.facilitator);
      await team.waitForMembers(['Anna', 'Bram']);
    }

    // shows both colleagues online again right after the reconnect, not only after the awareness heartbeat
    // Presence used to come back only with the 15 s heartbeat (yjs/y-websocket#122).
    await annaTeam.onlineDot('Bram').waitFor({ timeout: 5_000 });
    await bramTeam.onlineDot('Anna').waitFor({ timeout: 5_000 });
  });
});
