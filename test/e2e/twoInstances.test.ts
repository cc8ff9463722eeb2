import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterServices, freshDatabase } from '../../bench/lib/postgres.ts';
import { type RunningServer, startServer } from '../../server/main.ts';
import { DEFAULT_DIST_DIR, launchBrowser, newTeacherContext } from './harness.ts';
import { HomePage, JoinPage } from './pages.ts';

const services = clusterServices();
if (!services) {
  console.warn('two-instance journey skipped: set DATABASE_URL and REDIS_URL (.ci/run does)');
}

/**
 * Issue 16 as two teachers see it: each tablet talks to its own instance of
 * the server (both on one PostgreSQL database, with Redis between them),
 * and they work together as if there were one.
 */
describe.skipIf(!services)('two teachers on two instances of the server', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  let browser: Browser;
  let instances: RunningServer[];

  beforeAll(async () => {
    if (!services) return;
    const database = await freshDatabase(services.databaseUrl);
    cleanups.push(database.drop);
    instances = [];
    for (let i = 0; i < 2; i++) {
      const dataDir = await mkdtemp(join(tmpdir(), 'leskring-e2e-instance-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const server = await startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir,
        distDir: DEFAULT_DIST_DIR,
        databaseUrl: database.url,
        redisUrl: services.redisUrl,
        log: () => {},
      });
      cleanups.push(() => server.close());
      instances.push(server);
    }
    browser = await launchBrowser();
    cleanups.push(() => browser.close());
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('lets a colleague join through the other instance, and shows members, presence and a rename on both', async () => {
    const [one, two] = instances as [RunningServer, RunningServer];
    const anna = await newTeacherContext(browser, one.url);
    const bram = await newTeacherContext(browser, two.url);
    const annaTeam = await new HomePage(anna.page)
      .goto()
      .then((home) => home.createTeam({ teamName: 'Rekenen groep 6', displayName: 'Anna' }));
    await annaTeam.shell.waitForConnection('online');

    // The invite link names Anna's instance; Bram's tablet opens the same invite on its own.
    const invite = await annaTeam.createInvite();
    const link = new URL(invite.link);
    const join = await new JoinPage(bram.page).open(`${two.url}${link.pathname}${link.hash}`);
    await join.invitation().waitFor();
    const bramTeam = await join.join('Bram');
    expect(bramTeam.teamId()).toBe(annaTeam.teamId());
    await bramTeam.shell.waitForConnection('online');

    for (const team of [annaTeam, bramTeam]) {
      await team.waitForMembers(['Anna', 'Bram']);
      await team.onlineDot('Anna').waitFor();
      await team.onlineDot('Bram').waitFor();
    }
    await annaTeam.rename('Rekenen groep 6 en 7');
    await bramTeam.waitForTeamName('Rekenen groep 6 en 7');
    expect(anna.errors).toEqual([]);
    expect(bram.errors).toEqual([]);
  });
});
