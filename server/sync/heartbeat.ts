import type { Extension } from '@hocuspocus/server';
import { HEARTBEAT_PING, HEARTBEAT_PONG } from '../../src/model/heartbeat.ts';

/**
 * Answers a device's heartbeat on the connection it came from, so a device
 * whose network vanished silently finds out within seconds (see
 * src/model/heartbeat.ts). Other stateless messages are left to others.
 */
export function heartbeatExtension(): Extension {
  return {
    async onStateless({ connection, payload }) {
      if (payload === HEARTBEAT_PING) connection.sendStateless(HEARTBEAT_PONG);
    },
  };
}
