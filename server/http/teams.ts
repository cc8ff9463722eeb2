import { CreateTeamRequest } from '../../src/model/api.ts';
import type { TeamId } from '../../src/model/ids.ts';
import { createTeam, teamExists } from '../services/teams.ts';
import { parseBody, readJsonBody } from './body.ts';
import { rateLimitKey } from './clientAddress.ts';
import type { Route } from './context.ts';
import { countAttempt } from './rateLimit.ts';

/**
 * POST /api/teams → 201 Membership, 200 on an idempotent retry, 409 for a
 * taken teamId. Anyone may call it, so new teams are limited per client
 * address (429) and in total (507 team_limit_reached). A retry for a team
 * that exists does not use the address's budget for new teams: a device
 * whose answer got lost must not pay twice. Retries are limited on their own,
 * per address and team, because each one issues a token.
 */
export const teamRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/teams',
    async handle({ req, app }) {
      const input = parseBody(CreateTeamRequest, await readJsonBody(req));
      const address = rateLimitKey(app.clientAddress(req));
      const retry =
        input.teamId !== undefined && (await teamExists(app.deps, input.teamId as TeamId));
      const limiter = retry ? app.teamRetryLimiter : app.teamCreateLimiter;
      const key = retry ? `${address} ${input.teamId}` : address;
      // Counted before the work, so parallel requests cannot all slip under the limit.
      await countAttempt(limiter, key);
      let created = false;
      try {
        const result = await createTeam(app.deps, input, { maxTeams: app.maxTeams });
        created = result.outcome === 'created';
        return { status: created ? 201 : 200, body: result.membership };
      } finally {
        // A new-team attempt that created nothing (a conflict, a full server) costs nothing.
        if (!retry && !created) await limiter.refund(key);
      }
    },
  },
];
