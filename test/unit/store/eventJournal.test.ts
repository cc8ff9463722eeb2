import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initCycleDoc } from '../../../src/model/cycleDoc.ts';
import type { RunId } from '../../../src/model/cycleTypes.ts';
import {
  appendEvent,
  buildEvent,
  type ObservationEvent,
  readLog,
} from '../../../src/model/eventLog.ts';
import { type MemberId, newDocId, newTeamId } from '../../../src/model/ids.ts';
import { db } from '../../../src/store/db.ts';
import { replayJournal } from '../../../src/store/eventJournal.ts';
import { closeAllDocs, editDocLocally, openSession } from '../../../src/sync/docSession.ts';
import { newCycle, testCtx } from '../model/cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const DOC = 'team000000000000/cycle00000000000';

/** An entry as earlier versions of the app journalled every tap. */
const journalled = (docName: string, event: ObservationEvent) =>
  db.eventJournal.put({ id: event.id, docName, runId: RUN, event });

describe('event journal left by earlier versions', () => {
  beforeEach(async () => {
    await db.eventJournal.clear();
  });
  afterEach(async () => {
    await closeAllDocs();
  });

  it('puts back journalled events that the stored document lost, once', async () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const before = Y.encodeStateAsUpdate(doc);
    const kept = appendEvent(doc, RUN, ANS, { kind: 'start', t: 0, phaseId: null }, ctx);
    const lost = appendEvent(
      doc,
      RUN,
      ANS,
      { kind: 'tally', t: 5, phaseId: null, itemId: 'q' },
      ctx,
    );
    await journalled(DOC, kept);
    await journalled(DOC, lost);

    // The "stored" document has the start event only: the tally's own write never happened.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, before);
    stored.transact(() => stored.getArray(`observations:${RUN}:${ANS}`).push([kept]));

    expect(await replayJournal(stored, DOC, {})).toBe(1);
    expect(readLog(stored, RUN, ANS).map((e) => e.id)).toEqual([kept.id, lost.id]);
    // The entry the document already had is dropped; the restored one stays until a later open sees it stored.
    expect((await db.eventJournal.toArray()).map((e) => e.id)).toEqual([lost.id]);

    expect(await replayJournal(stored, DOC, {})).toBe(0);
    expect(readLog(stored, RUN, ANS)).toHaveLength(2);
    expect(await db.eventJournal.count()).toBe(0);
  });

  it('leaves other documents alone', async () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const event = appendEvent(doc, RUN, ANS, { kind: 'start', t: 0, phaseId: null }, ctx);
    await journalled('other/doc', event);
    expect(await replayJournal(newCycle(ctx), DOC, {})).toBe(0);
    expect(await db.eventJournal.count()).toBe(1);
  });

  it('is drained into its cycle when the cycle opens', async () => {
    const name = `${newTeamId()}/${newDocId()}`;
    await editDocLocally(name, (doc, ctx) =>
      initCycleDoc(doc, { title: 'Breuken', subject: '', yearGroup: '', createdBy: null }, ctx),
    );
    const event = buildEvent(RUN, ANS, 0, { kind: 'start', t: 0, phaseId: null }, testCtx());
    await journalled(name, event);

    const session = openSession(name);
    await session.whenLoaded;
    expect(readLog(session.doc, RUN, ANS)).toEqual([event]);
    await closeAllDocs();

    const again = openSession(name);
    await again.whenLoaded;
    expect(readLog(again.doc, RUN, ANS)).toEqual([event]);
    expect(await db.eventJournal.count()).toBe(0);
  });
});
