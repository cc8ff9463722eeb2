import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { isRosterDocName, parseDocName } from '../model/docName.ts';
import type { TeamId } from '../model/ids.ts';
import { getMembership, updateMembership } from '../store/memberships.ts';
import {
  type DocConnection,
  dispatchDocConnection,
  remoteDocConnection,
  type SocketStatus,
  setDocConnection,
} from './connectionState.ts';
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
 * Opening documents: one live Y.Doc per document name, reference-counted.
 * Each is kept on the device by a LocalDocStore in the IndexedDB database
 * `y:<docName>`, every change committed in the task that made it; once the
 * stored state is applied, a Hocuspocus provider is attached on one shared
 * socket — if this device holds a token for the document's team. Documents of
 * a team that is still pending (created offline) stay local until
 * {@link connectTeamDocs} is called after registration.
 */
export type DocHandle = {
  readonly name: string;
  readonly doc: Y.Doc;
  /** Resolves once the state stored on this device has been applied to `doc`. */
  readonly whenLocalReady: Promise<void>;
  /** Null while the team has no token (pending), was removed, or before the local state loaded. */
  provider: HocuspocusProvider | null;
};

/** How long a released document stays open for a quick re-acquire (React StrictMode, route changes). */
export const RELEASE_LINGER_MS = 1_500;
export const LOCAL_DB_PREFIX = 'y:';

export function localDbName(docName: string): string {
  return LOCAL_DB_PREFIX + docName;
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

type Entry = {
  readonly handle: DocHandle;
  readonly store: LocalDocStore;
  readonly teamId: TeamId;
  refs: number;
  /**
   * False while only local reads and writes hold it (editDocLocally,
   * readDocLocally): they never start a provider, because closing one right
   * after it sent its authentication left the server holding a half-open
   * connection for that name on the shared socket, and the next provider for
   * the same document then never finished its first sync.
   */
  wantsSync: boolean;
  closed: boolean;
  lingerTimer: ReturnType<typeof setTimeout> | null;
  /** Serializes connect/disconnect work so two calls never create two providers. */
  queue: Promise<void>;
};

const entries = new Map<string, Entry>();
let socket: HocuspocusProviderWebsocket | null = null;

function sharedSocket(): HocuspocusProviderWebsocket {
  socket ??= new HocuspocusProviderWebsocket({ url: syncUrl() });
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
  for (const entry of entries.values()) if (entry.handle.provider) return;
  socket.destroy();
  socket = null;
}

/**
 * Opens (or shares) the live document for `docName`. Every acquire needs one
 * {@link releaseDoc}. Throws a RangeError for a name that is not a document name.
 */
export function acquireDoc(docName: string): DocHandle {
  const handle = acquire(docName);
  const ref = parseDocName(docName);
  if (ref?.docId === null) {
    void updateMembership(ref.teamId, { lastOpenedAt: new Date().toISOString() }).catch(() => {});
  }
  return handle;
}

function acquire(docName: string, sync = true): DocHandle {
  const existing = entries.get(docName);
  if (existing) {
    existing.refs++;
    if (existing.lingerTimer !== null) {
      clearTimeout(existing.lingerTimer);
      existing.lingerTimer = null;
    }
    if (sync && !existing.wantsSync) startSync(existing);
    return existing.handle;
  }
  const ref = parseDocName(docName);
  if (!ref) throw new RangeError(`not a document name: ${docName}`);

  const doc = new Y.Doc();
  const store = new LocalDocStore(localDbName(docName), doc);
  store.onProblem((problem) => reportStorageProblem(docName, problem));
  const handle: DocHandle = {
    name: docName,
    doc,
    whenLocalReady: store.whenLoaded,
    provider: null,
  };
  const entry: Entry = {
    handle,
    store,
    teamId: ref.teamId,
    refs: 1,
    wantsSync: false,
    closed: false,
    lingerTimer: null,
    queue: handle.whenLocalReady,
  };
  entries.set(docName, entry);
  if (sync) startSync(entry);
  return handle;
}

function startSync(entry: Entry): void {
  entry.wantsSync = true;
  setDocConnection(entry.handle.name, { kind: 'opening' });
  enqueue(entry, () => connectEntry(entry));
}

/** Gives back a handle from {@link acquireDoc}; the last release closes the document after a short linger. */
export function releaseDoc(handle: DocHandle): void {
  const entry = entries.get(handle.name);
  if (!entry || entry.handle !== handle || entry.refs === 0) return;
  entry.refs--;
  if (entry.refs > 0) return;
  const timer = setTimeout(() => {
    entry.lingerTimer = null;
    if (entry.refs === 0) void closeEntry(entry);
  }, RELEASE_LINGER_MS);
  (timer as { unref?: () => void }).unref?.();
  entry.lingerTimer = timer;
}

/** The open handle for a document name, if any (no reference taken). */
export function peekDoc(docName: string): DocHandle | null {
  return entries.get(docName)?.handle ?? null;
}

/** Resolves once every change made to the document so far is committed to IndexedDB. */
export async function whenStored(handle: DocHandle): Promise<void> {
  const entry = entries.get(handle.name);
  if (!entry || entry.handle !== handle) return;
  await entry.store.whenLoaded;
  await entry.store.whenStored();
}

/**
 * Applies `edit` to the document and resolves once the result is stored on
 * this device, whether or not the document is open elsewhere in the app.
 */
export async function editDocLocally(docName: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const handle = acquire(docName, false);
  const entry = entries.get(docName);
  try {
    await handle.whenLocalReady;
    edit(handle.doc);
    await whenStored(handle);
  } finally {
    releaseDoc(handle);
    if (entry && entry.refs === 0) await closeEntry(entry);
  }
}

/** Reads the document as stored on this device, opening it briefly if it is not open. */
export async function readDocLocally<T>(docName: string, read: (doc: Y.Doc) => T): Promise<T> {
  const handle = acquire(docName, false);
  const entry = entries.get(docName);
  try {
    await handle.whenLocalReady;
    return read(handle.doc);
  } finally {
    releaseDoc(handle);
    if (entry && entry.refs === 0) await closeEntry(entry);
  }
}

/**
 * (Re)connects every open document of the team with the token now stored for
 * it — after a pending team was registered or a removed member joined again.
 */
export async function connectTeamDocs(teamId: TeamId): Promise<void> {
  const work: Promise<void>[] = [];
  for (const entry of entries.values()) {
    if (entry.teamId !== teamId || entry.closed || !entry.wantsSync) continue;
    work.push(
      enqueue(entry, async () => {
        disconnectEntry(entry, { kind: 'opening' });
        await connectEntry(entry);
      }),
    );
  }
  await Promise.all(work);
}

/** Alias used by team registration. */
export const connectPendingDocs = connectTeamDocs;

/** Closes every open document of the team now, references or not (leaving a team). */
export async function closeTeamDocs(teamId: TeamId): Promise<void> {
  await Promise.all(
    [...entries.values()].filter((e) => e.teamId === teamId).map((e) => closeEntry(e)),
  );
}

/** Closes every open document now (tests, sign-out). */
export async function closeAllDocs(): Promise<void> {
  await Promise.all([...entries.values()].map((e) => closeEntry(e)));
}

function enqueue(entry: Entry, work: () => Promise<void>): Promise<void> {
  const next = entry.queue.then(() => (entry.closed ? undefined : work()));
  entry.queue = next.catch((error: unknown) => {
    console.error(`sync: could not connect ${entry.handle.name}`, error);
  });
  return entry.queue;
}

async function connectEntry(entry: Entry): Promise<void> {
  const { handle, teamId } = entry;
  if (entry.closed || handle.provider) return;
  const membership = await getMembership(teamId);
  if (entry.closed || handle.provider) return;
  if (!membership || membership.status === 'pending' || membership.token === null) {
    setDocConnection(handle.name, { kind: 'local-only' });
    return;
  }
  if (membership.status === 'removed') {
    setDocConnection(handle.name, remoteDocConnection('disconnected', 'token-invalid'));
    return;
  }

  const name = handle.name;
  const readOnlyByDesign = isRosterDocName(name);
  const ws = sharedSocket();
  const provider = new HocuspocusProvider({
    name,
    document: handle.doc,
    websocketProvider: ws,
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
      if (reason === 'token-invalid') void onTokenInvalid(entry, provider);
    },
  });
  handle.provider = provider;
  setDocConnection(name, remoteDocConnection(ws.status as SocketStatus));
  const user: AwarenessUser = {
    memberId: membership.memberId,
    name: membership.displayName,
    color: colorForMember(membership.memberId),
  };
  provider.setAwarenessField(AWARENESS_USER_FIELD, user);
  trackAwareness(name, provider.awareness);
  provider.attach();
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

/** The server no longer knows this member: remember it and stop retrying this document. */
async function onTokenInvalid(entry: Entry, provider: HocuspocusProvider): Promise<void> {
  await updateMembership(entry.teamId, { status: 'removed' }).catch(() => {});
  await enqueue(entry, async () => {
    if (entry.handle.provider !== provider) return;
    disconnectEntry(entry, remoteDocConnection('disconnected', 'token-invalid'));
  });
}

/** Drops the provider (if any) and sets the document's connection state to `next` in one step. */
function disconnectEntry(entry: Entry, next: DocConnection | null): void {
  const provider = entry.handle.provider;
  trackAwareness(entry.handle.name, null);
  setDocConnection(entry.handle.name, next);
  if (!provider) return;
  entry.handle.provider = null;
  provider.destroy();
  releaseSocketIfUnused();
}

async function closeEntry(entry: Entry): Promise<void> {
  if (entry.closed) return;
  entry.closed = true;
  if (entry.lingerTimer !== null) clearTimeout(entry.lingerTimer);
  entry.lingerTimer = null;
  if (entries.get(entry.handle.name) === entry) entries.delete(entry.handle.name);
  disconnectEntry(entry, null);
  try {
    await entry.store.destroy();
    reportStorageProblem(entry.handle.name, null);
  } finally {
    entry.handle.doc.destroy();
  }
}
