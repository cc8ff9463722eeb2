import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { ServiceDeps } from '../services/deps.ts';
import type { PhotoStorage } from '../services/photos.ts';
import type { RateLimiter } from './rateLimit.ts';

/** What every request handler can reach, built once in main.ts. */
export type AppContext = {
  readonly deps: ServiceDeps;
  readonly version: string;
  /** Limits POST /api/invites/preview and POST /api/join per client address. */
  readonly joinLimiter: RateLimiter;
  /** Limits new teams (POST /api/teams) per client address. */
  readonly teamCreateLimiter: RateLimiter;
  /** Limits idempotent retries of POST /api/teams per client address and team (each issues a token). */
  readonly teamRetryLimiter: RateLimiter;
  /** How many teams the server holds at most (MAX_TEAMS). */
  readonly maxTeams: number;
  /** The address a request came from (clientAddress.ts: X-Forwarded-For only from trusted proxies). */
  readonly clientAddress: (req: IncomingMessage) => string;
  /** Where photos' bytes are stored (files under `DATA_DIR/photos`, or the database), their size limit and quota. */
  readonly photos: PhotoStorage;
  readonly log: (line: string) => void;
};

export type RequestContext = {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** Path parameters (`:teamId` …, `:hash`), already checked to be well-formed (router.ts). */
  readonly params: Readonly<Record<string, string>>;
  readonly app: AppContext;
};

/**
 * What an API handler answers; the router writes `body` as JSON, or pipes
 * `stream` (a photo's bytes) with the handler's headers as they are.
 */
export type Reply = {
  readonly status: number;
  readonly body?: unknown;
  readonly stream?: Readable;
  readonly headers?: Readonly<Record<string, string>>;
};

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Route = {
  readonly method: Method;
  /** e.g. `/api/teams/:teamId/invites/:inviteId` */
  readonly path: string;
  readonly handle: (ctx: RequestContext) => Promise<Reply> | Reply;
};
