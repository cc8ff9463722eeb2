import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createObserverLogStore } from '../../../src/features/observe/useObserverLog.ts';
import type { PhaseId, RunId } from '../../../src/model/cycleTypes.ts';
import {
  appendEvent,
  type EventInput,
  foldEvents,
  observationLogName,
  readLog,
  startObservation,
} from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { newCycle, replica, sync, testCtx } from '../model/cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const P1 = 'phase00000000001' as PhaseId;

const tally = (itemId: string): EventInput => ({ t: 1000, phaseId: P1, kind: 'tally', itemId });

/** A store subscribed as React would, and what a full read of the log gives now. */
function follow(doc: Y.Doc, observer = ANS) {
  const store = createObserverLogStore(doc, RUN, observer);
  let changes = 0;
  const unsubscribe = store.subscribe(() => {
    changes += 1;
  });
  const expectFullRead = () => {
    const events = readLog(doc, RUN, observer);
    const log = store.get();
    expect(log.events).toEqual(events);
    expect(log.folded).toEqual(foldEvents(events));
  };
  return { store, expectFullRead, changes: () => changes, unsubscribe };
}

describe('the observation screen follows its own log by what was appended', () => {
  it('reads what taps append, one at a time and several before a read, as a full read would', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const view = follow(doc);
    expect(view.store.get().events).toEqual([]);
    startObservation(doc, RUN, ANS, { t: 0, phaseId: P1 }, ctx);
    view.expectFullRead();
    appendEvent(doc, RUN, ANS, tally('q'), ctx);
    view.expectFullRead();
    const before = view.store.get();
    appendEvent(doc, RUN, ANS, tally('q'), ctx);
    appendEvent(doc, RUN, ANS, tally('r'), ctx);
    view.expectFullRead();
    expect(view.store.get().folded.tallies.size).toBe(2);
    // The earlier entries stay the same objects: views of them need not render again.
    expect(view.store.get().events.slice(0, before.events.length)).toEqual(before.events);
    expect(view.changes()).toBe(4);
  });

  it('reads the whole log again when another device of the same member inserted entries before its own', () => {
    const ctx = testCtx(1);
    const doc = newCycle(ctx);
    startObservation(doc, RUN, ANS, { t: 0, phaseId: P1 }, ctx);
    const otherDevice = replica(doc);
    // Concurrent inserts at one place are ordered by client id: the other device's go first.
    doc.clientID = 2_000_000;
    otherDevice.clientID = 1;
    const view = follow(doc);
    view.store.get();
    // Both devices append offline; merged, one device's entries land before the other's.
    appendEvent(doc, RUN, ANS, tally('here'), ctx);
    view.store.get();
    appendEvent(otherDevice, RUN, ANS, tally('there'), testCtx(2));
    appendEvent(otherDevice, RUN, ANS, tally('there'), testCtx(2));
    sync(otherDevice, doc);
    expect(readLog(doc, RUN, ANS).map((e) => e.itemId)).toEqual([
      undefined,
      'there',
      'there',
      'here',
    ]);
    view.expectFullRead();
    expect(view.store.get().folded.tallies.size).toBe(2);
  });

  it('reads the whole log again after an undo took entries out of it', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    startObservation(doc, RUN, ANS, { t: 0, phaseId: P1 }, ctx);
    const undo = new Y.UndoManager(doc.getArray(observationLogName(RUN, ANS)), {
      trackedOrigins: new Set([ctx.origin]),
      captureTimeout: 0,
    });
    const view = follow(doc);
    appendEvent(doc, RUN, ANS, tally('q'), ctx);
    appendEvent(doc, RUN, ANS, tally('r'), ctx);
    view.expectFullRead();
    undo.undo();
    view.expectFullRead();
    expect([...view.store.get().folded.tallies.keys()]).toHaveLength(1);
    appendEvent(doc, RUN, ANS, tally('s'), ctx);
    view.expectFullRead();
  });

  it('skips malformed entries in what was appended, as a full read does', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    startObservation(doc, RUN, ANS, { t: 0, phaseId: P1 }, ctx);
    const view = follow(doc);
    view.store.get();
    doc.getArray(observationLogName(RUN, ANS)).push([{ kind: 'tally' }, 'nonsense']);
    appendEvent(doc, RUN, ANS, tally('q'), ctx);
    view.expectFullRead();
    expect(view.store.get().events).toHaveLength(2);
  });

  it("ignores a colleague's taps unless they change how many colleagues observe", () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    startObservation(doc, RUN, ANS, { t: 0, phaseId: P1 }, ctx);
    const view = follow(doc);
    expect(view.store.get().colleagues).toBe(0);
    startObservation(doc, RUN, BRAM, { t: 0, phaseId: P1 }, testCtx(2));
    expect(view.store.get().colleagues).toBe(1);
    const seen = view.changes();
    appendEvent(doc, RUN, BRAM, tally('q'), testCtx(2));
    expect(view.changes()).toBe(seen);
    view.expectFullRead();
  });
});
