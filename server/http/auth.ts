import type { TeamId } from '../../src/model/ids.ts';
import type { Actor } from '../services/deps.ts';
import { findMemberByToken } from '../services/tokens.ts';
import type { RequestContext } from './context.ts';
import { HttpError } from './respond.ts';

const BEARER = /^Bearer[ \t]+([A-Za-z0-9_\-.~+/=]+)[ \t]*$/i;

/**
 * The member behind the request's bearer token: 401 when the token is
 * missing, unknown or revoked (or the member was removed), 403 when it
 * belongs to another team than `teamId`.
 */
export async function requireActor(ctx: RequestContext, teamId: TeamId): Promise<Actor> {
  const header = ctx.req.headers.authorization;
  const challenge = { 'WWW-Authenticate': 'Bearer' };
  if (!header) throw new HttpError(401, 'unauthorized', 'a bearer token is required', challenge);
  const token = BEARER.exec(header)?.[1];
  const actor = token ? await findMemberByToken(ctx.app.deps.db, token) : null;
  if (!actor) throw new HttpError(401, 'unauthorized', 'the token is not valid', challenge);
  if (actor.teamId !== teamId)
    throw new HttpError(403, 'forbidden', 'the token is for another team');
  return actor;
}
