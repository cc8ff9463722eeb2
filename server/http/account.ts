import type { TeamId } from '../../src/model/ids.ts';
import { eraseOwnAccount, memberData } from '../services/account.ts';
import { requireActor } from './auth.ts';
import type { Route } from './context.ts';

/** A member's own data: what the server holds about them, and deleting their account. */
export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/teams/:teamId/me',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      return { status: 200, body: await memberData(ctx.app.deps, actor) };
    },
  },
  {
    method: 'DELETE',
    path: '/api/teams/:teamId/me',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      await eraseOwnAccount(ctx.app.deps, actor);
      return { status: 204 };
    },
  },
];
