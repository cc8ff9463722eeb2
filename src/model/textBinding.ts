import type * as Y from 'yjs';

/**
 * Binding a plain text input to a Y.Text. The input reports its whole new
 * value; turning that into the smallest splice (common prefix and suffix kept)
 * lets a colleague's concurrent typing elsewhere in the same text survive,
 * character by character, instead of being overwritten.
 */

export type TextSplice = {
  /** UTF-16 offset where the change starts. */
  readonly index: number;
  /** How many UTF-16 code units of the old text are removed there. */
  readonly remove: number;
  readonly insert: string;
};

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The minimal common-prefix/suffix splice from `prev` to `next`, never
 * splitting a surrogate pair; null when they are equal. When the change is
 * ambiguous (typing a letter that repeats its neighbour), the splice lands as
 * late as possible, which is where a caret usually is.
 */
export function textSplice(prev: string, next: string): TextSplice | null {
  if (prev === next) return null;
  const max = Math.min(prev.length, next.length);
  let prefix = 0;
  while (prefix < max && prev.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && prefix < max && isHigh(prev.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    prev.charCodeAt(prev.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && isLow(prev.charCodeAt(prev.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: prev.length - prefix - suffix,
    insert: next.slice(prefix, next.length - suffix),
  };
}

/**
 * Makes `ytext` read `next` with the minimal splice, in one transaction with
 * the given origin (this user's, so their UndoManager tracks it).
 */
export function applyTextEdit(ytext: Y.Text, next: string, origin: object): void {
  const splice = textSplice(ytext.toString(), next);
  if (splice === null) return;
  const edit = () => {
    if (splice.remove > 0) ytext.delete(splice.index, splice.remove);
    if (splice.insert.length > 0) ytext.insert(splice.index, splice.insert);
  };
  if (ytext.doc === null) edit();
  else ytext.doc.transact(edit, origin);
}
