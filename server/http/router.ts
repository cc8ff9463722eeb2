import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Health } from '../../src/model/api.ts';
import { isCycleDocId } from '../../src/model/docName.ts';
import { isId } from '../../src/model/ids.ts';
import { isStorageFull, ServiceError } from '../services/errors.ts';
import { isPhotoHash } from '../services/photos.ts';
import { accountRoutes } from './account.ts';
import { coachingRoutes } from './coaching.ts';
import type { AppContext, Reply, RequestContext, Route } from './context.ts';
import { cycleRoutes } from './cycles.ts';
import { inviteRoutes } from './invites.ts';
import { joinRoutes } from './join.ts';
import { memberRoutes } from './members.ts';
import { photoRoutes } from './photos.ts';
import { HttpError, sendError, sendJson, setSecurityHeaders, statusForCode } from './respond.ts';
import type { StaticFiles } from './static.ts';
import { teamRoutes } from './teams.ts';

/** The HTTP API (src/model/api.ts header comment). */
export const API_ROUTES: readonly Route[] = [
  ...teamRoutes,
  ...inviteRoutes,
  ...memberRoutes,
  ...accountRoutes,
  ...joinRoutes,
  ...photoRoutes,
  ...cycleRoutes,
  ...coachingRoutes,
];

/**
 * How a path parameter must look: `:hash` is a photo's SHA-256, `:cycleId` an
 * id other than the roster's reserved one, every other one an id.
 */
function wellFormed(name: string, value: string): boolean {
  if (name === 'hash') return isPhotoHash(value);
  if (name === 'cycleId') return isCycleDocId(value);
  return isId(value);
}

type Match = { readonly route: Route; readonly params: Record<string, string> } | 'bad-id' | null;

function splitPath(pathname: string): string[] {
  return pathname.split('/').filter((segment) => segment.length > 0);
}

const compiled = API_ROUTES.map((route) => ({ route, segments: splitPath(route.path) }));

/** Routes whose path matches, with their params; `bad-id` when a `:…Id` param is malformed. */
function matchPath(
  pathname: string,
): { params: Record<string, string>; routes: Route[] } | 'bad-id' | null {
  const segments = splitPath(pathname);
  const routes: Route[] = [];
  let params: Record<string, string> | null = null;
  let badId = false;
  for (const candidate of compiled) {
    if (candidate.segments.length !== segments.length) continue;
    const found: Record<string, string> = {};
    let ok = true;
    let malformed = false;
    candidate.segments.forEach((pattern, index) => {
      const actual = segments[index] ?? '';
      if (pattern.startsWith(':')) {
        let value: string;
        try {
          value = decodeURIComponent(actual);
        } catch {
          value = '';
        }
        const name = pattern.slice(1);
        if (!wellFormed(name, value)) malformed = true;
        found[name] = value;
      } else if (pattern !== actual) {
        ok = false;
      }
    });
    if (!ok) continue;
    if (malformed) {
      badId = true;
      continue;
    }
    routes.push(candidate.route);
    params = found;
  }
  if (routes.length > 0 && params) return { params, routes };
  return badId ? 'bad-id' : null;
}

function findRoute(method: string, pathname: string): Match | { allow: string } {
  const matched = matchPath(pathname);
  if (matched === null || matched === 'bad-id') return matched;
  const route = matched.routes.find((candidate) => candidate.method === method);
  if (!route) return { allow: [...new Set(matched.routes.map((r) => r.method))].join(', ') };
  return { route, params: matched.params };
}

async function handleApi(app: AppContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const found = findRoute(req.method ?? 'GET', url.pathname);
  if (found === null) throw new HttpError(404, 'not_found', `no such endpoint: ${url.pathname}`);
  if (found === 'bad-id') throw new HttpError(400, 'bad_request', 'malformed id in the path');
  if ('allow' in found) {
    throw new HttpError(405, 'bad_request', `method ${req.method} not allowed here`, {
      Allow: found.allow,
    });
  }
  const ctx: RequestContext = { req, res, url, params: found.params, app };
  const reply: Reply = await found.route.handle(ctx);
  if (reply.stream) {
    res.writeHead(reply.status, reply.headers);
    try {
      await pipeline(reply.stream, res);
    } catch (error) {
      // The client went away, or the stream failed after the headers were sent.
      app.log(`stream for ${req.method} ${url.pathname} ended early: ${String(error)}`);
      res.destroy();
    }
    return;
  }
  sendJson(res, reply.status, reply.body, reply.headers);
}

function handleHealth(app: AppContext, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'bad_request', `method ${req.method} not allowed here`, {
      Allow: 'GET',
    });
  }
  const body: Health = { status: 'ok', version: app.version };
  sendJson(res, 200, body);
}

/**
 * The request handler for the one HTTP server: /healthz, /api/* and the
 * static app. Bad input gets a 4xx; an unexpected exception is logged and
 * answered 500 without taking the process down.
 */
export function requestHandler(
  app: AppContext,
  files: StaticFiles,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      setSecurityHeaders(res);
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://localhost');
      } catch {
        sendError(res, 400, 'bad_request', 'malformed URL');
        return;
      }
      try {
        const { pathname } = url;
        if (pathname === '/healthz') {
          handleHealth(app, req, res);
        } else if (pathname === '/api' || pathname.startsWith('/api/')) {
          await handleApi(app, req, res, url);
        } else if (pathname === '/sync') {
          throw new HttpError(426, 'bad_request', 'this endpoint speaks WebSocket only', {
            Upgrade: 'websocket',
          });
        } else if (req.method === 'GET' || req.method === 'HEAD') {
          await files.serve(req, res, pathname);
        } else {
          throw new HttpError(405, 'bad_request', `method ${req.method} not allowed here`, {
            Allow: 'GET, HEAD',
          });
        }
      } catch (error) {
        try {
          respondToError(app, req, res, error);
        } catch (secondary) {
          app.log(`could not answer ${req.method} ${req.url}: ${String(secondary)}`);
          res.destroy();
        }
      }
    })();
  };
}

function respondToError(
  app: AppContext,
  req: IncomingMessage,
  res: ServerResponse,
  error: unknown,
) {
  if (error instanceof HttpError || error instanceof ServiceError) {
    const status = error instanceof HttpError ? error.status : statusForCode(error.code);
    const headers = error instanceof HttpError ? { ...error.headers } : {};
    // Stop reading an oversized or unread body: close once the answer is out.
    const stopReading = status === 413 || !req.complete;
    if (stopReading) headers.Connection = 'close';
    sendError(res, status, error.code, error.message, headers);
    if (stopReading) res.on('finish', () => req.destroy());
    return;
  }
  if (isStorageFull(error) && !res.headersSent) {
    // Nothing was stored (the transaction rolled back, the temporary file is gone): the
    // client can simply try again once the administrator, told by this log line, made room.
    app.log(
      `storage full on ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`,
    );
    const headers: Record<string, string> = { 'Retry-After': '60' };
    if (!req.complete) headers.Connection = 'close';
    sendError(res, 507, 'storage_full', 'the server has no room to store this', headers);
    if (!req.complete) res.on('finish', () => req.destroy());
    return;
  }
  app.log(
    `internal error on ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, 500, 'internal', 'something went wrong on the server');
}
