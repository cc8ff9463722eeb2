import type { ServerResponse } from 'node:http';
import type { ApiErrorBody, ApiErrorCode } from '../../src/model/apiErrors.ts';

/** An HTTP-level refusal with an explicit status (405, 413, 415, 429, 400 …). */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly headers: Readonly<Record<string, string>>;
  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** The status for an error code a service gave. */
export function statusForCode(code: ApiErrorCode): number {
  switch (code) {
    case 'bad_request':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
    case 'invite_invalid':
    case 'cycle_unknown':
      return 404;
    case 'conflict':
      return 409;
    case 'invite_expired':
    case 'invite_revoked':
      return 410;
    case 'payload_too_large':
      return 413;
    case 'not_an_image':
      return 415;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
    // 507 Insufficient Storage: the server is out of room, nothing the client did wrong.
    case 'team_limit_reached':
    case 'quota_exceeded':
    case 'storage_full':
      return 507;
  }
}

// No other site may frame the app: a hidden frame could trick a facilitator into deleting a cycle.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; " +
  "style-src 'self' 'unsafe-inline'; media-src 'self' blob:; worker-src 'self'; " +
  "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** Headers every response carries. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  // For browsers that predate frame-ancestors.
  res.setHeader('X-Frame-Options', 'DENY');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (status === 204 || body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: ApiErrorCode,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body: ApiErrorBody = { error: { code, message } };
  sendJson(res, status, body, headers);
}
