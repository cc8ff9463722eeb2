import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  DURABLE_EDITS,
  type DurabilityFixture,
  durabilityFixture,
  type PreparedEdit,
  screenReady,
  shownWithin,
} from './durableEdits.ts';
import {
  type AppServer,
  type PersistentDevice,
  persistentDevice,
  startAppServer,
} from './harness.ts';

/**
 * An edit the screen shows as done is on the device, even when the browser
 * is closed right after it: the device's browser runs on a profile kept on
 * disk; the edit is made, the browser is closed at once (no waiting for
 * "saved"), and started again on the same profile with the network off.
 *
 * A launch of the browser costs seconds, so each launch serves every kind of
 * edit at once (durableEdits.ts), one tab each: every tab opens its screen,
 * checks that the previous round's edit of its kind is there, and prepares
 * the next one; then all tabs make their edit and the browser is closed at
 * once. A tab stores its own edits (another tab of the same device applies
 * them without storing them), so no tab can keep another tab's edit for it.
 * ROUNDS rounds: ROUNDS + 1 launches.
 */
const ROUNDS = 20;

describe('an edit survives the browser being closed right after it, offline', () => {
  let app: AppServer;
  let device: PersistentDevice;
  let fixture: DurabilityFixture;

  beforeAll(async () => {
    app = await startAppServer();
    device = await persistentDevice(app.url);
    const first = await device.launch();
    try {
      fixture = await durabilityFixture(first.page);
    } finally {
      await first.context.close();
    }
  });

  afterAll(async () => {
    await device?.remove();
    await app?.close();
  });

  it(`keeps every kind of edit ${ROUNDS} of ${ROUNDS} times, each followed at once by closing the browser`, async () => {
    const lost = new Map(DURABLE_EDITS.map((edit) => [edit.name, [] as number[]]));
    let previous: readonly PreparedEdit[] = [];
    for (let round = 1; round <= ROUNDS + 1; round++) {
      const { context, page } = await device.launch({ offline: true });
      try {
        const pages = [page];
        while (pages.length < DURABLE_EDITS.length) pages.push(await context.newPage());
        const tabs = DURABLE_EDITS.map((edit, k) => ({ edit, page: pages[k] ?? page }));
        await Promise.all(
          tabs.map(async ({ edit, page: tab }) => {
            await tab.goto(edit.path(fixture));
            await screenReady(tab, edit);
          }),
        );
        await Promise.all(
          tabs.map(async ({ edit, page: tab }, k) => {
            const made = previous[k];
            if (made && !(await shownWithin(tab, made))) lost.get(edit.name)?.push(round - 1);
          }),
        );
        if (round > ROUNDS) break;
        const prepared = await Promise.all(
          tabs.map(({ edit, page: tab }) => edit.prepare(tab, round)),
        );
        await Promise.all(
          tabs.map(({ page: tab }, k) => act(tab, prepared[k] as PreparedEdit, 'nothing')),
        );
        previous = prepared;
      } finally {
        await context.close();
      }
    }
    const lostCounts = Object.fromEntries(
      [...lost].map(([name, rounds]) => [
        name,
        `${rounds.length} of ${ROUNDS} lost ${JSON.stringify(rounds)}`,
      ]),
    );
    expect(lostCounts).toEqual(
      Object.fromEntries(DURABLE_EDITS.map((edit) => [edit.name, `0 of ${ROUNDS} lost []`])),
    );
  }, 600_000);
});
