import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { SyncDenyReason } from '../../src/model/apiErrors.ts';
import { isRosterDocName, parseDocName } from '../../src/model/docName.ts';
import type { MemberId, TeamId } from '../../src/model/ids.ts';
import { canEdit, type Role } from '../../src/model/roles.ts';
import type { Database } from '../db/database.ts';
import { mayOpenTrackDocument, trackOfDocument } from '../services/coaching.ts';
import { isDocumentDeleted } from '../services/deletedDocuments.ts';
import { findMemberByToken } from '../services/tokens.ts';
import { DocumentDeleted } from './tombstones.ts';

/** What onAuthenticate puts in a connection's context. */
export type SyncContext = { memberId: MemberId; teamId: TeamId; role: Role };

/** Thrown to refuse a document; the provider's onAuthenticationFailed receives `reason`. */
export class SyncDenied extends Error {
  readonly reason: SyncDenyReason;
  constructor(reason: SyncDenyReason) {
    // An empty message keeps Hocuspocus from logging every routine refusal as an error.
    super('');
    this.name = 'SyncDenied';
    this.reason = reason;
  }
}

/**
 * Decides who may open a document: the token must belong to a current member of
 * the team named by the document (`<teamId>` or `<teamId>/<docId>`, never a
 * mere prefix). Guests get read-only connections, and everyone a read-only
 * connection to the roster ({@link isReadOnlyFor}). A deleted document is
 * refused to everyone (DocumentDeleted). A coaching track's documents only to
 * its parties (server/services/coaching.ts), never to guests.
 */
export async function authorize(
  db: Database,
  token: string,
  documentName: string,
): Promise<SyncContext> {
  const ref = parseDocName(documentName);
  if (ref === null) throw new SyncDenied('bad-document-name');
  if (token.length === 0) throw new SyncDenied('token-missing');
  const member = await findMemberByToken(db, token);
  if (member === null) throw new SyncDenied('token-invalid');
  if (member.teamId !== ref.teamId) throw new SyncDenied('wrong-team');
  // After the team check, so another team cannot learn which of our documents were deleted.
  if (ref.docId !== null && (await isDocumentDeleted(db, documentName)))
    throw new DocumentDeleted();
  const track = ref.docId === null ? null : await trackOfDocument(db, ref.teamId, ref.docId);
  if (track && !mayOpenTrackDocument(track, member)) throw new SyncDenied('not-in-track');
  return { memberId: member.memberId, teamId: member.teamId, role: member.role };
}

/**
 * Whether a member's connection to a document is read-only: always for the
 * roster, which only the server writes (src/model/roster.ts), whatever the
 * role; otherwise for roles that may not edit (guests). Hocuspocus applies no
 * update from a read-only connection.
 */
export function isReadOnlyFor(documentName: string, role: Role): boolean {
  return isRosterDocName(documentName) || !canEdit(role);
}

/**
 * `admit` runs after a member is known and may refuse too (limits). It is
 * called from here because Hocuspocus hands each onAuthenticate hook a copy
 * of the payload made before any hook ran, so a later extension never sees
 * the member this one found.
 */
export function authExtension(
  db: Database,
  admit: (context: SyncContext, payload: onAuthenticatePayload) => Promise<void> | void = () => {},
): Extension {
  return {
    extensionName: 'leskring-auth',
    async onAuthenticate(payload: onAuthenticatePayload): Promise<SyncContext> {
      const context = await authorize(db, payload.token ?? '', payload.documentName);
      await admit(context, payload);
      if (isReadOnlyFor(payload.documentName, context.role)) {
        payload.connectionConfig.readOnly = true;
      }
      return context;
    },
  };
}
