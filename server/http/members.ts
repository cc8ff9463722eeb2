import { UpdateMemberRequest } from '../../src/model/api.ts';
import type { MemberId, TeamId } from '../../src/model/ids.ts';
import { removeMember, updateMember } from '../services/members.ts';
import { requireActor } from './auth.ts';
import { parseBody, readJsonBody } from './body.ts';
import type { Route } from './context.ts';

export const memberRoutes: Route[] = [
  {
    method: 'PATCH',
    path: '/api/teams/:teamId/members/:memberId',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      const patch = parseBody(UpdateMemberRequest, await readJsonBody(ctx.req));
      const member = await updateMember(
        ctx.app.deps,
        actor,
        ctx.params.memberId as MemberId,
        patch,
      );
      return { status: 200, body: member };
    },
  },
  {
    method: 'DELETE',
    path: '/api/teams/:teamId/members/:memberId',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      await removeMember(ctx.app.deps, actor, ctx.params.memberId as MemberId);
      return { status: 204 };
    },
  },
];
