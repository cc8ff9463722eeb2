import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  DURABILITY_ROUNDS,
  DURABLE_EDITS,
  type DurabilityFixture,
  durabilityFixture,
  lostEdit,
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
 * The observation screen opens first, alone, and its tap is looked for the
 * way one teacher reopening the app finds it, not while five more tabs open
 * the same cycle. ROUNDS rounds (DURABILITY_ROUNDS): ROUNDS + 1 launches.
 */
const ROUNDS = DURABILITY_ROUNDS;
/** The edit whose screen opens before the others (see above). */
const FIRST = 'observation tap';
const ORDERED = [
  ...DURABLE_EDITS.filter((edit) => edit.name === FIRST),
  ...DURABLE_EDITS.filter((edit) => edit.name !== FIRST),
];

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
    const lost = new Map(ORDERED.map((edit) => [edit.name, [] as string[]]));
    let previous: readonly PreparedEdit[] = [];
    for (let round = 1; round <= ROUNDS + 1; round++) {
      const { context, page } = await device.launch({ offline: true });
      try {
        const tabs = ORDERED.map((edit) => ({ edit, page }));
        const check = async (k: number) => {
          const tab = tabs[k];
          if (!tab) return;
          await tab.page.goto(tab.edit.path(fixture));
          await screenReady(tab.page, tab.edit);
          const made = previous[k];
          if (made && !(await shownWithin(tab.page, made))) {
            lost.get(tab.edit.name)?.push(await lostEdit(tab.page, made, round - 1));
          }
        };
        await check(0);
        for (const tab of tabs.slice(1)) tab.page = await context.newPage();
        await Promise.all(tabs.slice(1).map((_, k) => check(k + 1)));
        if (round > ROUNDS) break;
        const prepared = await Promise.all(tabs.map((tab) => tab.edit.prepare(tab.page, round)));
        await Promise.all(
          tabs.map((tab, k) => act(tab.page, prepared[k] as PreparedEdit, 'nothing')),
        );
        previous = prepared;
      } finally {
        await context.close();
      }
    }
    const lostCounts = Object.fromEntries(
      [...lost].map(([name, rounds]) => [
        name,
        `${rounds.length} of ${ROUNDS} lost: ${rounds.join(', ')}`,
      ]),
    );
    expect(lostCounts).toEqual(
      Object.fromEntries(ORDERED.map((edit) => [edit.name, `0 of ${ROUNDS} lost: `])),
    );
  }, 600_000);
});
