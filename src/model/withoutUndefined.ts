/**
 * A copy of a plain entry without its undefined fields, before it enters a
 * Y.Array: Yjs would store `undefined` as a value of its own, and the entry
 * read back on another device would then differ from the one written.
 */
export function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as T;
}
