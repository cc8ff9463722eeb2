import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PhaseId, RunId } from '../../../src/model/cycleTypes.ts';
import {
  appendEvent,
  type EventInput,
  foldEvents,
  type ObservationEvent,
  readLog,
  readRunLog,
} from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { newCycle, prng, replica, testCtx } from './cycleTestUtils.ts';

/**
 * The merge promise for observation logs (offline edits merge without loss),
 * yjs-style: three observers append random events (taps, notes, undo and edit
 * of earlier events, their own or a colleague's) while updates travel between
 * them in random, partial, out-of-order batches; after a full exchange every
 * replica holds the same log with every event exactly once. A failure names its
 * seed; replay it with OBSERVE_SEED.
 */

const N = 3;
const OPS = 150;
const RUN = 'rvn0000000000000' as RunId;
const PHASE = 'phase00000000001' as PhaseId;
const OBSERVERS = ['bs00000000000000', 'bs00000000000001', 'bs00000000000002'] as MemberId[];
const SEEDS = process.env.OBSERVE_SEED
  ? [Number(process.env.OBSERVE_SEED)]
  : Array.from({ length: 25 }, (_, i) => 3000 + i);

function run(seed: number) {
  const random = prng(seed);
  const base = newCycle(testCtx(seed));
  const docs = Array.from({ length: N }, () => replica(base));
  const ctxs = docs.map((_, i) => testCtx(seed * 10 + i + 1, { user: i }));
  const queues: Uint8Array[][][] = docs.map(() => docs.map(() => []));
  docs.forEach((doc, i) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      for (let j = 0; j < N; j++) if (j !== i) queues[i]?.[j]?.push(update);
    });
  });
  const written: ObservationEvent[] = [];
  for (let op = 0; op < OPS; op++) {
    const i = Math.floor(random() * N);
    const doc = docs[i] as Y.Doc;
    const observer = OBSERVERS[i] as MemberId;
    // Corrections target what this replica can see, as the UI would.
    const visible = readRunLog(doc, RUN).events;
    const target = visible[Math.floor(random() * visible.length)];
    const r = random();
    const t = op * 1000;
    const input: EventInput =
      r < 0.4 || target === undefined
        ? { kind: 'tally', t, phaseId: PHASE, itemId: `q${Math.floor(random() * 3)}` }
        : r < 0.55
          ? { kind: 'rating', t, phaseId: PHASE, itemId: 'r', value: 1 + Math.floor(random() * 4) }
          : r < 0.65
            ? { kind: 'note', t, phaseId: PHASE, text: `n${op}` }
            : r < 0.85
              ? { kind: 'undo', t, phaseId: PHASE, target: target.id }
              : { kind: 'edit', t, phaseId: PHASE, target: target.id, value: 2 };
    written.push(appendEvent(doc, RUN, observer, input, ctxs[i] as (typeof ctxs)[number]));
    if (random() < 0.5) {
      const from = Math.floor(random() * N);
      const to = Math.floor(random() * N);
      const queue = queues[from]?.[to];
      if (queue && queue.length > 0 && from !== to) {
        const batch = queue.splice(0, 1 + Math.floor(random() * queue.length));
        if (random() < 0.3) batch.reverse();
        for (const update of batch) Y.applyUpdate(docs[to] as Y.Doc, update, 'remote');
      }
    }
  }
  for (let from = 0; from < N; from++)
    for (let to = 0; to < N; to++)
      for (const update of queues[from]?.[to]?.splice(0) ?? [])
        Y.applyUpdate(docs[to] as Y.Doc, update, 'remote');
  return { docs, written };
}

describe('observation log merge: offline edits merge without loss', () => {
  for (const seed of SEEDS) {
    it(`holds every event exactly once on every replica (seed ${seed})`, () => {
      const message = `seed ${seed} (replay: OBSERVE_SEED=${seed})`;
      const { docs, written } = run(seed);
      const logs = docs.map((doc) => readRunLog(doc, RUN));
      const first = logs[0];
      if (first === undefined) throw new Error(message);
      for (const log of logs) expect(log, message).toEqual(first);
      expect(first.skipped, message).toBe(0);
      expect(first.duplicates, message).toBe(0);
      expect(first.events.length, message).toBe(written.length);
      expect(new Set(first.events.map((e) => e.id)), message).toEqual(
        new Set(written.map((e) => e.id)),
      );
      // Each observer's log is in the order it was written, seq 0, 1, 2, …
      for (const observer of OBSERVERS) {
        const own = readLog(docs[0] as Y.Doc, RUN, observer);
        expect(
          own.map((e) => e.seq),
          message,
        ).toEqual(own.map((_, k) => k));
      }
      const folds = docs.map((doc) => foldEvents(readRunLog(doc, RUN).events));
      for (const fold of folds) expect(fold, message).toEqual(folds[0]);
    });
  }
});
