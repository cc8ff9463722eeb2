import type { Connection, Hocuspocus } from '@hocuspocus/server';
import { CLOSE_REVOKED, SYNC_CLOSE } from '../../src/model/apiErrors.ts';
import type { MemberId, TeamId } from '../../src/model/ids.ts';
import type { Role } from '../../src/model/roles.ts';
import type { ConnectionControl } from '../services/deps.ts';
import { isReadOnlyFor } from './auth.ts';

/** Close code that makes the provider reconnect (and re-authenticate) right away. */
const CLOSE_RECONNECT = SYNC_CLOSE.reconnect;

function connectionsOf(hocuspocus: Hocuspocus, teamId: TeamId, memberId: MemberId): Connection[] {
  const found: Connection[] = [];
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const context: unknown = connection.context;
      if (
        typeof context === 'object' &&
        context !== null &&
        'teamId' in context &&
        'memberId' in context &&
        context.teamId === teamId &&
        context.memberId === memberId
      ) {
        found.push(connection);
      }
    }
  }
  return found;
}

/**
 * Acts on a member's open connections, found through every loaded document
 * (Hocuspocus has no call to close one member's connections).
 * Closing the WebSocket, not only the document connection, is what makes the
 * provider reconnect and meet onAuthenticate again, which then refuses.
 */
export function connectionControl(hocuspocus: Hocuspocus): ConnectionControl {
  return {
    revoke(teamId, memberId) {
      for (const connection of connectionsOf(hocuspocus, teamId, memberId)) {
        connection.close({ code: CLOSE_REVOKED, reason: 'revoked' });
        connection.webSocket.close(CLOSE_REVOKED, 'revoked');
      }
    },
    roleChanged(teamId, memberId, role: Role) {
      for (const connection of connectionsOf(hocuspocus, teamId, memberId)) {
        // Effective at once for the next message, then a reconnect refreshes the provider's scope.
        connection.readOnly = isReadOnlyFor(connection.document.name, role);
        const context: unknown = connection.context;
        if (typeof context === 'object' && context !== null) Object.assign(context, { role });
        connection.webSocket.close(CLOSE_RECONNECT, 'role-changed');
      }
    },
    reauthenticate(teamId, memberId, documentName) {
      for (const connection of connectionsOf(hocuspocus, teamId, memberId)) {
        if (connection.document.name === documentName)
          connection.webSocket.close(CLOSE_RECONNECT, 'access-changed');
      }
    },
  };
}
