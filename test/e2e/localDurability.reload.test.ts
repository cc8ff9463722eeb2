import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  act,
  DURABILITY_ROUNDS,
  DURABLE_EDITS,
  type DurabilityFixture,
  durabilityFixture,
  lostEdit,
  screenReady,
  shownWithin,
} from './durableEdits.ts';
import { goOffline, type Stage, startStage, type TeacherContext } from './harness.ts';

/**
 * An edit the screen shows as done is on the device, even when the page is
 * reloaded at once, offline: every document change is committed to IndexedDB
 * in the task that made it. "At once" means in the same task as the edit's
 * own event handler: the tap or the typed text and `location.reload()` run in
 * one `page.evaluate`, with no round trip to the test in between. Each kind
 * of edit (durableEdits.ts) is made and checked ROUNDS times (DURABILITY_ROUNDS).
 */
const ROUNDS = DURABILITY_ROUNDS;

describe('an edit survives a reload made right after it, offline', () => {
  let stage: Stage;
  let anna: TeacherContext;
  let fixture: DurabilityFixture;

  beforeAll(async () => {
    stage = await startStage();
    const cuttable = await stage.cuttableTeacher();
    anna = cuttable.teacher;
    fixture = await durabilityFixture(anna.page);
    // Really offline: the sync socket is cut too, so nothing but this device holds the edits.
    await goOffline(anna, cuttable.proxy);
  });

  afterAll(async () => {
    await stage?.close();
  });

  for (const edit of DURABLE_EDITS) {
    describe(edit.name, () => {
      beforeEach(async () => {
        await anna.page.goto(edit.path(fixture));
        await screenReady(anna.page, edit);
      });

      it(`keeps ${ROUNDS} of ${ROUNDS}, each followed at once by a reload`, async () => {
        const lost: string[] = [];
        for (let round = 1; round <= ROUNDS; round++) {
          const prepared = await edit.prepare(anna.page, round);
          const reloaded = anna.page.waitForEvent('load');
          await act(anna.page, prepared, 'reload');
          await reloaded;
          await screenReady(anna.page, edit);
          if (!(await shownWithin(anna.page, prepared))) {
            lost.push(await lostEdit(anna.page, prepared, round));
          }
        }
        expect(lost, `${edit.name}: ${lost.length} of ${ROUNDS} lost (rounds listed)`).toEqual([]);
      }, 240_000);
    });
  }
});
