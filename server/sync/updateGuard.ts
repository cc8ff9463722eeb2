import * as Y from 'yjs';
import {
  DEFAULT_UPDATE_LIMITS,
  type DepthLookup,
  scanUpdate,
  type UpdateLimits,
  UpdateRefused,
} from './updateScan.ts';

/**
 * Checks a member's update before it touches a stored document, so a
 * malformed or malicious update never corrupts one.
 *
 * `Y.decodeUpdate` succeeding proves little: a bit-flipped update can decode,
 * apply and leave a document whose encoded state no longer loads elsewhere.
 * So an update is
 *   1. scanned without being built (updateScan.ts): well-formed, within the
 *      byte, struct, type, root and nesting limits;
 *   2. applied to a scratch replica of the document (kept per document and
 *      fed with every update the real one takes), never to the real one;
 *   3. accepted only when the replica's changed types still form consistent
 *      lists and maps, the document stays within its struct and type limits,
 *      what it would now send to others is a well-formed update, and what
 *      waits for missing dependencies stays small.
 * A refused update leaves the replica suspect: it is dropped and rebuilt from
 * the real document on the next check. Only then does Hocuspocus apply the
 * update to the real document, with the same result.
 */
export type GuardLimits = UpdateLimits & {
  /** Bytes of one update. */
  readonly maxUpdateBytes: number;
  /** Structs a document may hold in memory. */
  readonly maxDocumentStructs: number;
  /** Shared types a document may hold. */
  readonly maxDocumentTypes: number;
  /** Bytes of updates waiting for dependencies the server lacks. */
  readonly maxPendingBytes: number;
};

export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  ...DEFAULT_UPDATE_LIMITS,
  maxUpdateBytes: 8 * 1024 * 1024,
  maxDocumentStructs: 500_000,
  maxDocumentTypes: 50_000,
  maxPendingBytes: 1024 * 1024,
};

export type CheckResult = {
  /** False when the document already holds everything the update carries (nothing to store). */
  readonly changes: boolean;
};

type Replica = {
  readonly doc: Y.Doc;
  structs: number;
  types: number;
  readonly stopMirroring: () => void;
};

export type UpdateGuard = {
  /** Throws UpdateRefused when the update must not reach `document`. */
  check(document: Y.Doc, update: Uint8Array): CheckResult;
  /** Drops the replica of a document that is unloaded. */
  forget(document: Y.Doc): void;
};

function countStructs(doc: Y.Doc): { structs: number; types: number } {
  let structs = 0;
  let types = 0;
  for (const list of doc.store.clients.values()) {
    structs += list.length;
    for (const struct of list) {
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) types += 1;
    }
  }
  return { structs, types };
}

/** The nesting level of an item (1 = directly in a root type), or null when the replica lacks it. */
function levelOf(doc: Y.Doc): DepthLookup {
  return (client, clock) => {
    if (Y.getState(doc.store, client) <= clock) return null;
    const struct = Y.getItem(doc.store, Y.createID(client, clock));
    if (!(struct instanceof Y.Item)) return null;
    let level = 1;
    let parent = struct.parent;
    while (parent instanceof Y.AbstractType && parent._item !== null) {
      level += 1;
      parent = parent._item.parent;
    }
    return level;
  };
}

function broken(detail: string): never {
  throw new UpdateRefused('bad-update', `the update breaks the document: ${detail}`);
}

/**
 * The lists and maps of the types a transaction changed must still link up:
 * every item's parent is the type, left and right point at each other, map
 * entries sit under their own key. A cycle or a stray pointer is refused.
 */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types its shared types' events as any
function checkTypes(changed: Iterable<Y.AbstractType<any>>, bound: number): void {
  for (const type of changed) {
    let previous: Y.Item | null = null;
    let steps = 0;
    for (let item = type._start; item !== null; item = item.right) {
      if (item.parent !== type || item.left !== previous || item.parentSub !== null) {
        broken('a list item out of place');
      }
      if (++steps > bound) broken('a list that loops');
      previous = item;
    }
    for (const [key, last] of type._map) {
      let next: Y.Item | null = null;
      steps = 0;
      for (let item: Y.Item | null = last; item !== null; item = item.left) {
        if (item.parent !== type || item.parentSub !== key || item.right !== next) {
          broken('a map entry out of place');
        }
        if (++steps > bound) broken('a map entry that loops');
        next = item;
      }
    }
  }
}

function stateOf(doc: Y.Doc): Map<number, number> {
  const state = new Map<number, number>();
  for (const client of doc.store.clients.keys()) state.set(client, Y.getState(doc.store, client));
  return state;
}

function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}

/** Counts the structs (and shared types) the transaction added. */
function added(doc: Y.Doc, before: Map<number, number>): { structs: number; types: number } {
  let structs = 0;
  let types = 0;
  for (const [client, list] of doc.store.clients) {
    const from = before.get(client) ?? 0;
    for (let i = list.length - 1; i >= 0; i--) {
      const struct = list[i] as Y.Item | Y.GC;
      if (struct.id.clock + struct.length <= from) break;
      structs += 1;
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) types += 1;
    }
  }
  return { structs, types };
}

export function updateGuard(limits: GuardLimits = DEFAULT_GUARD_LIMITS): UpdateGuard {
  const replicas = new WeakMap<Y.Doc, Replica>();

  function replicaOf(document: Y.Doc): Replica {
    const existing = replicas.get(document);
    if (existing) return existing;
    const doc = new Y.Doc({ gc: document.gc });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(document));
    // Whatever the real document takes afterwards (the server's own writes included) reaches
    // the replica too; an update the replica already holds is a cheap no-op.
    const mirror = (update: Uint8Array) => {
      const replica = replicas.get(document);
      if (!replica) return;
      try {
        const before = stateOf(replica.doc);
        Y.applyUpdate(replica.doc, update);
        const grew = added(replica.doc, before);
        replica.structs += grew.structs;
        replica.types += grew.types;
      } catch {
        drop(document);
      }
    };
    document.on('update', mirror);
    const replica: Replica = {
      doc,
      ...countStructs(doc),
      stopMirroring: () => document.off('update', mirror),
    };
    replicas.set(document, replica);
    return replica;
  }

  function drop(document: Y.Doc): void {
    const replica = replicas.get(document);
    if (!replica) return;
    replica.stopMirroring();
    replica.doc.destroy();
    replicas.delete(document);
  }

  return {
    check(document, update) {
      if (update.length > limits.maxUpdateBytes) {
        throw new UpdateRefused('update-too-large', `more than ${limits.maxUpdateBytes} bytes`);
      }
      const replica = replicaOf(document);
      const { doc } = replica;
      scanUpdate(update, limits, levelOf(doc));

      const stateBefore = stateOf(doc);
      const pendingBefore = pendingBytes(doc);
      let transaction: Y.Transaction | null = null;
      const capture = (tr: Y.Transaction) => {
        transaction = tr;
      };
      doc.on('afterTransaction', capture);
      try {
        Y.applyUpdate(doc, update);
        const tr = transaction as Y.Transaction | null;
        const pendingAfter = pendingBytes(doc);
        if (pendingAfter > limits.maxPendingBytes) {
          throw new UpdateRefused(
            'update-too-large',
            `more than ${limits.maxPendingBytes} bytes wait for missing dependencies`,
          );
        }
        const grew = added(doc, stateBefore);
        const structs = replica.structs + grew.structs;
        const types = replica.types + grew.types;
        if (structs > limits.maxDocumentStructs || types > limits.maxDocumentTypes) {
          throw new UpdateRefused('update-too-large', 'the document would grow beyond its limit');
        }
        if (tr !== null) checkTypes(tr.changed.keys(), structs + 1);
        const encoded = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(stateBefore));
        scanUpdate(encoded, {
          ...limits,
          maxStructs: Number.POSITIVE_INFINITY,
          maxTypes: Number.POSITIVE_INFINITY,
          maxRootNames: Number.POSITIVE_INFINITY,
        });
        replica.structs = structs;
        replica.types = types;
        // New structs, new deletions or something more waiting: there is something to store.
        const changes =
          grew.structs > 0 ||
          pendingAfter !== pendingBefore ||
          (tr !== null && tr.deleteSet.clients.size > 0);
        return { changes };
      } catch (error) {
        drop(document);
        if (error instanceof UpdateRefused) throw error;
        throw new UpdateRefused('bad-update', `the update does not apply: ${String(error)}`);
      } finally {
        doc.off('afterTransaction', capture);
      }
    },
    forget: drop,
  };
}
