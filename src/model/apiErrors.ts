/**
 * Reasons the HTTP API and the sync server give, shared by server and client so
 * the UI can map every one of them to a translated message (src/i18n).
 */
export const API_ERROR_CODES = [
  'bad_request', // malformed JSON or a body that fails its schema
  'payload_too_large', // JSON body over 1 MB, or a photo over PHOTO_MAX_BYTES
  'unauthorized', // missing, unknown or revoked token
  'forbidden', // a member without the right role, or another team's token
  'not_found',
  'conflict', // e.g. a client-chosen teamId that is already taken
  'invite_invalid', // unknown or malformed invite code
  'invite_expired',
  'invite_revoked',
  'rate_limited',
  'internal',
  'not_an_image', // a photo upload that is not a JPEG, PNG or WebP image of its declared type
  'team_limit_reached', // the server holds MAX_TEAMS teams and creates no more
  'cycle_unknown', // a photo for a cycle whose document has not reached the server (yet)
  'quota_exceeded', // the team's photos would take more than PHOTO_QUOTA_PER_TEAM_BYTES
  'storage_full', // the server's disk is full: nothing was stored, try again later
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

/** Body of every error response: `{ error: { code, message } }`. */
export type ApiErrorBody = {
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
};

/** Why the sync server refused a document (the `reason` the provider's onAuthenticationFailed gets). */
export const SYNC_DENY_REASONS = [
  'token-missing',
  'token-invalid', // unknown or revoked token, or a removed member
  'wrong-team', // a valid token of another team
  'bad-document-name',
  'document-deleted', // a cycle deleted by a facilitator: never served or stored again
  'document-unreadable', // the stored document is damaged and cannot be rebuilt (see the server log)
  'too-many-documents', // this member has MAX_OPEN_DOCUMENTS_PER_MEMBER documents open
  'quota-exceeded', // the team stores MAX_DOCUMENTS_PER_TEAM documents; no new one is created
  'server-busy', // the server is short of memory and loads no more documents for now
  'not-in-track', // a coaching track's document the member is not a party to (or no longer)
] as const;
export type SyncDenyReason = (typeof SYNC_DENY_REASONS)[number];

export function isSyncDenyReason(value: unknown): value is SyncDenyReason {
  return typeof value === 'string' && (SYNC_DENY_REASONS as readonly string[]).includes(value);
}

/** WebSocket close code the server uses when it drops a removed member's socket. */
export const CLOSE_REVOKED = 4403;

/**
 * Every WebSocket close code of the sync server (README "Close codes"). The
 * provider reconnects after each; what it resends is judged again.
 */
export const SYNC_CLOSE = {
  /** The server is going down (graceful shutdown). */
  shutdown: 1001,
  /** A message larger than the socket accepts (SYNC_MAX_MESSAGE_BYTES). */
  messageTooBig: 1009,
  /** An update could not be stored (disk full): not acknowledged, resend later. */
  storageUnavailable: 1011,
  /** The server is short of memory and takes no growth for now. */
  serverBusy: 1013,
  /** Role changed: reconnect to get the new rights. */
  reconnect: 4205,
  /** An update that is not a well-formed Yjs update or would break the document. */
  badUpdate: 4400,
  /** The member was removed from the team. */
  revoked: CLOSE_REVOKED,
  /** The document was deleted. */
  documentDeleted: 4410,
  /** An update over the size, struct, type or nesting limits. */
  updateTooLarge: 4413,
  /** Too many messages from this socket or member (SYNC_SOCKET_RATE, SYNC_MEMBER_RATE). */
  rateLimited: 4429,
  /** The document would grow beyond MAX_DOCUMENT_BYTES. */
  documentTooLarge: 4507,
} as const;

/** Why an imported file (a kijkwijzer as JSON, templateJson.ts) was refused; the UI translates each. */
export const IMPORT_ERROR_REASONS = [
  'not-json', // the file is not JSON text
  'wrong-format', // JSON, but not a Leskring kijkwijzer file
  'unsupported-version', // a kijkwijzer file of a format version this app does not know
  'invalid-field', // a field is missing or breaks a rule; `path` says which
  'too-large', // over 1 MB
] as const;
export type ImportErrorReason = (typeof IMPORT_ERROR_REASONS)[number];

export function isImportErrorReason(value: unknown): value is ImportErrorReason {
  return typeof value === 'string' && (IMPORT_ERROR_REASONS as readonly string[]).includes(value);
}
