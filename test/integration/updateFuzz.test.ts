import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { teamScopedDocName } from '../../src/model/docName.ts';
import { newDocId } from '../../src/model/ids.ts';
import { createTeam, onCleanup, startTestServer } from './helpers.ts';
import { type RawClient, rawClient } from './rawClient.ts';

/**
 * Seeded fuzzing of the sync server's update validation. A member sends
 * thousands of updates (real ones, bit-flipped, truncated and random bytes)
 * over a raw socket. After each, a fresh client loads the document: it must
 * load, and equal the start plus exactly the updates the server acknowledged.
 * The same after a restart. Replay a failure with FUZZ_SEED=<seed>.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 0x1e5c_2026);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 1_200);

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

type Edit = (doc: Y.Doc, rnd: () => number) => void;

const EDITS: Edit[] = [
  (doc, rnd) => doc.getMap('meta').set('title', `Les ${Math.floor(rnd() * 100)}`),
  (doc, rnd) =>
    doc.getArray('events').push([{ id: `e${Math.floor(rnd() * 1e6)}`, t: rnd(), kind: 'tally' }]),
  (doc, rnd) => {
    const text = doc.getText('plan');
    text.insert(
      Math.floor(rnd() * (text.length + 1)),
      ['ab', 'wö', '🙂', 'x'][Math.floor(rnd() * 4)] ?? 'x',
    );
  },
  (doc, rnd) => {
    const text = doc.getText('plan');
    if (text.length > 2) text.delete(Math.floor(rnd() * (text.length - 1)), 1);
  },
  (doc, rnd) => {
    const run = new Y.Map();
    doc.getMap('runs').set(`r${Math.floor(rnd() * 5)}`, run);
    run.set('observations', new Y.Array());
  },
  (doc) => {
    for (const run of doc.getMap('runs').values()) {
      const list = run instanceof Y.Map ? run.get('observations') : null;
      if (list instanceof Y.Array) list.push(['noot']);
    }
  },
  (doc, rnd) => {
    const events = doc.getArray('events');
    if (events.length > 0) events.delete(Math.floor(rnd() * events.length), 1);
  },
];

function mangle(update: Uint8Array, rnd: () => number): Uint8Array {
  const roll = rnd();
  if (roll < 0.35) return update;
  if (roll < 0.8) {
    const copy = update.slice();
    const flips = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < flips; i++) {
      const at = Math.floor(rnd() * copy.length);
      copy[at] = (copy[at] as number) ^ (1 << Math.floor(rnd() * 8));
    }
    return copy;
  }
  if (roll < 0.92) return update.slice(0, Math.floor(rnd() * update.length));
  const junk = new Uint8Array(1 + Math.floor(rnd() * 64));
  for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(rnd() * 256);
  return junk;
}

/** Structural equality: same structs integrated and the same deletions, and the same readable content. */
function expectSame(actual: Y.Doc, expected: Y.Doc, context: string): void {
  expect(Y.equalSnapshots(Y.snapshot(actual), Y.snapshot(expected)), context).toBe(true);
  expect(actual.getMap('meta').toJSON(), context).toEqual(expected.getMap('meta').toJSON());
  expect(actual.getText('plan').toString(), context).toBe(expected.getText('plan').toString());
  expect(actual.getArray('events').toJSON(), context).toEqual(expected.getArray('events').toJSON());
  expect(actual.getMap('runs').toJSON(), context).toEqual(expected.getMap('runs').toJSON());
}

describe(`update fuzzing (seed ${SEED}, ${ROUNDS} updates; replay with FUZZ_SEED)`, () => {
  it('never lets an update corrupt the document, before or after a restart', async () => {
    const rnd = random(SEED);
    // Hocuspocus logs every connection it closes, with a stack: hundreds here, all expected.
    const hocuspocusLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    onCleanup(() => hocuspocusLog.mockRestore());
    // Rate limits off: this test is about what an update does, not how many arrive.
    const unlimited = { ratePerSecond: 1e9, burst: 1e9 };
    const sync = { socketRate: unlimited, memberRate: unlimited };
    const first = await startTestServer({ compactAfter: 250, sync });
    const owner = await createTeam(first.url);
    const name = teamScopedDocName(owner.teamId, newDocId());

    const author = new Y.Doc();
    const expected = new Y.Doc();
    const produced: Uint8Array[] = [];
    author.on('update', (update: Uint8Array) => produced.push(update));

    let sender: RawClient = await rawClient(first.wsUrl, name, owner.token);
    const reader = await rawClient(first.wsUrl, name, owner.token);
    let accepted = 0;
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      produced.length = 0;
      author.transact(() => {
        const edits = 1 + Math.floor(rnd() * 3);
        for (let i = 0; i < edits; i++) EDITS[Math.floor(rnd() * EDITS.length)]?.(author, rnd);
      });
      for (const update of produced) {
        const sent = mangle(update, rnd);
        const ack = await sender.sendUpdate(sent);
        const context = `seed ${SEED}, round ${round}, update ${Buffer.from(sent).toString('hex')}`;
        if (ack === true) {
          accepted += 1;
          Y.applyUpdate(expected, sent);
        } else {
          expect(ack, context).toBe('closed');
          refused += 1;
          sender = await rawClient(first.wsUrl, name, owner.token);
        }
        expectSame(await reader.fetchDoc(), expected, context);
      }
    }
    // Both kinds happened, or the fuzzing tested nothing.
    expect(accepted).toBeGreaterThan(ROUNDS / 4);
    expect(refused).toBeGreaterThan(ROUNDS / 10);

    await first.stop();
    const second = await startTestServer({ dataDir: first.dataDir, sync });
    const afterRestart = await rawClient(second.wsUrl, name, owner.token);
    expectSame(await afterRestart.fetchDoc(), expected, `seed ${SEED}, after the restart`);
    expect(second.logs.filter((line) => line.includes('doc_quarantine'))).toEqual([]);
  }, 120_000);
});
