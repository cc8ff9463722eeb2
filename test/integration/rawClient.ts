import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { onCleanup } from './helpers.ts';
import { authMessage, syncStep1Message, updateMessage } from './syncWire.ts';

/**
 * A hand-driven Hocuspocus client for attacks and precise checks: it sends
 * exactly the bytes a test gives it (a provider would refuse to send a
 * corrupt update, or merge and batch them) and reports what the server
 * answers: the authentication, each sync acknowledgement and the close code.
 *
 * Wire format (Hocuspocus v4): varString(document) varUint(type) …;
 * types Sync 0 (SyncStep1 0 / SyncStep2 1 / Update 2 + varUint8Array),
 * Auth 2 (Token 0 + varString), SyncReply 4, SyncStatus 8 (varUint 1|0).
 */
export type RawClient = {
  readonly socket: WebSocket;
  /** Resolves with the close code once the socket closes. */
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Resolves once the document is authenticated, or rejects with the refusal reason. */
  readonly authenticated: Promise<'readonly' | 'read-write'>;
  /**
   * Sends a Yjs update message (Sync/Update) and resolves with the ack
   * (true/false), or 'closed' when the socket or the document connection closed.
   */
  sendUpdate(update: Uint8Array): Promise<boolean | 'closed'>;
  /** Sends raw bytes as they are. */
  sendRaw(bytes: Uint8Array<ArrayBuffer>): void;
  /** The document as the server holds it, loaded into a fresh Y.Doc (SyncStep1 with an empty state vector). */
  fetchDoc(): Promise<Y.Doc>;
  close(): void;
};

export async function rawClient(
  wsUrl: string,
  documentName: string,
  token: string,
): Promise<RawClient> {
  const socket = new WebSocket(wsUrl);
  socket.binaryType = 'arraybuffer';
  onCleanup(() => socket.close());
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.addEventListener('close', (event) =>
      resolve({ code: event.code, reason: event.reason }),
    ),
  );
  let isClosed = false;
  void closed.then(() => {
    isClosed = true;
    for (const waiter of ackWaiters.splice(0)) waiter('closed');
    for (const waiter of docWaiters.splice(0)) waiter.reject(new Error('socket closed'));
  });
  const ackWaiters: Array<(ack: boolean | 'closed') => void> = [];
  const docWaiters: Array<{ resolve: (doc: Y.Doc) => void; reject: (error: Error) => void }> = [];
  let authResolve: (scope: 'readonly' | 'read-write') => void = () => {};
  let authReject: (error: Error) => void = () => {};
  const authenticated = new Promise<'readonly' | 'read-write'>((resolve, reject) => {
    authResolve = resolve;
    authReject = reject;
  });
  authenticated.catch(() => {});

  socket.addEventListener('message', (event) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === 2) {
      const authType = decoding.readVarUint(decoder);
      const detail = decoding.readVarString(decoder);
      if (authType === 2) authResolve(detail === 'readonly' ? 'readonly' : 'read-write');
      else if (authType === 1) authReject(new Error(detail));
    } else if (type === 7) {
      // Hocuspocus dropped this document's connection but left the socket open.
      isClosed = true;
      for (const waiter of ackWaiters.splice(0)) waiter('closed');
    } else if (type === 8) {
      ackWaiters.shift()?.(decoding.readVarUint(decoder) === 1);
    } else if (type === 0 || type === 4) {
      const step = decoding.readVarUint(decoder);
      if (step === 1) {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
        docWaiters.shift()?.resolve(doc);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('socket error')), { once: true });
  });
  socket.send(authMessage(documentName, token));

  return {
    socket,
    closed,
    authenticated,
    sendUpdate(update) {
      if (isClosed) return Promise.resolve('closed');
      return new Promise((resolve) => {
        ackWaiters.push(resolve);
        socket.send(updateMessage(documentName, update));
      });
    },
    sendRaw(bytes) {
      socket.send(bytes);
    },
    fetchDoc() {
      return new Promise((resolve, reject) => {
        docWaiters.push({ resolve, reject });
        socket.send(syncStep1Message(documentName, Y.encodeStateVector(new Y.Doc())));
      });
    },
    close() {
      socket.close();
    },
  };
}

/**
 * Two updates of one note, the second building on the first: sent alone,
 * `dependent` waits in Yjs's pendingStructs until `dependency` arrives. Once
 * both are applied the note reads 'Leerling B vraagt om hulp.'.
 */
export function dependentUpdates(): { dependency: Uint8Array; dependent: Uint8Array } {
  const author = new Y.Doc();
  const updates: Uint8Array[] = [];
  author.on('update', (update: Uint8Array) => updates.push(update));
  author.getText('note').insert(0, 'Leerling B ');
  author.getText('note').insert(11, 'vraagt om hulp.');
  const [dependency, dependent] = updates as [Uint8Array, Uint8Array];
  return { dependency, dependent };
}
