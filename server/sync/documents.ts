import type { Hocuspocus } from '@hocuspocus/server';
import { DOCUMENT_DELETED_REASON } from '../../src/model/roster.ts';
import type { DocumentControl } from '../services/deps.ts';
import type { Persistence } from './persistence.ts';
import { CLOSE_DOCUMENT_DELETED } from './tombstones.ts';

/**
 * Drops deleted documents from the running sync server. Closing only the
 * document connection leaves the provider waiting on an open socket that never
 * re-authenticates; closing the socket makes it reconnect and meet
 * onAuthenticate, which refuses the deleted document with a reason the client
 * recognises. The member's other documents on that socket simply
 * re-authenticate.
 */
export function documentControl(hocuspocus: Hocuspocus, store: Persistence): DocumentControl {
  return {
    discard(documentName) {
      store.discard(documentName);
      const document = hocuspocus.documents.get(documentName);
      if (!document) return;
      for (const connection of document.getConnections()) {
        connection.close({ code: CLOSE_DOCUMENT_DELETED, reason: DOCUMENT_DELETED_REASON });
        connection.webSocket.close(CLOSE_DOCUMENT_DELETED, DOCUMENT_DELETED_REASON);
      }
    },
    compact: (documentName) => store.compact(documentName),
  };
}
