import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ModelContext } from '../model/cycleTypes.ts';
import { isRosterDocName, parseDocName } from '../model/docName.ts';
import { type DocKind, docKindOf, documentExists } from '../model/documentKinds.ts';
import { HEARTBEAT_PING } from '../model/heartbeat.ts';
import { newId, type TeamId } from '../model/ids.ts';
import { DOCUMENT_DELETED_REASON } from '../model/roster.ts';
import { replayJournal } from '../store/eventJournal.ts';
import { getMembership, updateMembership } from '../store/memberships.ts';
import {
  type DocConnection,
  dispatchDocConnection,
  isServerSynced,
  remoteDocConnection,
  type SocketStatus,
  setDocConnection,
  subscribeDocConnections,
} from './connectionState.ts';
import { watchHeartbeat } from './heartbeat.ts';
import { LocalDocStore } from './localDocStore.ts';
import {
  AWARENESS_USER_FIELD,
  type AwarenessUser,
  colorForMember,
  trackAwareness,
} from './presence.ts';
import { syncUrl } from './serverUrl.ts';
import { reportStorageProblem } from './storageProblems.ts';

/**
 * The one way into a document. A DocSession owns, for one document name, the
 * live Y.Doc and everything around it: its copy on this device (LocalDocStore,
 * IndexedDB `y:<name>`, every change committed in the task that made it), the
 * Hocuspocus provider on one shared socket (only if this device holds a token
 * for the team), replay of observation events an older version journalled,
 * the ready / missing / deleted status, presence, this device's undo origin,
 * and purging the document once the server deleted it.
 *
 * Screens read `doc` and write only through {@link DocSession.change}, whose
 * promise resolves once the edit is committed on this device; `state.save`
 * says the same for edits made by text bindings. They never see the provider,
 * Dexie or IndexedDB.
 */

/**
 * loading: the stored copy is opening, or it is empty while the server may still send it;
 * ready: the document has content; missing: nothing came from this device nor the server;
 * deleted: the server deleted it (it refused the document as deleted, or it was purged here).
 */
export type SessionStatus = 'loading' | 'ready' | 'missing' | 'deleted';

/** Whether every change made on this device is committed to IndexedDB. */
export type SaveState = 'saved' | 'saving' | 'failed';

export type SessionState = {
  readonly status: SessionStatus;
  readonly save: SaveState;
  /** The provider's awareness (for collaborative carets); null while not connected. */
  readonly awareness: Awareness | null;
};

/** How long a released document stays open for a quick re-acquire (React StrictMode, route changes). */
export const RELEASE_LINGER_MS = 1_500;
/** How long an empty document may wait for the server before it counts as missing. */
export const MISSING_AFTER_MS = 6_000;
export const LOCAL_DB_PREFIX = 'y:';

export function localDbName(docName: string): string {
  return LOCAL_DB_PREFIX + docName;
}

/** Edits put back from an older version's observation journal: nobody's edit, so no undo. */
const JOURNAL_ORIGIN = { kind: 'journal' };

let socket: HocuspocusProviderWebsocket | null = null;
let stopHeartbeat: (() => void) | null = null;
const sessions = new Map<string, DocSession>();
/** Documents known deleted in this page's life: never opened, stored or synced again. */
const deletedNames = new Set<string>();

function sharedSocket(): HocuspocusProviderWebsocket {
  if (socket) return socket;
  socket = new HocuspocusProviderWebsocket({ url: syncUrl() });
  stopHeartbeat = watchHeartbeat(socket, () => {
    for (const session of sessions.values()) if (session.askHeartbeat()) return true;
    return false;
  });
  return socket;
}

// The socket backs off up to 30 s between attempts and ignores the browser's
// `online` event: reconnect at once when the network comes back.
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    if (socket && socket.status !== 'connected') void socket.connect();
  });
}

function releaseSocketIfUnused(): void {
  if (!socket) return;
  for (const session of sessions.values()) if (session.connected) return;
  stopHeartbeat?.();
  stopHeartbeat = null;
  socket.destroy();
  socket = null;
}

export class DocSession {
  readonly name: string;
  readonly kind: DocKind;
  readonly teamId: TeamId;
  readonly doc = new Y.Doc();
  /** Transaction origin of every edit made on this device (per-user undo tracks exactly this). */
  readonly origin: object;
  readonly ctx: ModelContext;
  /** Resolves once the copy stored on this device is applied to `doc`. */
  readonly whenLoaded: Promise<void>;

  #store: LocalDocStore | null;
  #provider: HocuspocusProvider | null = null;
  #refs = 0;
  /**
   * False while only local reads and writes hold it (editDocLocally,
   * readDocLocally): they never start a provider, because closing one right
   * after it sent its authentication left the server holding a half-open
   * connection for that name on the shared socket, and the next provider for
   * the same document then never finished its first sync.
   */
  #wantsSync = false;
  #closed = false;
  #loaded = false;
  #deleted: boolean;
  #gaveUp = false;
  #lingerTimer: ReturnType<typeof setTimeout> | null = null;
  #missingTimer: ReturnType<typeof setTimeout> | null = null;
  /** Serializes connect/disconnect work so two calls never create two providers. */
  #queue: Promise<void>;
  #listeners = new Set<() => void>();
  #state: SessionState;
  #stops: Array<() => void> = [];

  constructor(name: string, teamId: TeamId) {
    this.name = name;
    this.teamId = teamId;
    this.kind = docKindOf(name);
    this.origin = { kind: 'user', doc: name };
    this.ctx = { now: () => new Date().toISOString(), newId, origin: this.origin };
    this.#deleted = deletedNames.has(name);
    if (this.#deleted) {
      this.#store = null;
      this.whenLoaded = Promise.resolve();
    } else {
      const store = new LocalDocStore(localDbName(name), this.doc);
      this.#store = store;
      this.#stops.push(store.onProblem((problem) => reportStorageProblem(name, problem)));
      this.#stops.push(store.onSavingChange(() => this.#refresh()));
      this.whenLoaded = store.whenLoaded.then(() => this.#onLoaded());
    }
    this.#queue = this.whenLoaded;
    this.#state = this.#readState();
  }

  /**
   * Applies `edit` now, in one transaction, and resolves with its result once
   * the change is committed on this device. The transaction's origin is this
   * device's undo origin unless `origin` names another (edits nobody should
   * undo: repairs, summaries, restored events). Rejects on a closed or deleted
   * document, changing nothing.
   */
  change<T>(edit: (doc: Y.Doc, ctx: ModelContext) => T, origin: object = this.origin): Promise<T> {
    if (this.#closed || this.#deleted) {
      return Promise.reject(new Error(`the document ${this.name} is closed`));
    }
    const ctx = origin === this.origin ? this.ctx : { ...this.ctx, origin };
    let result!: T;
    this.doc.transact(() => {
      result = edit(this.doc, ctx);
    }, origin);
    return this.whenStored().then(() => result);
  }

  /** Resolves once every change made to the document so far is committed on this device. */
  async whenStored(): Promise<void> {
    const store = this.#store;
    if (!store) return;
    await store.whenLoaded;
    await store.whenStored();
  }

  get state(): SessionState {
    return this.#state;
  }

  /** Calls `listener` whenever {@link state} changes; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether a provider is attached (internal: the shared socket stays while one is). */
  get connected(): boolean {
    return this.#provider !== null;
  }

  /** Sends the socket's heartbeat question over this document's connection, if it is authenticated. */
  askHeartbeat(): boolean {
    if (!this.#provider?.isAuthenticated) return false;
    this.#provider.sendStateless(HEARTBEAT_PING);
    return true;
  }

  get closed(): boolean {
    return this.#closed;
  }

  // ── life cycle (used by the functions below) ─────────────────────────────

  retain(sync: boolean): void {
    this.#refs++;
    if (this.#lingerTimer !== null) {
      clearTimeout(this.#lingerTimer);
      this.#lingerTimer = null;
    }
    if (sync && !this.#wantsSync && !this.#deleted) this.#startSync();
  }

  release(): void {
    if (this.#refs === 0) return;
    this.#refs--;
    if (this.#refs > 0) return;
    const timer = setTimeout(() => {
      this.#lingerTimer = null;
      if (this.#refs === 0) void this.close();
    }, RELEASE_LINGER_MS);
    (timer as { unref?: () => void }).unref?.();
    this.#lingerTimer = timer;
  }

  get unused(): boolean {
    return this.#refs === 0;
  }

  /** Reconnects with the token now stored for the team (after registration or re-joining). */
  reconnect(): Promise<void> {
    if (this.#closed || !this.#wantsSync) return Promise.resolve();
    return this.#enqueue(async () => {
      this.#disconnect({ kind: 'opening' });
      await this.#connect();
    });
  }

  /** Writes what is still waiting, drops the provider and closes the document. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#lingerTimer !== null) clearTimeout(this.#lingerTimer);
    if (this.#missingTimer !== null) clearTimeout(this.#missingTimer);
    this.#lingerTimer = null;
    if (sessions.get(this.name) === this) sessions.delete(this.name);
    this.#disconnect(null);
    for (const stop of this.#stops.splice(0)) stop();
    try {
      await this.#store?.destroy();
      reportStorageProblem(this.name, null);
    } finally {
      this.doc.destroy();
    }
  }

  /** The server deleted this document: stop syncing and storing it, and say so. */
  markDeleted(): void {
    deletedNames.add(this.name);
    if (this.#deleted) return;
    this.#deleted = true;
    void this.#enqueue(async () => this.#disconnect(null));
    this.#refresh();
  }

  // ── internals ────────────────────────────────────────────────────────────

  #readState(): SessionState {
    const store = this.#store;
    const save: SaveState =
      store?.problem !== null && store?.problem !== undefined
        ? 'failed'
        : store?.saving
          ? 'saving'
          : 'saved';
    const status = this.#status();
    const awareness = this.#provider?.awareness ?? null;
    const current = this.#state as SessionState | undefined;
    if (current?.status === status && current.save === save && current.awareness === awareness) {
      return current;
    }
    return { status, save, awareness };
  }

  #status(): SessionStatus {
    if (this.#deleted) return 'deleted';
    if (!this.#loaded) return 'loading';
    if (documentExists(this.kind, this.doc)) return 'ready';
    if (this.#gaveUp || isServerSynced(this.name)) return 'missing';
    return 'loading';
  }

  #refresh(): void {
    const next = this.#readState();
    if (next === this.#state) return;
    this.#state = next;
    for (const listener of [...this.#listeners]) listener();
  }

  async #onLoaded(): Promise<void> {
    this.#loaded = true;
    if (this.kind === 'cycle') {
      await replayJournal(this.doc, this.name, JOURNAL_ORIGIN).catch((error: unknown) =>
        console.warn('could not replay the observation journal', error),
      );
    }
    if (!documentExists(this.kind, this.doc) && !this.#closed) {
      // Until it has content, every change and every connection event may make it ready or missing.
      // 'afterTransaction' rather than 'update', which would make Yjs encode every change.
      const onTransaction = (tr: Y.Transaction) => {
        if (tr.changed.size > 0) this.#refresh();
      };
      this.doc.on('afterTransaction', onTransaction);
      this.#stops.push(() => this.doc.off('afterTransaction', onTransaction));
      this.#stops.push(subscribeDocConnections(() => this.#refresh()));
      this.#missingTimer = setTimeout(() => {
        this.#gaveUp = true;
        this.#refresh();
      }, MISSING_AFTER_MS);
      (this.#missingTimer as { unref?: () => void }).unref?.();
    }
    this.#refresh();
  }

  #startSync(): void {
    this.#wantsSync = true;
    setDocConnection(this.name, { kind: 'opening' });
    void this.#enqueue(() => this.#connect());
  }

  #enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(() => (this.#closed ? undefined : work()));
    this.#queue = next.catch((error: unknown) => {
      console.error(`sync: could not connect ${this.name}`, error);
    });
    return this.#queue;
  }

  async #connect(): Promise<void> {
    if (this.#closed || this.#deleted || this.#provider) return;
    const membership = await getMembership(this.teamId);
    if (this.#closed || this.#deleted || this.#provider) return;
    if (!membership || membership.status === 'pending' || membership.token === null) {
      setDocConnection(this.name, { kind: 'local-only' });
      return;
    }
    if (membership.status === 'removed') {
      setDocConnection(this.name, remoteDocConnection('disconnected', 'token-invalid'));
      return;
    }

    const name = this.name;
    const teamId = this.teamId;
    const readOnlyByDesign = isRosterDocName(name);
    const ws = sharedSocket();
    const provider = new HocuspocusProvider({
      name,
      document: this.doc,
      websocketProvider: ws,
      // Changes go out in one merged message per 50 ms instead of one per change: the WebSocket
      // send leaves the task of the tap or keystroke, so its frame paints sooner (observe-tap
      // bench), and a burst of typing costs the server one update instead of dozens. The
      // provider flushes on pagehide and destroy; what a dropped connection discards is
      // exchanged again by the sync handshake on reconnect.
      flushDelay: 50,
      // Read on every (re)open, so a token stored later is picked up.
      token: async () => (await getMembership(teamId))?.token ?? '',
      onStatus: ({ status }) =>
        dispatchDocConnection(name, { type: 'status', status: status as SocketStatus }),
      onDisconnect: ({ event }) =>
        dispatchDocConnection(name, { type: 'disconnect', code: event.code }),
      onAuthenticated: () => {
        dispatchDocConnection(name, { type: 'authenticated' });
        refreshPresence(provider);
      },
      // This device never writes the roster (the server applies no update to it), so nothing of
      // it can be waiting to sync: a local copy the server lacks (say, after a server restore)
      // must not keep the badge on "syncing" or hold back app updates for good.
      onUnsyncedChanges: ({ number }) =>
        dispatchDocConnection(name, {
          type: 'unsyncedChanges',
          count: readOnlyByDesign ? 0 : number,
        }),
      onSynced: ({ state }) => {
        if (state) dispatchDocConnection(name, { type: 'synced' });
      },
      onAuthenticationFailed: ({ reason }) => {
        dispatchDocConnection(name, { type: 'authenticationFailed', reason });
        if (reason === 'token-invalid') void this.#onTokenInvalid(provider);
        if (reason === DOCUMENT_DELETED_REASON) this.markDeleted();
      },
    });
    this.#provider = provider;
    setDocConnection(name, remoteDocConnection(ws.status as SocketStatus));
    const user: AwarenessUser = {
      memberId: membership.memberId,
      name: membership.displayName,
      color: colorForMember(membership.memberId),
    };
    provider.setAwarenessField(AWARENESS_USER_FIELD, user);
    trackAwareness(name, provider.awareness);
    provider.attach();
    this.#refresh();
  }

  /** The server no longer knows this member: remember it and stop retrying this document. */
  async #onTokenInvalid(provider: HocuspocusProvider): Promise<void> {
    await updateMembership(this.teamId, { status: 'removed' }).catch(() => {});
    await this.#enqueue(async () => {
      if (this.#provider !== provider) return;
      this.#disconnect(remoteDocConnection('disconnected', 'token-invalid'));
    });
  }

  /** Drops the provider (if any) and sets the document's connection state to `next` in one step. */
  #disconnect(next: DocConnection | null): void {
    const provider = this.#provider;
    trackAwareness(this.name, null);
    setDocConnection(this.name, next);
    if (!provider) return;
    this.#provider = null;
    provider.destroy();
    releaseSocketIfUnused();
    this.#refresh();
  }
}

/**
 * Makes presence right at once after a reconnect (yjs/y-websocket#122). When a
 * socket drops, the server tombstones this client's awareness state one clock
 * tick above the last one it saw, and the provider here tombstones everyone
 * else's the same way; the states both sides then send again carry the old
 * clocks and are ignored until the 15 s awareness heartbeat ticks past them.
 * Forgetting our tombstones and ticking our own clock twice fixes both sides.
 */
function refreshPresence(provider: HocuspocusProvider): void {
  const awareness = provider.awareness;
  if (!awareness) return;
  for (const clientId of [...awareness.meta.keys()]) {
    if (!awareness.states.has(clientId)) awareness.meta.delete(clientId);
  }
  const state = awareness.getLocalState();
  if (state === null) return;
  awareness.setLocalState(state);
  awareness.setLocalState(state);
}

// ── opening and closing ──────────────────────────────────────────────────────

function acquire(docName: string, sync: boolean): DocSession {
  let session = sessions.get(docName);
  if (!session) {
    const ref = parseDocName(docName);
    if (!ref) throw new RangeError(`not a document name: ${docName}`);
    session = new DocSession(docName, ref.teamId);
    sessions.set(docName, session);
  }
  session.retain(sync);
  return session;
}

/**
 * Opens (or shares) the session for `docName`, syncing it when this device
 * holds a token for the team. Every open needs one {@link releaseSession}.
 * Throws a RangeError for a name that is not a document name.
 */
export function openSession(docName: string): DocSession {
  const session = acquire(docName, true);
  const ref = parseDocName(docName);
  if (ref?.docId === null) {
    void updateMembership(ref.teamId, { lastOpenedAt: new Date().toISOString() }).catch(() => {});
  }
  return session;
}

/** Gives back a session from {@link openSession}; the last release closes it after a short linger. */
export function releaseSession(session: DocSession): void {
  if (sessions.get(session.name) !== session) return;
  session.release();
}

/** The open session for a document name, if any (no reference taken). */
export function peekSession(docName: string): DocSession | null {
  return sessions.get(docName) ?? null;
}

async function withLocalSession<T>(
  docName: string,
  work: (session: DocSession) => Promise<T>,
): Promise<T> {
  const session = acquire(docName, false);
  try {
    await session.whenLoaded;
    return await work(session);
  } finally {
    session.release();
    if (session.unused) await session.close();
  }
}

/**
 * Applies `edit` to the document as this device's edit and resolves once the
 * result is committed on this device, whether or not the document is open
 * elsewhere in the app; it never connects to the server by itself.
 */
export function editDocLocally(
  docName: string,
  edit: (doc: Y.Doc, ctx: ModelContext) => void,
  origin?: object,
): Promise<void> {
  return withLocalSession(docName, (session) => session.change(edit, origin));
}

/** Reads the document as stored on this device, opening it briefly if it is not open. */
export function readDocLocally<T>(docName: string, read: (doc: Y.Doc) => T): Promise<T> {
  return withLocalSession(docName, async (session) => read(session.doc));
}

/**
 * (Re)connects every open document of the team with the token now stored for
 * it — after a pending team was registered or a removed member joined again.
 */
export async function connectTeamDocs(teamId: TeamId): Promise<void> {
  await Promise.all(
    [...sessions.values()].filter((s) => s.teamId === teamId).map((s) => s.reconnect()),
  );
}

/** Closes every open document of the team now, references or not (leaving a team). */
export async function closeTeamDocs(teamId: TeamId): Promise<void> {
  await Promise.all(
    [...sessions.values()].filter((s) => s.teamId === teamId).map((s) => s.close()),
  );
}

/** Closes every open document now (tests, sign-out). */
export async function closeAllDocs(): Promise<void> {
  await Promise.all([...sessions.values()].map((s) => s.close()));
}

/**
 * Deletes an IndexedDB database of this origin (a document's local copy).
 * Resolves also when another page still holds it open: the browser deletes it
 * once that page lets go.
 */
export function deleteIndexedDb(name: string): Promise<void> {
  const idb = globalThis.indexedDB as IDBFactory | undefined;
  if (!idb) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const request = idb.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}

/**
 * Removes this device's copy of a document the server deleted: the open
 * session (if any) stops syncing and storing and says 'deleted', and the
 * stored copy is deleted once no page holds it open any more.
 */
export async function purgeDoc(docName: string): Promise<void> {
  deletedNames.add(docName);
  const session = sessions.get(docName);
  if (session) {
    session.markDeleted();
    await session.close();
  }
  await deleteIndexedDb(localDbName(docName));
}

/** Forgets which documents were deleted (tests that reuse names). */
export function forgetDeletedDocs(): void {
  deletedNames.clear();
}
