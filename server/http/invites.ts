import { CreateInviteRequest } from '../../src/model/api.ts';
import type { InviteId, TeamId } from '../../src/model/ids.ts';
import { createInvite, listInvites, revokeInvite } from '../services/invites.ts';
import { requireActor } from './auth.ts';
import { parseBody, readJsonBody } from './body.ts';
import type { Route } from './context.ts';

export const inviteRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/teams/:teamId/invites',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      const input = parseBody(CreateInviteRequest, await readJsonBody(ctx.req));
      return { status: 201, body: await createInvite(ctx.app.deps, actor, input) };
    },
  },
  {
    method: 'GET',
    path: '/api/teams/:teamId/invites',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      return { status: 200, body: { invites: await listInvites(ctx.app.deps, actor) } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/teams/:teamId/invites/:inviteId',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      await revokeInvite(ctx.app.deps, actor, ctx.params.inviteId as InviteId);
      return { status: 204 };
    },
  },
];
