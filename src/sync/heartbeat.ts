import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { HEARTBEAT_INTERVAL_MS, type HeartbeatClock, heartbeatStep } from '../model/heartbeat.ts';
import { setServerReachable } from './connectionState.ts';

/** The code the provider's own stale-socket check closes with: a socket nobody answered. */
const UNANSWERED_CLOSE_CODE = 4408;

/**
 * Watches the shared socket for a silent drop (src/model/heartbeat.ts): asks
 * through `ask` (a stateless ping on any authenticated document; false when
 * none can carry it) while the socket is quiet, and when no answer comes it
 * tells the badge the server is unreachable and drops the socket, so the
 * provider starts reconnecting instead of writing into the void. Anything
 * heard from the server, or a socket that opens, makes it reachable again.
 * Returns the stop.
 */
export function watchHeartbeat(
  socket: HocuspocusProviderWebsocket,
  ask: () => boolean,
): () => void {
  let clock: HeartbeatClock = { lastHeardAt: Date.now(), pingSentAt: null };
  const heard = () => {
    clock = { lastHeardAt: Date.now(), pingSentAt: null };
    setServerReachable(true);
  };
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') heard();
  };
  socket.on('message', heard);
  socket.on('status', onStatus);
  const timer = setInterval(() => {
    if (socket.status !== 'connected') return;
    const now = Date.now();
    const step = heartbeatStep(clock, now);
    if (step === 'ping') {
      if (ask()) clock = { ...clock, pingSentAt: now };
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
