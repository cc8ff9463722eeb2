import { SYNC_CLOSE } from '../../src/model/apiErrors.ts';
import { DOCUMENT_DELETED_REASON } from '../../src/model/roster.ts';

/** WebSocket close code for a socket that had a deleted document open (it reconnects and is refused). */
export const CLOSE_DOCUMENT_DELETED = SYNC_CLOSE.documentDeleted;

/**
 * Thrown to refuse a deleted document. Hocuspocus hands `reason` to the
 * provider's onAuthenticationFailed, where the client recognises it and
 * purges its copy.
 */
export class DocumentDeleted extends Error {
  readonly reason = DOCUMENT_DELETED_REASON;
  constructor() {
    // An empty message keeps Hocuspocus from logging every routine refusal as an error.
    super('');
    this.name = 'DocumentDeleted';
  }
}
