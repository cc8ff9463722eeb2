import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunId } from '../../../src/model/cycleTypes.ts';
import { appendEvent, readLog } from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { db } from '../../../src/store/db.ts';
import { journalEvent, replayJournal } from '../../../src/store/eventJournal.ts';
import { newCycle, testCtx } from '../model/cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const DOC = 'team000000000000/cycle00000000000';

describe('event journal', () => {
  beforeEach(async () => {
    await db.eventJournal.clear();
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
    await journalEvent(DOC, RUN, kept);
    await journalEvent(DOC, RUN, lost);

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
    await journalEvent('other/doc', RUN, event);
    expect(await replayJournal(newCycle(ctx), DOC, {})).toBe(0);
    expect(await db.eventJournal.count()).toBe(1);
  });
});
