import { JoinRequest, PreviewInviteRequest } from '../../src/model/api.ts';
import { normalizeInviteCode } from '../../src/model/inviteCode.ts';
import { joinWithInvite, previewInvite } from '../services/invites.ts';
import { parseBody, readJsonBody } from './body.ts';
import { rateLimitKey } from './clientAddress.ts';
import type { RequestContext, Route } from './context.ts';
import { countAttempt } from './rateLimit.ts';
import { HttpError } from './respond.ts';

/** Counts an attempt against the client's budget; 429 with Retry-After beyond it. */
async function limitAttempts(ctx: RequestContext): Promise<void> {
  await countAttempt(ctx.app.joinLimiter, rateLimitKey(ctx.app.clientAddress(ctx.req)));
}

/** A code that cannot be an invite code is a bad request (400), not an unknown one (404). */
function wellFormed(code: string): string {
  if (normalizeInviteCode(code) === null) {
    throw new HttpError(400, 'invite_invalid', 'this is not an invite code');
  }
  return code;
}

export const joinRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/invites/preview',
    async handle(ctx) {
      await limitAttempts(ctx);
      const { code } = parseBody(PreviewInviteRequest, await readJsonBody(ctx.req));
      return { status: 200, body: await previewInvite(ctx.app.deps, wellFormed(code)) };
    },
  },
  {
    method: 'POST',
    path: '/api/join',
    async handle(ctx) {
      await limitAttempts(ctx);
      const input = parseBody(JoinRequest, await readJsonBody(ctx.req));
      return {
        status: 201,
        body: await joinWithInvite(ctx.app.deps, wellFormed(input.code), input.displayName),
      };
    },
  },
];
