import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Extension, Hocuspocus, type WebSocketLike } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import { SYNC_CLOSE } from '../../src/model/apiErrors.ts';
import { type Rate, type TokenBucket, tokenBucket } from './tokenBucket.ts';

export type SyncServerOptions = {
  readonly extensions: Extension[];
  readonly log: (line: string) => void;
  /** Largest WebSocket message accepted, in bytes; bigger ones close the socket (1009). @default 10 MiB */
  readonly maxPayload?: number;
  /** Messages one socket may send; beyond, it is closed with 4429. @default 100/s, burst 1000 */
  readonly socketRate?: Rate;
  /**
   * Whether an upgrade may go ahead (per-address connection limits). Called
   * with the upgrade request; false answers 429. @default always
   */
  readonly admit?: (request: IncomingMessage) => boolean | Promise<boolean>;
};

export type SyncServer = {
  readonly hocuspocus: Hocuspocus;
  /** Takes over an HTTP upgrade request for `/sync`. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
  /** Closes every WebSocket (`force` terminates without the closing handshake). */
  closeSockets(code: number, reason: string, force?: boolean): void;
};

export const DEFAULT_SOCKET_RATE: Rate = { ratePerSecond: 100, burst: 1_000 };

/** Messages handed to Hocuspocus per socket before the event loop gets a turn. */
const MESSAGES_PER_TURN = 16;

type Peer = {
  readonly client: ReturnType<Hocuspocus['handleConnection']>;
  readonly bucket: TokenBucket;
  readonly queue: Uint8Array[];
  scheduled: boolean;
  closed: boolean;
  close(code: number, reason: string): void;
};

/**
 * Hocuspocus without its own HTTP server, fed by a crossws node adapter
 * (one port for the app, the API and /sync).
 *
 * Flow control: Hocuspocus handles a socket's messages as one chain of
 * microtasks, so a member sending 10,000 updates a second would keep the
 * event loop from everyone else. Here each socket's messages wait in its own
 * queue and are handed over a few at a time, with `setImmediate` between
 * turns, so other sockets and HTTP requests get their turn; and a socket
 * that sends more than its token bucket allows is closed (4429). The
 * provider reconnects and resyncs, so an honest client loses nothing.
 */
export function createSyncServer(options: SyncServerOptions): SyncServer {
  const hocuspocus = new Hocuspocus({
    name: 'leskring',
    quiet: true,
    extensions: options.extensions,
    yDocOptions: { gc: true, gcFilter: () => true },
  });
  const socketRate = options.socketRate ?? DEFAULT_SOCKET_RATE;
  const peers = new WeakMap<object, Peer>();

  function drain(peer: Peer): void {
    peer.scheduled = false;
    if (peer.closed) return;
    for (let i = 0; i < MESSAGES_PER_TURN && peer.queue.length > 0; i++) {
      peer.client.handleMessage(peer.queue.shift() as Uint8Array);
    }
    if (peer.queue.length > 0) schedule(peer);
  }

  function schedule(peer: Peer): void {
    if (peer.scheduled) return;
    peer.scheduled = true;
    setImmediate(drain, peer);
  }

  const adapter = crossws({
    serverOptions: { maxPayload: options.maxPayload ?? 10 * 1024 * 1024 },
    hooks: {
      open(peer) {
        const client = hocuspocus.handleConnection(
          peer.websocket as unknown as WebSocketLike,
          peer.request as Request,
        );
        peers.set(peer, {
          client,
          bucket: tokenBucket(socketRate),
          queue: [],
          scheduled: false,
          closed: false,
          close: (code, reason) => peer.close(code, reason),
        });
      },
      message(peer, message) {
        const state = peers.get(peer);
        if (!state || state.closed) return;
        if (!state.bucket.take()) {
          state.closed = true;
          state.queue.length = 0;
          options.log(`closed a socket that sent more than ${socketRate.ratePerSecond} messages/s`);
          state.close(SYNC_CLOSE.rateLimited, 'rate-limited');
          return;
        }
        state.queue.push(message.uint8Array());
        schedule(state);
      },
      close(peer, event) {
        const state = peers.get(peer);
        if (!state) return;
        // What arrived before the close is handled first, as if it had never waited.
        if (!state.closed)
          for (const data of state.queue.splice(0)) state.client.handleMessage(data);
        state.closed = true;
        state.client.handleClose({ code: event.code ?? 1005, reason: event.reason ?? '' });
        peers.delete(peer);
      },
      error(peer, error) {
        options.log(`websocket error on ${peer.id}: ${String(error)}`);
      },
    },
  });
  return {
    hocuspocus,
    async handleUpgrade(request, socket, head) {
      if (options.admit && !(await options.admit(request))) {
        socket.end(
          'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 60\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
        );
        return;
      }
      await adapter.handleUpgrade(request, socket, head).catch((error: unknown) => {
        options.log(`websocket upgrade failed: ${String(error)}`);
        socket.destroy();
      });
    },
    closeSockets(code, reason, force = false) {
      adapter.closeAll(code, reason, force);
    },
  };
}
