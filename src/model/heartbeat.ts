/**
 * The sync socket's heartbeat. A network can vanish without the browser
 * noticing (an access point that stops forwarding, a tablet leaving the
 * Wi-Fi's reach): no `offline` event fires and the socket looks open for
 * minutes, so the badge would say "online" while nothing reaches the server.
 * While the socket is quiet the device asks the server a stateless `ping`
 * now and then; the server answers `pong` on the same connection. A question
 * without an answer within {@link HEARTBEAT_TIMEOUT_MS} means the server
 * cannot be reached.
 */
export const HEARTBEAT_PING = 'leskring:ping';
export const HEARTBEAT_PONG = 'leskring:pong';

/** How quiet the socket must be before the device asks. */
export const HEARTBEAT_INTERVAL_MS = 2_000;
/** How long an answer may take before the server counts as unreachable. */
export const HEARTBEAT_TIMEOUT_MS = 4_000;

export type HeartbeatClock = {
  /** When anything last arrived from the server (a message, or the socket opening). */
  readonly lastHeardAt: number;
  /** When the unanswered question went out, or null when none is out. */
  readonly pingSentAt: number | null;
};

export type HeartbeatStep = 'wait' | 'ping' | 'unreachable';

/** What to do at `now`: nothing yet, ask the server, or give up on it. */
export function heartbeatStep(clock: HeartbeatClock, now: number): HeartbeatStep {
  if (clock.pingSentAt !== null && clock.lastHeardAt < clock.pingSentAt) {
    return now - clock.pingSentAt >= HEARTBEAT_TIMEOUT_MS ? 'unreachable' : 'wait';
  }
  return now - clock.lastHeardAt >= HEARTBEAT_INTERVAL_MS ? 'ping' : 'wait';
}
