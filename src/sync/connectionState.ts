import { isSyncDenyReason, SYNC_CLOSE, type SyncDenyReason } from '../model/apiErrors.ts';

/**
 * The app-wide sync badge: one snapshot aggregated over every open document,
 * for `useSyncExternalStore`.
 *
 * The per-document state is driven only by the provider's `status`,
 * `disconnect` (with its close code), `authenticated`, `authenticationFailed`
 * and `unsyncedChanges` events — never by `onSynced`, which does not report
 * going out of sync.
 * `reduceDocConnection` and `aggregateConnection` are pure so the rules can be
 * tested without a socket.
 */
export type ConnectionStatus =
  | 'online'
  | 'offline'
  | 'connecting'
  | 'syncing'
  | 'denied'
  /** The server refused a change of this device ({@link SyncRefusal}); it stays on the device. */
  | 'refused'
  /** The server closed the socket to slow down; the provider reconnects and sends again. */
  | 'busy'
  | 'local-only';

/**
 * Why the server closed the socket over what this device sent (SYNC_CLOSE).
 * The socket is shared, so every open document hears it, not only the one
 * whose change was refused.
 */
export type SyncRefusal =
  | 'bad-update'
  | 'update-too-large'
  | 'document-too-large'
  | 'rate-limited'
  | 'server-busy';

const REFUSAL_BY_CLOSE_CODE: ReadonlyMap<number, SyncRefusal> = new Map([
  [SYNC_CLOSE.badUpdate, 'bad-update'],
  [SYNC_CLOSE.updateTooLarge, 'update-too-large'],
  // A message over the socket's size limit is a change the server will never take either.
  [SYNC_CLOSE.messageTooBig, 'update-too-large'],
  [SYNC_CLOSE.documentTooLarge, 'document-too-large'],
  [SYNC_CLOSE.rateLimited, 'rate-limited'],
  [SYNC_CLOSE.serverBusy, 'server-busy'],
]);

/** The refusal a close code means, or null for a close that is no verdict on this device's changes. */
export function refusalOfCloseCode(code: number | undefined): SyncRefusal | null {
  return code === undefined ? null : (REFUSAL_BY_CLOSE_CODE.get(code) ?? null);
}

/** Refusals that pass by themselves: the same changes are taken once the server has room. */
export function isTransientRefusal(refusal: SyncRefusal): boolean {
  return refusal === 'rate-limited' || refusal === 'server-busy';
}

export type ConnectionSnapshot = {
  readonly status: ConnectionStatus;
  /** Local changes the server has not yet confirmed, summed over open documents. */
  readonly unsyncedChanges: number;
  /** Why the server refused a document; null unless status is 'denied' (and null when it gave no known reason). */
  readonly deniedReason: SyncDenyReason | null;
  /** Why the server refused or slowed this device; only with status 'refused' or 'busy'. */
  readonly refusal?: SyncRefusal;
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
      /**
       * The close that refused this device's changes; it stands through
       * reconnects (the provider resends the same changes) until the server
       * has taken everything.
       */
      readonly refusal: SyncRefusal | null;
      /** The server's state arrived since the socket last (re)opened. */
      readonly synced: boolean;
    };

export type DocConnectionEvent =
  | { readonly type: 'status'; readonly status: SocketStatus }
  | { readonly type: 'disconnect'; readonly code?: number }
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
    refusal: null,
    synced: false,
  };
}

/** Applies one provider event to a document's connection state. */
export function reduceDocConnection(
  state: DocConnection,
  event: DocConnectionEvent,
): DocConnection {
  if (state.kind !== 'remote') return state;
  const next = applyEvent(state, event);
  // Every reopen resends what the server lacks and counts it as one unsynced change,
  // so nothing unsynced while authenticated means the server took it all.
  if (next.refusal !== null && next.authenticated && next.unsyncedChanges === 0) {
    return { ...next, refusal: null };
  }
  return next;
}

type RemoteDocConnection = Extract<DocConnection, { kind: 'remote' }>;

function applyEvent(state: RemoteDocConnection, event: DocConnectionEvent): RemoteDocConnection {
  switch (event.type) {
    case 'status':
      // Every (re)open authenticates again; a denial stands until the server accepts.
      return { ...state, socket: event.status, authenticated: false, synced: false };
    case 'disconnect':
      return {
        ...state,
        socket: 'disconnected',
        authenticated: false,
        synced: false,
        // Other closes (network, shutdown) say nothing about whether the change is acceptable.
        refusal: refusalOfCloseCode(event.code) ?? state.refusal,
      };
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
 * user); then a refused change ('refused', it stays on the device); then,
 * while the network is up, a close to slow down ('busy'); then the best
 * connection among the remote documents; 'local-only'
 * when every open document belongs to an unregistered team; 'connecting' while
 * the only open documents are still opening (never a premature 'online'); with
 * nothing open, the browser's network flag decides between 'online' and 'offline'.
 * Changes of denied documents are not counted: they can never be delivered;
 * refused ones are, since the provider keeps offering them.
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
  let refusal: SyncRefusal | null = null;
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
    if (doc.refusal !== null && (refusal === null || isTransientRefusal(refusal))) {
      refusal = doc.refusal;
    }
    if (doc.socket === 'connected') {
      connected = true;
      if (doc.authenticated) authenticated = true;
    } else if (doc.socket === 'connecting') connecting = true;
  }
  if (denied) return { status: 'denied', unsyncedChanges, deniedReason: denied.deniedReason };
  if (refusal !== null && !isTransientRefusal(refusal)) {
    return { status: 'refused', unsyncedChanges, deniedReason: null, refusal };
  }
  if (refusal !== null && networkOnline) {
    return { status: 'busy', unsyncedChanges, deniedReason: null, refusal };
  }
  let status: ConnectionStatus;
  // The browser knows before the socket does: a socket can look open for many seconds after
  // the network went away, while nothing can reach the server.
  if (!networkOnline && remote > 0) status = 'offline';
  else if (remote === 0) {
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
    a.deniedReason === b.deniedReason &&
    a.refusal === b.refusal
  );
}

// --- the store --------------------------------------------------------------

const docs = new Map<string, DocConnection>();
const listeners = new Set<() => void>();
/** Listeners to any document's state, for per-document hooks (the badge's listeners see only aggregate changes). */
const docListeners = new Set<() => void>();
let networkOnline = readNavigatorOnline();
/** False once the sync socket's heartbeat went unanswered, until the server is heard again. */
let serverReachable = true;
let snapshot: ConnectionSnapshot = aggregateConnection(docs.values(), networkOnline);

function readNavigatorOnline(): boolean {
  const nav = globalThis.navigator as Navigator | undefined;
  return typeof nav?.onLine === 'boolean' ? nav.onLine : true;
}

function recompute(): void {
  for (const listener of [...docListeners]) listener();
  // An unanswered heartbeat is the same news as the browser's `offline`, learnt the hard way.
  const next = aggregateConnection(docs.values(), networkOnline && serverReachable);
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

/** Sets (or, with null, forgets) the state of one open document. Used by DocSession. */
export function setDocConnection(docName: string, state: DocConnection | null): void {
  if (state === null) docs.delete(docName);
  else docs.set(docName, state);
  recompute();
}

/** Feeds one provider event of an open document. Used by DocSession. */
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

/**
 * True while an open document waits for the server to take its authentication
 * on an open socket: the server owes an answer, as it does to a heartbeat.
 */
export function awaitingAuthentication(): boolean {
  for (const doc of docs.values()) {
    if (doc.kind === 'remote' && doc.socket === 'connected' && !doc.authenticated && !doc.denied) {
      return true;
    }
  }
  return false;
}

/** Whether the server answers the sync socket's heartbeat (src/sync/heartbeat.ts). */
export function setServerReachable(reachable: boolean): void {
  if (serverReachable === reachable) return;
  serverReachable = reachable;
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
