import { isSyncDenyReason, type SyncDenyReason } from '../model/apiErrors.ts';

/**
 * The app-wide sync badge (DESIGN §3 sync, LIBRARY-NOTES §2): one snapshot
 * aggregated over every open document, for `useSyncExternalStore`.
 *
 * The per-document state is driven only by the provider's `status`,
 * `disconnect`, `authenticated`, `authenticationFailed` and `unsyncedChanges`
 * events — never by `onSynced`, which does not report going out of sync.
 * `reduceDocConnection` and `aggregateConnection` are pure so the rules can be
 * tested without a socket.
 */
export type ConnectionStatus =
  | 'online'
  | 'offline'
  | 'connecting'
  | 'syncing'
  | 'denied'
  | 'local-only';

export type ConnectionSnapshot = {
  readonly status: ConnectionStatus;
  /** Local changes the server has not yet confirmed, summed over open documents (LIBRARY-NOTES §2). */
  readonly unsyncedChanges: number;
  /** Why the server refused a document; null unless status is 'denied' (and null when it gave no known reason). */
  readonly deniedReason: SyncDenyReason | null;
};

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

/** What one open document knows about its connection. */
export type DocConnection =
  /** Just opened: the stored state or the membership is still being read. */
  | { readonly kind: 'opening' }
  /** A document of a team not yet registered with the server: it lives on this device only. */
  | { readonly kind: 'local-only' }
  | {
      readonly kind: 'remote';
      readonly socket: SocketStatus;
      readonly authenticated: boolean;
      readonly denied: boolean;
      readonly deniedReason: SyncDenyReason | null;
      readonly unsyncedChanges: number;
      /** The server's state arrived since the socket last (re)opened. */
      readonly synced: boolean;
    };

export type DocConnectionEvent =
  | { readonly type: 'status'; readonly status: SocketStatus }
  | { readonly type: 'disconnect' }
  | { readonly type: 'authenticated' }
  | { readonly type: 'authenticationFailed'; readonly reason: string }
  | { readonly type: 'unsyncedChanges'; readonly count: number }
  | { readonly type: 'synced' };

export function remoteDocConnection(
  socket: SocketStatus,
  deniedReason: SyncDenyReason | null = null,
  denied = deniedReason !== null,
): DocConnection {
  return {
    kind: 'remote',
    socket,
    authenticated: false,
    denied,
    deniedReason,
    unsyncedChanges: 0,
    synced: false,
  };
}

/** Applies one provider event to a document's connection state. */
export function reduceDocConnection(
  state: DocConnection,
  event: DocConnectionEvent,
): DocConnection {
  if (state.kind !== 'remote') return state;
  switch (event.type) {
    case 'status':
      // Every (re)open authenticates again; a denial stands until the server accepts.
      return { ...state, socket: event.status, authenticated: false, synced: false };
    case 'disconnect':
      return { ...state, socket: 'disconnected', authenticated: false, synced: false };
    case 'authenticated':
      return { ...state, authenticated: true, denied: false, deniedReason: null };
    case 'authenticationFailed':
      return {
        ...state,
        authenticated: false,
        denied: true,
        deniedReason: isSyncDenyReason(event.reason) ? event.reason : null,
      };
    case 'unsyncedChanges':
      return { ...state, unsyncedChanges: Math.max(0, event.count) };
    case 'synced':
      return { ...state, synced: true };
  }
}

/**
 * Aggregates the open documents into one badge. A denial wins (it needs the
 * user); then the best connection among the remote documents; 'local-only'
 * when every open document belongs to an unregistered team; 'connecting' while
 * the only open documents are still opening (never a premature 'online'); with
 * nothing open, the browser's network flag decides between 'online' and 'offline'.
 * Changes of denied documents are not counted: they can never be delivered.
 */
export function aggregateConnection(
  docs: Iterable<DocConnection>,
  networkOnline: boolean,
): ConnectionSnapshot {
  let any = false;
  let opening = false;
  let remote = 0;
  let unsyncedChanges = 0;
  let denied: { deniedReason: SyncDenyReason | null } | null = null;
  let authenticated = false;
  let connected = false;
  let connecting = false;
  for (const doc of docs) {
    if (doc.kind === 'opening') {
      opening = true;
      continue;
    }
    any = true;
    if (doc.kind === 'local-only') continue;
    // A deleted cycle is refused for good; its page says so, the badge need not.
    if (doc.denied && doc.deniedReason === 'document-deleted') continue;
    remote++;
    if (doc.denied) {
      denied ??= { deniedReason: doc.deniedReason };
      continue;
    }
    unsyncedChanges += doc.unsyncedChanges;
    if (doc.socket === 'connected') {
      connected = true;
      if (doc.authenticated) authenticated = true;
    } else if (doc.socket === 'connecting') connecting = true;
  }
  if (denied) return { status: 'denied', unsyncedChanges, deniedReason: denied.deniedReason };
  let status: ConnectionStatus;
  if (remote === 0) {
    if (any) status = 'local-only';
    else if (opening) status = networkOnline ? 'connecting' : 'offline';
    else status = networkOnline ? 'online' : 'offline';
  } else if (authenticated) status = unsyncedChanges > 0 ? 'syncing' : 'online';
  else if (connected) status = 'connecting';
  else if (connecting && networkOnline) status = 'connecting';
  else status = 'offline';
  return { status, unsyncedChanges, deniedReason: null };
}

function sameSnapshot(a: ConnectionSnapshot, b: ConnectionSnapshot): boolean {
  return (
    a.status === b.status &&
    a.unsyncedChanges === b.unsyncedChanges &&
    a.deniedReason === b.deniedReason
  );
}

// --- the store --------------------------------------------------------------

const docs = new Map<string, DocConnection>();
const listeners = new Set<() => void>();
/** Listeners to any document's state, for per-document hooks (the badge's listeners see only aggregate changes). */
const docListeners = new Set<() => void>();
let networkOnline = readNavigatorOnline();
let snapshot: ConnectionSnapshot = aggregateConnection(docs.values(), networkOnline);

function readNavigatorOnline(): boolean {
  const nav = globalThis.navigator as Navigator | undefined;
  return typeof nav?.onLine === 'boolean' ? nav.onLine : true;
}

function recompute(): void {
  for (const listener of [...docListeners]) listener();
  const next = aggregateConnection(docs.values(), networkOnline);
  if (sameSnapshot(next, snapshot)) return;
  snapshot = next;
  for (const listener of [...listeners]) listener();
}

if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
  window.addEventListener('online', () => setNetworkOnline(true));
  window.addEventListener('offline', () => setNetworkOnline(false));
}

/** Subscribes to snapshot changes (for `useSyncExternalStore`); returns the unsubscribe. */
export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The current snapshot; the same object until something visible changes. */
export function getConnectionSnapshot(): ConnectionSnapshot {
  return snapshot;
}

/** True while an open document has local changes the server has not confirmed (do not reload). */
export function hasUnsyncedChanges(): boolean {
  return snapshot.unsyncedChanges > 0;
}

/** Sets (or, with null, forgets) the state of one open document. Used by openDoc. */
export function setDocConnection(docName: string, state: DocConnection | null): void {
  if (state === null) docs.delete(docName);
  else docs.set(docName, state);
  recompute();
}

/** Feeds one provider event of an open document. Used by openDoc. */
export function dispatchDocConnection(docName: string, event: DocConnectionEvent): void {
  const state = docs.get(docName);
  if (!state) return;
  docs.set(docName, reduceDocConnection(state, event));
  recompute();
}

export function getDocConnection(docName: string): DocConnection | undefined {
  return docs.get(docName);
}

/** The browser's online/offline flag; wired to window events, settable for tests. */
export function setNetworkOnline(online: boolean): void {
  if (networkOnline === online) return;
  networkOnline = online;
  recompute();
}

export function subscribeDocConnections(listener: () => void): () => void {
  docListeners.add(listener);
  return () => {
    docListeners.delete(listener);
  };
}

/**
 * True once the document holds what the server has (or it can have no
 * colleagues' data: a team not yet registered). Repairs that create shared
 * structure wait for this, so they never compete with a colleague's copy.
 */
export function isServerSynced(docName: string): boolean {
  const state = docs.get(docName);
  return state?.kind === 'local-only' || (state?.kind === 'remote' && state.synced);
}
