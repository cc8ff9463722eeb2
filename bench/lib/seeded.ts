import { idFromRandomBytes } from '../../src/model/ids.ts';

/** mulberry32: a small seeded PRNG, so benchmark inputs are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic ids in the project's id format (src/model/ids.ts). */
export function seededIds(seed: number): () => string {
  const random = seededRandom(seed);
  return () => {
    const bytes = new Uint8Array(10);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(random() * 256);
    return idFromRandomBytes(bytes);
  };
}
