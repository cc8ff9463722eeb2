import * as Y from 'yjs';
import { authMessage, updateMessage } from '../../test/integration/syncWire.ts';

/**
 * A hostile member for the flood benchmark (run in its own process by
 * bench/flooderProcess.ts, so its sending does not slow the measuring one): sends tiny Yjs updates at a fixed
 * rate over a raw WebSocket (no provider, no backoff), and reconnects at once
 * whenever the server closes the socket, as a determined attacker would.
 */
export type Flooder = {
  /** Stops sending and closes the socket; resolves with what happened. */
  stop(): Promise<{ sent: number; closes: Map<number, number> }>;
};

export function startFlooder(options: {
  syncUrl: string;
  documentName: string;
  token: string;
  perSecond: number;
}): Flooder {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  let next = 0;
  let sent = 0;
  let stopped = false;
  const closes = new Map<number, number>();
  let socket: WebSocket | null = null;

  const auth = authMessage(options.documentName, options.token);

  function connect(): void {
    if (stopped) return;
    const ws = new WebSocket(options.syncUrl);
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('open', () => ws.send(auth));
    ws.addEventListener('close', (event) => {
      closes.set(event.code, (closes.get(event.code) ?? 0) + 1);
      if (socket === ws) socket = null;
      connect();
    });
    socket = ws;
  }

  function nextUpdate(): Uint8Array<ArrayBuffer> {
    if (next >= updates.length) {
      for (let i = 0; i < 1_000; i++) source.getArray('flood').push([next + i]);
    }
    return updateMessage(options.documentName, updates[next++] as Uint8Array);
  }

  const tickMs = 10;
  const perTick = Math.max(1, Math.round((options.perSecond * tickMs) / 1000));
  const timer = setInterval(() => {
    const ws = socket;
    if (ws === null || ws.readyState !== WebSocket.OPEN) return;
    for (let i = 0; i < perTick; i++) {
      ws.send(nextUpdate());
      sent += 1;
    }
  }, tickMs);
  connect();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      socket?.close();
      return { sent, closes };
    },
  };
}
