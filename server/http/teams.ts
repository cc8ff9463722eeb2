import { CreateTeamRequest } from '../../src/model/api.ts';
import { createTeam } from '../services/teams.ts';
import { parseBody, readJsonBody } from './body.ts';
import type { Route } from './context.ts';

/** POST /api/teams → 201 Membership, 200 on an idempotent retry, 409 for a taken teamId. */
export const teamRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/teams',
    async handle({ req, app }) {
      const input = parseBody(CreateTeamRequest, await readJsonBody(req));
      const result = await createTeam(app.deps, input);
      return { status: result.outcome === 'created' ? 201 : 200, body: result.membership };
    },
  },
];
