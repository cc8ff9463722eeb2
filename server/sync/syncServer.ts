import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Extension, Hocuspocus, type WebSocketLike } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';

export type SyncServerOptions = {
  readonly extensions: Extension[];
  readonly log: (line: string) => void;
  /** Largest WebSocket message accepted, in bytes; bigger ones close the socket (1009). @default 10 MiB */
  readonly maxPayload?: number;
};

export type SyncServer = {
  readonly hocuspocus: Hocuspocus;
  /** Takes over an HTTP upgrade request for `/sync`. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every WebSocket (`force` terminates without the closing handshake). */
  closeSockets(code: number, reason: string, force?: boolean): void;
};

/**
 * Hocuspocus without its own HTTP server, fed by a crossws node adapter
 * (LIBRARY-NOTES §1 "Setup on one port").
 */
export function createSyncServer(options: SyncServerOptions): SyncServer {
  const hocuspocus = new Hocuspocus({
    name: 'leskring',
    quiet: true,
    extensions: options.extensions,
    yDocOptions: { gc: true, gcFilter: () => true },
  });
  const clients = new WeakMap<object, ReturnType<Hocuspocus['handleConnection']>>();
  const adapter = crossws({
    serverOptions: { maxPayload: options.maxPayload ?? 10 * 1024 * 1024 },
    hooks: {
      open(peer) {
        const client = hocuspocus.handleConnection(
          peer.websocket as unknown as WebSocketLike,
          peer.request as Request,
        );
        clients.set(peer, client);
      },
      message(peer, message) {
        clients.get(peer)?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        clients.get(peer)?.handleClose({ code: event.code ?? 1005, reason: event.reason ?? '' });
        clients.delete(peer);
      },
      error(peer, error) {
        options.log(`websocket error on ${peer.id}: ${String(error)}`);
      },
    },
  });
  return {
    hocuspocus,
    handleUpgrade(request, socket, head) {
      adapter.handleUpgrade(request, socket, head).catch((error: unknown) => {
        options.log(`websocket upgrade failed: ${String(error)}`);
        socket.destroy();
      });
    },
    closeSockets(code, reason, force = false) {
      adapter.closeAll(code, reason, force);
    },
  };
}
