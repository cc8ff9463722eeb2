import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Ordering of phases, case pupils, responses and questions by fractional-index
 * keys (the `fractional-indexing` package). An entry sorts by (position, id);
 * moving one rewrites only its `position`, so two people moving or editing the
 * same entry at once can never duplicate or lose it. Concurrent inserts at the
 * same spot may get equal keys: the id breaks the tie, and the next insert
 * between such twins gives them distinct keys (see `positionFor`).
 */

export type Positioned = { readonly id: string; readonly position: string };

/** Orders by position, then id, by UTF-16 code units (the order the keys are built for). */
export function comparePositioned(a: Positioned, b: Positioned): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

export function sortPositioned<T extends Positioned>(items: readonly T[]): T[] {
  return [...items].sort(comparePositioned);
}

export type Placement = {
  /** Position for the entry being placed. */
  readonly position: string;
  /** Other entries whose position must be rewritten to make room (id → new position). */
  readonly rewrites: ReadonlyMap<string, string>;
};

/**
 * Where to put an entry so that it lands at `index` of `sorted` (which must
 * not contain the entry itself, and must be sorted by `comparePositioned`).
 * Usually only the new key; when neighbours share a key (concurrent inserts)
 * or a peer wrote a key that is not a valid order key, the tied or all
 * entries get fresh keys too.
 */
export function positionFor(sorted: readonly Positioned[], index: number): Placement {
  const at = Math.max(0, Math.min(sorted.length, Math.trunc(index)));
  const before = sorted[at - 1]?.position ?? null;
  try {
    // Entries from `at` whose key equals `before` (or is below it) must move up with us.
    let end = at;
    while (end < sorted.length && before !== null && (sorted[end]?.position ?? '') <= before) end++;
    const upper = sorted[end]?.position ?? null;
    const keys = generateNKeysBetween(before, upper, 1 + (end - at));
    const rewrites = new Map<string, string>();
    for (let i = at; i < end; i++) {
      const item = sorted[i];
      const key = keys[1 + i - at];
      if (item !== undefined && key !== undefined) rewrites.set(item.id, key);
    }
    return { position: keys[0] ?? generateKeyBetween(before, upper), rewrites };
  } catch {
    // Some key is not a valid order key (written by a faulty peer): renumber everything.
    const keys = generateNKeysBetween(null, null, sorted.length + 1);
    const rewrites = new Map<string, string>();
    for (let i = 0; i <= sorted.length; i++) {
      if (i === at) continue;
      const item = sorted[i > at ? i - 1 : i];
      const key = keys[i];
      if (item !== undefined && key !== undefined) rewrites.set(item.id, key);
    }
    return { position: keys[at] ?? generateKeyBetween(null, null), rewrites };
  }
}

/** A key after every given entry (for appending). */
export function positionAtEnd(sorted: readonly Positioned[]): Placement {
  return positionFor(sorted, sorted.length);
}
