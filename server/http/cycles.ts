import type { CycleId } from '../../src/model/cycleTypes.ts';
import type { TeamId } from '../../src/model/ids.ts';
import { deleteCycle } from '../services/cycles.ts';
import { requireActor } from './auth.ts';
import type { Route } from './context.ts';

export const cycleRoutes: Route[] = [
  {
    // Deletes the cycle for the whole team: its document (refused from now on) and its photos.
    method: 'DELETE',
    path: '/api/teams/:teamId/cycles/:cycleId',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      await deleteCycle(ctx.app.deps, ctx.app.photos, actor, ctx.params.cycleId as CycleId);
      return { status: 204 };
    },
  },
];
