import type { DatabaseSync } from 'node:sqlite';
import {
  type Document,
  type Extension,
  type Hocuspocus,
  isTransactionOrigin,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { inTransaction, prepared } from '../db/open.ts';
import { isDocumentDeleted } from '../services/deletedDocuments.ts';
import { DocumentDeleted } from './tombstones.ts';

/**
 * Document storage over node:sqlite (DESIGN §3 Server, LIBRARY-NOTES §1
 * "Order of events, durability").
 *
 * Durability: every update applied to a loaded document is appended to
 * `doc_updates` synchronously from the Y.Doc `update` listener, which runs
 * after the update is applied and before Hocuspocus sends the sync ack. So
 * an acknowledged update is already committed (WAL, synchronous FULL).
 *
 * A failed append (disk full) must not be acknowledged: the listener closes
 * the sending socket before returning, so the ack never goes out and the
 * provider keeps the edit and resends it on reconnect. The update stays in
 * memory as "pending"; further sync writes to that document are refused in
 * beforeSync until the pending updates are written (retried on a timer), and
 * the document is not unloaded while any remain.
 *
 * Loading: snapshot + later updates. Compaction (from onStoreDocument, once
 * `compactAfter` rows piled up or the last client left, and on shutdown)
 * replaces the snapshot with `encodeStateAsUpdate` and deletes the folded
 * rows in one transaction.
 *
 * Deletion: a document in `deleted_documents` is never loaded, and once
 * {@link Persistence.discard}ed nothing of it is written again, not even the
 * snapshot Hocuspocus asks for when its last connection closes.
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
};

export type Persistence = {
  readonly extension: Extension;
  /** Compacts every loaded document (shutdown); returns how many failed. */
  compactAll(): number;
  /** Stops retry timers. */
  stop(): void;
  /**
   * Stops writing a deleted document that may still be loaded: its updates,
   * pending or new, and its final snapshot are dropped. The caller has already
   * removed its rows and recorded the tombstone.
   */
  discard(documentName: string): void;
};

/** Close code for a socket whose update could not be stored (the provider reconnects and resends). */
export const CLOSE_STORAGE_FAILED = 1011;

type DocState = {
  readonly name: string;
  readonly document: Document;
  readonly instance: Hocuspocus;
  /** Updates applied in memory whose append failed, oldest first. */
  pending: Uint8Array[];
  /** Rows in doc_updates since the last snapshot. */
  rows: number;
  retry: ReturnType<typeof setInterval> | null;
  /** Deleted: nothing of it is written any more. */
  discarded: boolean;
};

const LOAD_ORIGIN = { source: 'local', skipStoreHooks: true } as const;

export function persistence(db: DatabaseSync, options: PersistenceOptions): Persistence {
  const compactAfter = options.compactAfter ?? 500;
  const retryMs = options.retryMs ?? 1_000;
  const states = new Map<Document, DocState>();

  function checkWritable(): void {
    if (options.failWrites?.()) throw new Error('database or disk is full (injected)');
  }

  function append(name: string, update: Uint8Array): void {
    checkWritable();
    prepared(db, 'INSERT INTO doc_updates (name, data) VALUES (?, ?)').run(name, update);
  }

  /** Writes pending updates in one transaction; throws (keeping them) on failure. */
  function flushPending(state: DocState): void {
    if (state.discarded) state.pending = [];
    if (state.pending.length === 0) return;
    const batch = state.pending;
    inTransaction(db, () => {
      for (const update of batch) append(state.name, update);
    });
    state.pending = [];
    state.rows += batch.length;
    options.log(`stored ${batch.length} pending update(s) of ${state.name}`);
  }

  function stopRetry(state: DocState): void {
    if (state.retry !== null) clearInterval(state.retry);
    state.retry = null;
  }

  function scheduleRetry(state: DocState): void {
    if (state.retry !== null) return;
    state.retry = setInterval(() => {
      try {
        flushPending(state);
      } catch {
        return;
      }
      stopRetry(state);
      if (state.document.getConnectionsCount() === 0)
        void state.instance.unloadDocument(state.document);
    }, retryMs);
    state.retry.unref();
  }

  function compact(state: DocState): void {
    if (state.discarded) return;
    const snapshot = Y.encodeStateAsUpdate(state.document);
    inTransaction(db, () => {
      checkWritable();
      prepared(
        db,
        `INSERT INTO doc_snapshots (name, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      ).run(state.name, snapshot, new Date().toISOString());
      // Every row of this document was applied to this in-memory document (one process, one
      // Document per name, appends are synchronous), so the snapshot covers them all.
      prepared(db, 'DELETE FROM doc_updates WHERE name = ?').run(state.name);
    });
    state.rows = 0;
    state.pending = [];
    stopRetry(state);
  }

  function onUpdate(state: DocState, update: Uint8Array, origin: unknown): void {
    if (state.discarded) return;
    try {
      flushPending(state);
      append(state.name, update);
      state.rows += 1;
    } catch (error) {
      state.pending.push(update);
      options.log(`could not store an update of ${state.name}: ${String(error)}`);
      // Closing the socket now makes Hocuspocus drop the ack it is about to send.
      if (isTransactionOrigin(origin) && origin.source === 'connection') {
        origin.connection.webSocket.close(CLOSE_STORAGE_FAILED, 'storage-unavailable');
      }
      scheduleRetry(state);
    }
  }

  const extension: Extension = {
    extensionName: 'leskring-persistence',

    async onLoadDocument({ document, documentName, instance }) {
      // Authentication refuses it already; this also covers the server's own direct connections.
      if (isDocumentDeleted(db, documentName)) throw new DocumentDeleted();
      const { snapshot, updates } = inTransaction(db, () => ({
        snapshot: prepared(db, 'SELECT state FROM doc_snapshots WHERE name = ?').get(documentName),
        updates: prepared(db, 'SELECT data FROM doc_updates WHERE name = ? ORDER BY id').all(
          documentName,
        ),
      }));
      Y.transact(
        document,
        () => {
          const blobs = [snapshot?.state, ...updates.map((row) => row.data)];
          for (const blob of blobs) {
            if (!(blob instanceof Uint8Array)) continue;
            try {
              Y.applyUpdate(document, blob, LOAD_ORIGIN);
            } catch (error) {
              options.log(
                `skipped an unreadable stored update of ${documentName}: ${String(error)}`,
              );
            }
          }
        },
        LOAD_ORIGIN,
      );
      states.set(document, {
        name: documentName,
        document,
        instance,
        pending: [],
        rows: updates.length,
        retry: null,
        discarded: false,
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
      if (type === 0 || connection.readOnly) return;
      try {
        Y.decodeUpdate(payload);
      } catch {
        throw Object.assign(new Error('malformed update'), { reason: 'bad-update' });
      }
      const state = states.get(document);
      if (state?.discarded) throw new DocumentDeleted();
      if (!state || state.pending.length === 0) return;
      try {
        flushPending(state);
      } catch (error) {
        // Nothing more may be acknowledged for this document until the pending updates are stored.
        connection.webSocket.close(CLOSE_STORAGE_FAILED, 'storage-unavailable');
        throw Object.assign(new Error(`storage unavailable: ${String(error)}`), {
          reason: 'storage-unavailable',
        });
      }
    },

    async onStoreDocument({ document }) {
      const state = states.get(document);
      if (!state) return;
      // The payload's clientsCount dates from the update that scheduled this store; ask now.
      const clientsCount = document.getConnectionsCount();
      if (state.rows < compactAfter && clientsCount > 0 && state.pending.length === 0) return;
      if (state.rows === 0 && state.pending.length === 0) return;
      try {
        compact(state);
      } catch (error) {
        options.log(`could not compact ${state.name}: ${String(error)}`);
        // Keep the document in memory while it holds updates that exist nowhere else.
        if (state.pending.length > 0) throw error;
      }
    },

    async beforeUnloadDocument({ document }) {
      const state = states.get(document);
      if (!state) return;
      if (state.pending.length > 0) {
        try {
          flushPending(state);
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
          states.delete(document);
        }
      }
    },
  };

  return {
    extension,
    compactAll() {
      let failed = 0;
      for (const state of states.values()) {
        if (state.rows === 0 && state.pending.length === 0) continue;
        try {
          compact(state);
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
      for (const state of states.values()) {
        if (state.name !== documentName) continue;
        state.discarded = true;
        state.pending = [];
        state.rows = 0;
        stopRetry(state);
      }
    },
  };
}
