import type * as Y from 'yjs';
import type { ModelContext } from '../../model/cycleTypes.ts';
import type { DocSession } from '../../sync/docSession.ts';

/**
 * Adds something through the session and puts the caret in `field(id)` of
 * what it added in the next frame, once it is on screen: not after the
 * commit on this device, so a writer who starts typing at once loses no
 * keys. Throws what `add` throws, having changed nothing.
 */
export function addAndFocus<Id>(
  session: DocSession,
  add: (doc: Y.Doc, ctx: ModelContext) => Id,
  field: (id: Id) => string,
): void {
  void session.change((doc, ctx) => {
    const id = add(doc, ctx);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(field(id))?.focus());
    return id;
  });
}
