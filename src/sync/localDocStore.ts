import * as Y from 'yjs';

/**
 * A document's copy on this device, in IndexedDB, with writes that are
 * committed at once.
 *
 * y-indexeddb writes each update in a transaction it never commits nor
 * awaits: Chromium lost an offline team rename 20 times out of 20 when the
 * page reloaded right after it. Here every change is written in the same task
 * as the edit that made it, in a transaction committed explicitly
 * (`IDBTransaction.commit()`, strict durability), and {@link whenStored}
 * resolves only once it is on disk, so a screen can say "saved on this
 * device" honestly.
 *
 * A write that fails (quota, storage taken away, private mode) keeps its
 * updates in memory, reports the failure to {@link onProblem} listeners and
 * is retried with backoff; nothing is dropped.
 *
 * Two tabs of the app on one device: every change, once committed, is posted
 * on a BroadcastChannel per document, so a second tab with the same document
 * open applies it at once (it is already stored by the tab that made it).
 *
 * The layout is y-indexeddb 9's (database `y:<name>`, object stores `updates`
 * with auto-increment keys and `custom`), so copies written by earlier
 * versions of the app load unchanged.
 */
export type StorageProblem = {
  /** The DOMException name, e.g. 'QuotaExceededError', or 'unavailable' without IndexedDB. */
  readonly kind: string;
  /** Updates kept in memory, waiting to be written. */
  readonly waiting: number;
};

const UPDATES = 'updates';
const CUSTOM = 'custom';
/** From this many stored updates on, loading folds them into one. */
const COMPACT_FROM = 500;
const RETRY_FIRST_MS = 500;
/** User Timing name of "edit → committed on this device" (read by the benchmarks). */
export const LOCAL_COMMIT_MEASURE = 'leskring:local-commit';
/** Measures kept before they are cleared, so a long session does not collect them forever. */
const MEASURES_KEPT = 500;
let measuresTaken = 0;

function measureCommit(start: number): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  performance.measure(LOCAL_COMMIT_MEASURE, { start, end: performance.now() });
  measuresTaken += 1;
  if (measuresTaken >= MEASURES_KEPT) {
    performance.clearMeasures(LOCAL_COMMIT_MEASURE);
    measuresTaken = 0;
  }
}
const RETRY_MAX_MS = 30_000;

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openDatabase(name: string): Promise<IDBDatabase> {
  const factory = globalThis.indexedDB as IDBFactory | undefined;
  if (!factory) return Promise.reject(new DOMException('no IndexedDB', 'unavailable'));
  const request = factory.open(name);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(UPDATES))
      db.createObjectStore(UPDATES, { autoIncrement: true });
    if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
  };
  return requestResult(request);
}

function problemKind(error: unknown): string {
  return error instanceof DOMException ? error.name : 'UnknownError';
}

export class LocalDocStore {
  readonly name: string;
  readonly doc: Y.Doc;
  /** Resolves once the copy stored on this device is applied to `doc` (also when there is none). */
  readonly whenLoaded: Promise<void>;

  #db: IDBDatabase | null = null;
  /** Updates not written yet: made before the database opened, or whose write failed. */
  #waiting: Uint8Array[] = [];
  /** Writes issued and not yet committed. */
  #inFlight = 0;
  /** When the oldest waiting update was made (performance.now()), for the commit measure. */
  #waitingSince: number | null = null;
  #drained: Array<() => void> = [];
  #problem: StorageProblem | null = null;
  #problemListeners = new Set<(problem: StorageProblem | null) => void>();
  #savingListeners = new Set<() => void>();
  #wasSaving = false;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #retryMs = RETRY_FIRST_MS;
  #destroyed = false;
  #channel: BroadcastChannel | null = null;
  readonly #onUpdate: (update: Uint8Array, origin: unknown) => void;

  constructor(name: string, doc: Y.Doc) {
    this.name = name;
    this.doc = doc;
    this.#onUpdate = (update, origin) => {
      if (origin === this || this.#destroyed) return;
      this.#waitingSince ??= performance.now();
      this.#waiting.push(update);
      this.#flush();
      this.#notifySaving();
    };
    doc.on('update', this.#onUpdate);
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(`leskring:${name}`);
      this.#channel.onmessage = (event: MessageEvent) => {
        if (event.data instanceof Uint8Array) Y.applyUpdate(doc, event.data, this);
      };
    }
    this.whenLoaded = this.#load();
  }

  /** Resolves once every change made to the document so far is committed to IndexedDB. */
  whenStored(): Promise<void> {
    if (this.#inFlight === 0 && this.#waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#drained.push(resolve));
  }

  /** True while a change made on this device is not yet committed to IndexedDB. */
  get saving(): boolean {
    return this.#inFlight > 0 || this.#waiting.length > 0;
  }

  /** Calls `listener` whenever {@link saving} flips; returns an unsubscribe. */
  onSavingChange(listener: () => void): () => void {
    this.#savingListeners.add(listener);
    return () => this.#savingListeners.delete(listener);
  }

  #notifySaving(): void {
    const saving = this.saving;
    if (saving === this.#wasSaving) return;
    this.#wasSaving = saving;
    for (const listener of this.#savingListeners) listener();
  }

  /** The current storage problem, or null while writes succeed. */
  get problem(): StorageProblem | null {
    return this.#problem;
  }

  /** Calls `listener` whenever a storage problem starts, changes or ends; returns an unsubscribe. */
  onProblem(listener: (problem: StorageProblem | null) => void): () => void {
    this.#problemListeners.add(listener);
    return () => this.#problemListeners.delete(listener);
  }

  /**
   * Writes what is still waiting, then closes the database. While writes fail
   * it keeps retrying (the changes exist nowhere else on the device); only
   * without any IndexedDB at all does it give up at once.
   */
  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.doc.off('update', this.#onUpdate);
    await this.whenLoaded;
    if (this.#db !== null || this.#problem === null) await this.whenStored();
    this.#destroyed = true;
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#channel?.close();
    this.#db?.close();
    this.#db = null;
    for (const resolve of this.#drained.splice(0)) resolve();
  }

  async #load(): Promise<void> {
    let db: IDBDatabase;
    try {
      db = await openDatabase(this.name);
    } catch (error) {
      this.#setProblem(problemKind(error));
      return;
    }
    if (this.#destroyed) {
      db.close();
      return;
    }
    this.#db = db;
    const tx = db.transaction([UPDATES], 'readonly');
    const [stored, keys] = await Promise.all([
      requestResult(tx.objectStore(UPDATES).getAll()),
      requestResult(tx.objectStore(UPDATES).getAllKeys()),
    ]);
    // Yjs encodes a transaction's changes again as one update whenever anyone listens to
    // 'update'; for the whole stored document that costs as much as decoding it (a quarter
    // of opening a cycle of 5,000 events). This store is the only listener while it loads
    // (the provider starts after, and other readers follow 'afterTransaction'), and would
    // ignore its own origin anyway, so it steps aside for the one synchronous transaction.
    this.doc.off('update', this.#onUpdate);
    try {
      Y.transact(
        this.doc,
        () => {
          for (const update of stored) {
            if (update instanceof Uint8Array) Y.applyUpdate(this.doc, update, this);
          }
        },
        this,
      );
    } finally {
      if (!this.#destroyed) this.doc.on('update', this.#onUpdate);
    }
    if (keys.length >= COMPACT_FROM) this.#compact(keys[keys.length - 1] as IDBValidKey);
    this.#flush();
  }

  /** Replaces the stored updates up to `lastKey` by the whole state, in one transaction. */
  #compact(lastKey: IDBValidKey): void {
    const db = this.#db;
    if (!db) return;
    try {
      const tx = db.transaction([UPDATES], 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(UPDATES);
      store.delete(IDBKeyRange.upperBound(lastKey));
      store.add(Y.encodeStateAsUpdate(this.doc));
      tx.commit();
    } catch {
      // Compaction only saves space; the updates stay readable as they are.
    }
  }

  /** Issues one committed write of everything waiting, in the caller's task. */
  #flush(): void {
    const db = this.#db;
    if (!db || this.#destroyed || this.#waiting.length === 0) return;
    if (this.#problem !== null && this.#retryTimer !== null) return;
    const batch = this.#waiting;
    const since = this.#waitingSince ?? performance.now();
    this.#waiting = [];
    this.#waitingSince = null;
    this.#inFlight += 1;
    const settle = (failure: unknown) => {
      this.#inFlight -= 1;
      if (failure === null) {
        measureCommit(since);
        // After the commit rather than in the edit's task: the tap or keystroke that made the
        // change paints sooner, and the other tab only ever sees what is on disk.
        for (const update of batch) this.#channel?.postMessage(update);
        this.#retryMs = RETRY_FIRST_MS;
        if (this.#problem !== null && this.#waiting.length === 0) this.#setProblem(null);
      } else {
        // Earliest first: updates are applied in any order, but keep the log tidy.
        this.#waiting = [...batch, ...this.#waiting];
        this.#waitingSince = Math.min(since, this.#waitingSince ?? since);
        this.#setProblem(problemKind(failure));
        this.#scheduleRetry();
      }
      if (this.#inFlight === 0 && this.#waiting.length === 0) {
        for (const resolve of this.#drained.splice(0)) resolve();
      }
      this.#notifySaving();
    };
    try {
      const tx = db.transaction([UPDATES], 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(UPDATES);
      for (const update of batch) store.add(update);
      tx.oncomplete = () => settle(null);
      tx.onabort = () => settle(tx.error ?? new DOMException('aborted', 'AbortError'));
      tx.commit();
    } catch (error) {
      // The browser closed the connection (storage cleared, another version): open it again.
      if (error instanceof DOMException && error.name === 'InvalidStateError') this.#db = null;
      settle(error);
    }
  }

  #scheduleRetry(): void {
    if (this.#retryTimer !== null || this.#destroyed) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      if (this.#db !== null) {
        this.#flush();
        return;
      }
      openDatabase(this.name).then(
        (db) => {
          if (this.#destroyed) return db.close();
          this.#db = db;
          this.#flush();
        },
        (error: unknown) => {
          this.#setProblem(problemKind(error));
          this.#scheduleRetry();
        },
      );
    }, this.#retryMs);
    this.#retryMs = Math.min(RETRY_MAX_MS, this.#retryMs * 2);
  }

  #setProblem(kind: string | null): void {
    this.#problem = kind === null ? null : { kind, waiting: this.#waiting.length };
    for (const listener of this.#problemListeners) listener(this.#problem);
  }
}
