import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import {
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_TIMEOUT_MS,
  type HeartbeatClock,
  heartbeatStep,
} from '../model/heartbeat.ts';
import { awaitingAuthentication, setServerReachable } from './connectionState.ts';

/** The code the provider's own stale-socket check closes with: a socket nobody answered. */
const UNANSWERED_CLOSE_CODE = 4408;
/** As long as a quiet socket waits before it asks, plus the answer's time. */
const UNANSWERED_AFTER_MS = HEARTBEAT_INTERVAL_MS + HEARTBEAT_TIMEOUT_MS;

/**
 * Watches the shared socket for a silent drop (src/model/heartbeat.ts): asks
 * through `ask` (a stateless ping on any authenticated document; false when
 * none can carry it) while the socket is quiet, or counts a pending
 * authentication as the question, and when no answer comes it
 * tells the badge the server is unreachable and drops the socket, so the
 * provider starts reconnecting instead of writing into the void. A socket
 * whose opening goes unanswered as long counts as unreachable too. Anything
 * heard from the server, or a socket that opens, makes it reachable again.
 * Returns the stop.
 */
export function watchHeartbeat(
  socket: HocuspocusProviderWebsocket,
  ask: () => boolean,
): () => void {
  let clock: HeartbeatClock = { lastHeardAt: Date.now(), pingSentAt: null };
  /** When the socket started opening; null unless it is opening. */
  let openingSince: number | null = socket.status === 'connecting' ? Date.now() : null;
  const heard = () => {
    clock = { lastHeardAt: Date.now(), pingSentAt: null };
    setServerReachable(true);
  };
  const onStatus = ({ status }: { status: string }) => {
    openingSince = status === 'connecting' ? (openingSince ?? Date.now()) : null;
    if (status === 'connected') heard();
  };
  socket.on('message', heard);
  socket.on('status', onStatus);
  const timer = setInterval(() => {
    const now = Date.now();
    // A socket that cannot even open (its handshake goes unanswered) is as good as offline.
    if (openingSince !== null && now - openingSince >= UNANSWERED_AFTER_MS) {
      setServerReachable(false);
    }
    if (socket.status !== 'connected') return;
    const step = heartbeatStep(clock, now);
    if (step === 'ping') {
      // A document still authenticating is a question the server owes an answer to as well:
      // a socket that opened just before the network went silent must not wait for ever.
      if (ask() || awaitingAuthentication()) clock = { ...clock, pingSentAt: now };
    } else if (step === 'unreachable') {
      clock = { lastHeardAt: now, pingSentAt: null };
      setServerReachable(false);
      socket.onClose({
        event: new CloseEvent('close', { code: UNANSWERED_CLOSE_CODE, reason: 'heartbeat' }),
      });
    }
  }, HEARTBEAT_INTERVAL_MS / 4);
  return () => {
    clearInterval(timer);
    socket.off('message', heard);
    socket.off('status', onStatus);
    setServerReachable(true);
  };
}
