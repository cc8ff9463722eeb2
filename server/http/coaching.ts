import { CreateCoachingTrackRequest } from '../../src/model/api.ts';
import type { TeamId } from '../../src/model/ids.ts';
import { createTrack, deleteTrack, leaveTrack, listTracks } from '../services/coaching.ts';
import { requireActor } from './auth.ts';
import { parseBody, readJsonBody } from './body.ts';
import type { Route } from './context.ts';

export const coachingRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/teams/:teamId/coaching-tracks',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      const { coacheeId } = parseBody(CreateCoachingTrackRequest, await readJsonBody(ctx.req));
      return { status: 201, body: await createTrack(ctx.app.deps, actor, coacheeId) };
    },
  },
  {
    method: 'GET',
    path: '/api/teams/:teamId/coaching-tracks',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      return { status: 200, body: { tracks: await listTracks(ctx.app.deps, actor) } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/teams/:teamId/coaching-tracks/:trackId',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      await deleteTrack(ctx.app.deps, actor, ctx.params.trackId ?? '');
      return { status: 204 };
    },
  },
  {
    // The coachee leaves the track; the coach keeps it.
    method: 'POST',
    path: '/api/teams/:teamId/coaching-tracks/:trackId/leave',
    async handle(ctx) {
      const actor = await requireActor(ctx, ctx.params.teamId as TeamId);
      await leaveTrack(ctx.app.deps, actor, ctx.params.trackId ?? '');
      return { status: 204 };
    },
  },
];
