import type { ApiErrorCode } from '../../src/model/apiErrors.ts';
import { SQLITE_FULL } from '../db/faults.ts';

/**
 * A refusal a service gives for a reason the caller can act on; the HTTP
 * layer maps `code` to a status. Anything else thrown by a service is a bug.
 */
export class ServiceError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
}

/**
 * True for the errors a full disk gives: SQLITE_FULL (any extended code) from
 * node:sqlite, SQLSTATE 53100 (disk_full) from PostgreSQL, ENOSPC or EDQUOT
 * (a user's disk quota) from node:fs.
 */
export function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === '53100') return true;
  return typeof errcode === 'number' && (errcode & 0xff) === SQLITE_FULL;
}
