import type { ApiErrorCode } from '../../src/model/apiErrors.ts';

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
