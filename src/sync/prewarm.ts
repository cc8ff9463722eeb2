import { isCycleDocId, rosterDocName, teamDocName, teamScopedDocName } from '../model/docName.ts';
import { parseTeamId } from '../model/ids.ts';
import { getMembership } from '../store/memberships.ts';
import { openSession, releaseSession } from './docSession.ts';

/** Long enough for the first screen to take its own hold; its linger covers the rest. */
const HOLD_MS = 5_000;

const TEAM_PATH = /^\/teams\/([^/]+)(?:\/cycles\/([^/?#]+))?/;

/**
 * A cold start reads one thing after another: the app's code and texts, the
 * first render, the device's memberships, then the documents the page shows.
 * Started from the address the app opens on, the last two run while the code
 * and texts are still starting, so a team or cycle page opened offline shows
 * sooner. Only documents of a team this device is a member of are opened:
 * opening one creates its database.
 */
export function prewarmDocsOf(pathname: string): void {
  const match = TEAM_PATH.exec(pathname);
  const teamId = parseTeamId(match?.[1]);
  if (teamId === null) return;
  void getMembership(teamId)
    .then((membership) => {
      if (!membership) return;
      const names = [teamDocName(teamId), rosterDocName(teamId)];
      const cycleId = match?.[2];
      if (isCycleDocId(cycleId)) names.push(teamScopedDocName(teamId, cycleId));
      const sessions = names.map(openSession);
      setTimeout(() => {
        for (const session of sessions) releaseSession(session);
      }, HOLD_MS);
    })
    .catch(() => {
      // Only a head start: the page opens what it needs itself and reports what fails.
    });
}
