import * as Y from 'yjs';
import { initCycleDoc } from '../../../src/model/cycleDoc.ts';
import type { ModelContext, ResearchLessonId } from '../../../src/model/cycleTypes.ts';
import { idFromRandomBytes } from '../../../src/model/ids.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic context: ids from a seeded PRNG, a clock that ticks one second per call. */
export function testCtx(seed = 1, origin: object = { user: seed }): ModelContext {
  const random = prng(seed);
  let tick = 0;
  return {
    origin,
    newId: () =>
      idFromRandomBytes(Uint8Array.from({ length: 10 }, () => Math.floor(random() * 256))),
    now: () => new Date(Date.UTC(2026, 8, 1, 8, 0, tick++)).toISOString(),
  };
}

export const RL1 = 'rl1' as ResearchLessonId;
export const RL2 = 'rl2' as ResearchLessonId;
export const RL3 = 'rl3' as ResearchLessonId;

/** A fresh cycle document with an empty RL1. */
export function newCycle(ctx: ModelContext = testCtx()): Y.Doc {
  const doc = new Y.Doc();
  initCycleDoc(
    doc,
    { title: 'Breuken vergelijken', subject: 'Rekenen', yearGroup: 'Groep 6', createdBy: null },
    ctx,
  );
  return doc;
}

/** Sends everything each doc has that the other lacks, both ways. */
export function sync(a: Y.Doc, b: Y.Doc, origin: unknown = 'remote'): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, origin);
  Y.applyUpdate(a, toA, origin);
}

/** A replica of `doc` (as a second device that synced once). */
export function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), 'remote');
  return copy;
}
