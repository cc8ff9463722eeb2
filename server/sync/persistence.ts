import {
  type Connection,
  type Document,
  type Extension,
  type Hocuspocus,
  isTransactionOrigin,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { SYNC_CLOSE } from '../../src/model/apiErrors.ts';
import { DOCUMENT_DELETED_REASON } from '../../src/model/roster.ts';
import type { Database, Sql } from '../db/database.ts';
import { isDocumentDeleted, purgeDeletedDocument } from '../services/deletedDocuments.ts';
import { DocumentDeleted } from './tombstones.ts';
import { type UpdateGuard, updateGuard } from './updateGuard.ts';
import { scanUpdate, UpdateRefused } from './updateScan.ts';

/**
 * Document storage in the server's database (SQLite or PostgreSQL): a
 * snapshot plus an append-only update log per document.
 *
 * Validation and durability of a member's update, both in `beforeSync`,
 * which Hocuspocus awaits before it applies the update and acknowledges it:
 * the update guard (updateGuard.ts) checks it against a scratch replica, and
 * when it changes the document its bytes are appended to `doc_updates`. So
 * an acknowledged update is committed (SQLite: WAL, synchronous FULL;
 * PostgreSQL: a committed insert), also one that
 * waits for dependencies the server lacks (Yjs keeps those aside and fires
 * no `update` event for them). A refused update closes the socket with a
 * close code (syncClose in src/model/apiErrors.ts): nothing stored, nothing
 * acknowledged, the document unchanged. A failed append closes it with 1011:
 * the provider keeps the edit and resends it on reconnect.
 *
 * The server's own writes (direct connections) are queued by the Y.Doc
 * `update` listener and appended right after, in order;
 * {@link Persistence.stored} resolves once they are. If such an append fails
 * the updates stay in memory as "pending"; further sync writes to that
 * document are refused in beforeSync until the pending updates are written
 * (retried on a timer), and the document is not unloaded while any remain.
 * Updates relayed from another instance (Redis) are that instance's to
 * store (a member's before it was applied, the server's own right after) and
 * are not stored again; a compaction here folds in whatever this instance
 * holds in memory anyway.
 *
 * Loading: snapshot + later updates, each scanned before it is applied. One
 * that cannot be read is moved to `doc_quarantine` (kept, logged with the
 * document's name), and the document is rebuilt from the rest; if what is
 * left does not hold together, the document is refused
 * (`document-unreadable`) rather than served half.
 *
 * Compaction (from onStoreDocument, once `compactAfter` rows piled up or the
 * last client left, and on shutdown) folds the stored snapshot, every stored
 * row and the document in memory into one new snapshot, checks that it
 * loads, and deletes exactly the rows it read, in one transaction under a
 * lock per document: another instance's rows that this one has not seen yet
 * are folded in, not lost, and two instances compacting at once take turns.
 *
 * Deletion: a document in `deleted_documents` is never loaded, and once
 * {@link Persistence.discard}ed nothing of it is written again, not even the
 * snapshot Hocuspocus asks for when its last connection closes. On several
 * instances the word of a deletion arrives a moment later than the
 * tombstone: an append checks the tombstone in its own statement (and
 * refuses the member as deleted), and once an instance knows, it waits for
 * its writes under way and removes whatever of the document they stored.
 */
export type PersistenceOptions = {
  readonly log: (line: string) => void;
  /** Rows in the update log of one document after which onStoreDocument compacts it. @default 500 */
  readonly compactAfter?: number;
  /** How often pending (failed) appends are retried, in ms. @default 1000 */
  readonly retryMs?: number;
  /**
   * Fault injection for tests: while it returns true, every document write
   * (append and compaction) throws as if the disk were full. @default never
   */
  readonly failWrites?: () => boolean;
  /** Checks members' updates before they are applied; null stores them unchecked (benchmarks only). @default updateGuard() */
  readonly guard?: UpdateGuard | null;
  /** Stored bytes (snapshot + update log) one document may reach. @default 32 MiB */
  readonly maxDocumentBytes?: number;
  /** Refuses growth while the process is short of memory. @default never */
  readonly memoryLow?: () => boolean;
};

export type Persistence = {
  readonly extension: Extension;
  /** Compacts every loaded document (shutdown); resolves to how many failed. */
  compactAll(): Promise<number>;
  /** Stops retry timers. */
  stop(): void;
  /**
   * Stops writing a deleted document that may still be loaded: its updates,
   * pending or new, and its final snapshot are dropped. The caller has already
   * removed its rows and recorded the tombstone.
   */
  discard(documentName: string): void;
  /** Compacts one loaded document now (see DocumentControl.compact); a failure is logged. */
  compact(documentName: string): Promise<void>;
  /**
   * Resolves once every update the loaded document took so far is stored (or
   * kept pending after a failed append, which is logged and retried).
   */
  stored(documentName: string): Promise<void>;
};

export const DEFAULT_MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

/** An update refused before it touched the document; `code` closes the sender's socket. */
export class SyncRefused extends Error {
  readonly reason: string;
  readonly code: number;
  readonly detail: string;
  constructor(code: number, reason: string, detail: string) {
    // An empty message keeps Hocuspocus from logging it a second time (refuse() logs it).
    super('');
    this.detail = detail;
    this.name = 'SyncRefused';
    this.code = code;
    this.reason = reason;
  }
}

/** Refuses a whole document whose stored data does not hold together. */
export class DocumentUnreadable extends Error {
  readonly reason = 'document-unreadable';
  constructor(detail: string) {
    super(detail);
    this.name = 'DocumentUnreadable';
  }
}

type DocState = {
  readonly name: string;
  readonly document: Document;
  readonly instance: Hocuspocus;
  /** Updates applied in memory and not yet appended (queued, or their append failed), oldest first. */
  pending: Uint8Array[];
  /** The append of the pending updates under way, if any. */
  flushing: Promise<unknown> | null;
  /** Rows in doc_updates since the last snapshot. */
  rows: number;
  /** Bytes stored for it: snapshot plus update rows. */
  bytes: number;
  retry: ReturnType<typeof setInterval> | null;
  /** Deleted: nothing of it is written any more. */
  discarded: boolean;
  /** Members' appends and compactions under way (the pending updates' append is `flushing`). */
  readonly writes: Set<Promise<unknown>>;
};

const LOAD_ORIGIN = { source: 'local', skipStoreHooks: true } as const;

export function persistence(db: Database, options: PersistenceOptions): Persistence {
  const compactAfter = options.compactAfter ?? 500;
  const retryMs = options.retryMs ?? 1_000;
  const guard = options.guard === undefined ? updateGuard() : options.guard;
  const maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const states = new Map<Document, DocState>();

  function checkWritable(): void {
    if (options.failWrites?.()) throw new Error('database or disk is full (injected)');
  }

  /**
   * Appends one update unless the document has a tombstone: another instance
   * may have deleted it, and word of that may not have reached this one yet.
   * Resolves with false when it was deleted.
   */
  async function append(sql: Sql, name: string, update: Uint8Array): Promise<boolean> {
    checkWritable();
    const { changes } = await sql.run(
      `INSERT INTO doc_updates (name, data) SELECT ?, ?
       WHERE NOT EXISTS (SELECT 1 FROM deleted_documents WHERE name = ?)`,
      name,
      update,
      name,
    );
    return changes > 0;
  }

  /** Runs a write of the document, so a deletion can wait for it (see `markDeleted`). */
  async function tracked<T>(state: DocState, write: Promise<T>): Promise<T> {
    state.writes.add(write);
    try {
      return await write;
    } finally {
      state.writes.delete(write);
    }
  }

  /**
   * Stops writing a deleted document, then removes what this instance may
   * have stored of it after the tombstone: an append or compaction that was
   * under way when the deletion committed elsewhere.
   */
  function markDeleted(state: DocState): void {
    const alreadyDeleted = state.discarded;
    state.discarded = true;
    state.pending = [];
    state.rows = 0;
    stopRetry(state);
    if (alreadyDeleted) return;
    const underWay = [...state.writes, ...(state.flushing ? [state.flushing] : [])];
    void Promise.allSettled(underWay)
      .then(() => purgeDeletedDocument(db, state.name))
      .then(
        (removed) => {
          if (removed > 0)
            options.log(`removed ${removed} rows of ${state.name} stored after its deletion`);
        },
        (error: unknown) =>
          options.log(
            `could not remove what was stored of deleted ${state.name}: ${String(error)}`,
          ),
      );
  }

  /**
   * Appends the pending updates in one transaction, after any append already
   * under way; throws (keeping them pending) on failure.
   */
  async function flushPending(state: DocState): Promise<void> {
    while (state.flushing !== null) await state.flushing.catch(() => undefined);
    if (state.discarded) state.pending = [];
    if (state.pending.length === 0) return;
    const batch = state.pending;
    const flushing = db.transaction(async (tx) => {
      for (const update of batch) if (!(await append(tx, state.name, update))) return false;
      return true;
    });
    state.flushing = flushing;
    let stored: boolean;
    try {
      stored = await flushing;
    } finally {
      state.flushing = null;
    }
    if (!stored) {
      markDeleted(state);
      return;
    }
    // Updates queued meanwhile stay pending for the next flush.
    state.pending = state.pending.slice(batch.length);
    if (state.discarded) state.pending = [];
    state.rows += batch.length;
    for (const update of batch) state.bytes += update.length;
  }

  function stopRetry(state: DocState): void {
    if (state.retry !== null) clearInterval(state.retry);
    state.retry = null;
  }

  function scheduleRetry(state: DocState): void {
    if (state.retry !== null) return;
    state.retry = setInterval(() => {
      void flushPending(state).then(
        () => {
          options.log(`stored the pending updates of ${state.name}`);
          stopRetry(state);
          if (state.document.getConnectionsCount() === 0)
            void state.instance.unloadDocument(state.document);
        },
        () => undefined,
      );
    }, retryMs);
    state.retry.unref();
  }

  /** Appends what the `update` listener queued; a failure keeps it pending and retries. */
  async function storeQueued(state: DocState): Promise<void> {
    try {
      await flushPending(state);
    } catch (error) {
      options.log(`could not store an update of ${state.name}: ${String(error)}`);
      scheduleRetry(state);
    }
  }

  async function compact(state: DocState): Promise<void> {
    if (state.discarded) return;
    // What the listener queued becomes rows first, so the snapshot below only folds stored rows.
    await flushPending(state);
    const inMemory = Y.encodeStateAsUpdate(state.document);
    const compacted = await tracked(
      state,
      db.exclusive(`leskring:compact:${state.name}`, async (tx) => {
        // Deleted through another instance, whose word may not have reached this one yet.
        if (await tx.get('SELECT 1 AS deleted FROM deleted_documents WHERE name = ?', state.name))
          return null;
        const stored = await tx.get<{ state: unknown }>(
          'SELECT state FROM doc_snapshots WHERE name = ?',
          state.name,
        );
        const rows = await tx.all<{ id: number; data: unknown }>(
          'SELECT id, data FROM doc_updates WHERE name = ? ORDER BY id',
          state.name,
        );
        // Another instance may have appended rows this one has not applied yet: fold them in.
        const merged = foldStored(inMemory, [
          ...(stored && stored.state instanceof Uint8Array ? [stored.state] : []),
          ...rows.flatMap((row) => (row.data instanceof Uint8Array ? [row.data] : [])),
        ]);
        // The update guard keeps broken structs out; this is the last line before the rows go.
        const problem = unreadable(merged);
        if (problem !== null)
          throw new Error(`the compacted state of ${state.name} does not load: ${problem}`);
        checkWritable();
        await tx.run(
          `INSERT INTO doc_snapshots (name, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
          state.name,
          merged,
          new Date().toISOString(),
        );
        // Exactly the rows read above, by id: one committed meanwhile (with any id) stays.
        await deleteRows(
          tx,
          rows.map((row) => Number(row.id)),
        );
        return { snapshot: merged, folded: rows.length };
      }),
    );
    if (compacted === null) {
      markDeleted(state);
      return;
    }
    state.rows = Math.max(0, state.rows - compacted.folded);
    state.bytes = compacted.snapshot.length;
  }

  function onUpdate(state: DocState, update: Uint8Array, origin: unknown): void {
    if (state.discarded) return;
    // A member's update was stored in beforeSync, before it was applied; one relayed from
    // another instance was stored there before that instance applied it.
    if (
      isTransactionOrigin(origin) &&
      (origin.source === 'connection' || origin.source === 'redis')
    )
      return;
    state.pending.push(update);
    void storeQueued(state);
  }

  /** Closes the sender's socket, so Hocuspocus never acknowledges, and stops handling the message. */
  function refuse(connection: Connection, refusal: SyncRefused): never {
    options.log(
      `refused an update to ${connection.document.name} (${refusal.reason}, close ${refusal.code}): ${refusal.detail}`,
    );
    connection.webSocket.close(refusal.code, refusal.reason);
    throw refusal;
  }

  /**
   * Applies the stored snapshot and update rows to a document being loaded.
   * A blob that cannot be read is moved aside; if anything was, the result
   * must still load on its own and leave nothing waiting for lost data.
   */
  async function load(document: Document, name: string): Promise<{ rows: number; bytes: number }> {
    const { snapshot, updates } = await db.transaction(async (tx) => ({
      snapshot: await tx.get<{ state: unknown }>(
        'SELECT state FROM doc_snapshots WHERE name = ?',
        name,
      ),
      updates: await tx.all<{ id: unknown; data: unknown }>(
        'SELECT id, data FROM doc_updates WHERE name = ? ORDER BY id',
        name,
      ),
    }));
    const blobs: Array<{ source: 'snapshot' | 'update'; id: unknown; data: unknown }> = [
      ...(snapshot ? [{ source: 'snapshot' as const, id: name, data: snapshot.state }] : []),
      ...updates.map((row) => ({ source: 'update' as const, id: row.id, data: row.data })),
    ];
    let rows = 0;
    let bytes = 0;
    const damaged: Array<{
      source: 'snapshot' | 'update';
      id: unknown;
      data: unknown;
      problem: string;
    }> = [];
    Y.transact(
      document,
      () => {
        for (const blob of blobs) {
          const problem =
            blob.data instanceof Uint8Array ? applyStored(document, blob.data) : 'not a blob';
          if (problem === null) {
            bytes += (blob.data as Uint8Array).length;
            if (blob.source === 'update') rows += 1;
            continue;
          }
          damaged.push({ ...blob, problem });
        }
      },
      LOAD_ORIGIN,
    );
    for (const blob of damaged)
      await quarantine(name, blob.source, blob.id, blob.data, blob.problem);
    if (damaged.length > 0) {
      const problem = unreadable(Y.encodeStateAsUpdate(document));
      const waiting = document.store.pendingStructs !== null || document.store.pendingDs !== null;
      if (problem !== null || waiting) {
        options.log(
          `refusing ${name}: what is left after moving damaged data aside does not hold together`,
        );
        throw new DocumentUnreadable(`${name} cannot be rebuilt`);
      }
      options.log(
        `rebuilt ${name} from the data that could be read (${damaged.length} moved aside)`,
      );
    }
    return { rows, bytes };
  }

  async function quarantine(
    name: string,
    source: 'snapshot' | 'update',
    id: unknown,
    data: unknown,
    problem: string,
  ): Promise<void> {
    const kept = data instanceof Uint8Array ? data : new Uint8Array();
    await db.transaction(async (tx) => {
      await tx.run(
        'INSERT INTO doc_quarantine (name, source, data, reason, moved_at) VALUES (?, ?, ?, ?, ?)',
        name,
        source,
        kept,
        problem,
        new Date().toISOString(),
      );
      if (source === 'snapshot') await tx.run('DELETE FROM doc_snapshots WHERE name = ?', name);
      else await tx.run('DELETE FROM doc_updates WHERE id = ?', Number(id));
    });
    options.log(
      `moved an unreadable stored ${source} of ${name} aside to doc_quarantine: ${problem}`,
    );
  }

  const extension: Extension = {
    extensionName: 'leskring-persistence',

    async onLoadDocument({ document, documentName, instance }) {
      // Authentication refuses it already; this also covers the server's own direct connections.
      if (await isDocumentDeleted(db, documentName)) throw new DocumentDeleted();
      const loaded = await load(document, documentName);
      states.set(document, {
        name: documentName,
        document,
        instance,
        pending: [],
        flushing: null,
        rows: loaded.rows,
        bytes: loaded.bytes,
        retry: null,
        discarded: false,
        writes: new Set(),
      });
    },

    async afterLoadDocument({ document }) {
      const state = states.get(document);
      if (!state) return;
      document.on('update', (update: Uint8Array, origin: unknown) =>
        onUpdate(state, update, origin),
      );
    },

    async beforeSync({ document, connection, type, payload }) {
      // 0 = SyncStep1 (a state vector, nothing to store); 1 = SyncStep2, 2 = Update.
      // A read-only connection's updates are never applied (Hocuspocus answers them itself).
      if (type === 0 || connection.readOnly) return;
      const state = states.get(document);
      if (!state) return;
      if (state.discarded) throw new DocumentDeleted();
      try {
        await flushPending(state);
      } catch (error) {
        // Nothing more may be acknowledged for this document until the pending updates are stored.
        refuse(
          connection,
          new SyncRefused(SYNC_CLOSE.storageUnavailable, 'storage-unavailable', String(error)),
        );
      }
      if (options.memoryLow?.() && payload.length > 1024) {
        refuse(
          connection,
          new SyncRefused(SYNC_CLOSE.serverBusy, 'server-busy', 'the server is short of memory'),
        );
      }
      let changes = true;
      try {
        if (guard) ({ changes } = guard.check(document, payload));
      } catch (error) {
        if (!(error instanceof UpdateRefused)) throw error;
        const code =
          error.reason === 'bad-update' ? SYNC_CLOSE.badUpdate : SYNC_CLOSE.updateTooLarge;
        refuse(connection, new SyncRefused(code, error.reason, error.message));
      }
      if (!changes) return;
      if (state.bytes + payload.length > maxDocumentBytes) {
        refuse(
          connection,
          new SyncRefused(
            SYNC_CLOSE.documentTooLarge,
            'document-too-large',
            `${state.name} would exceed ${maxDocumentBytes} bytes`,
          ),
        );
      }
      let stored: boolean;
      try {
        stored = await tracked(state, append(db, state.name, payload));
      } catch (error) {
        options.log(`could not store an update of ${state.name}: ${String(error)}`);
        refuse(
          connection,
          new SyncRefused(SYNC_CLOSE.storageUnavailable, 'storage-unavailable', String(error)),
        );
      }
      if (!stored) {
        markDeleted(state);
        // As when the word reaches this instance (server/sync/documents.ts): the socket
        // reconnects and is refused as deleted, so the device purges its copy.
        refuse(
          connection,
          new SyncRefused(
            SYNC_CLOSE.documentDeleted,
            DOCUMENT_DELETED_REASON,
            `${state.name} was deleted through another instance`,
          ),
        );
      }
      state.rows += 1;
      state.bytes += payload.length;
    },

    async onStoreDocument({ document }) {
      const state = states.get(document);
      if (!state) return;
      // The payload's clientsCount dates from the update that scheduled this store; ask now.
      const clientsCount = document.getConnectionsCount();
      if (state.rows < compactAfter && clientsCount > 0 && state.pending.length === 0) return;
      if (state.rows === 0 && state.pending.length === 0) return;
      try {
        await compact(state);
      } catch (error) {
        options.log(`could not compact ${state.name}: ${String(error)}`);
        // Keep the document in memory while it holds updates that exist nowhere else.
        if (state.pending.length > 0) throw error;
      }
    },

    async beforeUnloadDocument({ document }) {
      const state = states.get(document);
      if (!state) return;
      if (state.pending.length > 0 || state.flushing !== null) {
        try {
          await flushPending(state);
        } catch (error) {
          scheduleRetry(state);
          throw error;
        }
      }
    },

    async afterUnloadDocument({ documentName }) {
      for (const [document, state] of states) {
        if (state.name === documentName && document.isDestroyed) {
          stopRetry(state);
          guard?.forget(document);
          states.delete(document);
        }
      }
    },
  };

  const named = (documentName: string) =>
    [...states.values()].filter((state) => state.name === documentName);

  return {
    extension,
    async compactAll() {
      let failed = 0;
      for (const state of states.values()) {
        if (state.rows === 0 && state.pending.length === 0) continue;
        try {
          await compact(state);
        } catch (error) {
          failed += 1;
          options.log(`could not compact ${state.name} at shutdown: ${String(error)}`);
        }
      }
      return failed;
    },
    stop() {
      for (const state of states.values()) stopRetry(state);
    },
    discard(documentName) {
      for (const state of named(documentName)) markDeleted(state);
    },
    async compact(documentName) {
      for (const state of named(documentName)) {
        try {
          await compact(state);
        } catch (error) {
          options.log(`could not compact ${state.name}: ${String(error)}`);
        }
      }
    },
    async stored(documentName) {
      for (const state of named(documentName)) await storeQueued(state);
    },
  };
}

/** Limits for data the server stored itself: generous, only the shape must hold. */
const STORED_LIMITS = {
  maxStructs: Number.POSITIVE_INFINITY,
  maxTypes: Number.POSITIVE_INFINITY,
  maxRootNames: Number.POSITIVE_INFINITY,
  maxDepth: Number.POSITIVE_INFINITY,
  maxValueDepth: 10_000,
};

/**
 * The document in memory with every stored part applied on top, encoded as
 * one update. Parts it already holds cost a decode; a part it lacks is
 * integrated. Applied to a document rather than merged as bytes, so what
 * the document in memory deleted and collected (an erased name) stays
 * collected instead of coming back from an older snapshot. Structs still
 * waiting for others are kept as they wait.
 */
function foldStored(inMemory: Uint8Array, stored: readonly Uint8Array[]): Uint8Array {
  if (stored.length === 0) return inMemory;
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, inMemory, LOAD_ORIGIN);
    for (const part of stored) Y.applyUpdate(probe, part, LOAD_ORIGIN);
    const encoded = Y.encodeStateAsUpdate(probe);
    const waiting = [probe.store.pendingStructs?.update, probe.store.pendingDs].filter(
      (part): part is Uint8Array => part instanceof Uint8Array,
    );
    return waiting.length === 0 ? encoded : Y.mergeUpdates([encoded, ...waiting]);
  } finally {
    probe.destroy();
  }
}

/** Ids per DELETE: far below either engine's limit on parameters. */
const DELETE_CHUNK = 500;

async function deleteRows(tx: Sql, ids: readonly number[]): Promise<void> {
  for (let start = 0; start < ids.length; start += DELETE_CHUNK) {
    const chunk = ids.slice(start, start + DELETE_CHUNK);
    await tx.run(
      `DELETE FROM doc_updates WHERE id IN (${chunk.map(() => '?').join(', ')})`,
      ...chunk,
    );
  }
}

/** Applies one stored blob; returns why it could not be read, or null. */
function applyStored(document: Y.Doc, data: Uint8Array): string | null {
  try {
    scanUpdate(data, STORED_LIMITS);
    Y.applyUpdate(document, data, LOAD_ORIGIN);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Why an encoded document state would not load on a fresh client, or null when it does. */
function unreadable(state: Uint8Array): string | null {
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, state);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    probe.destroy();
  }
}
