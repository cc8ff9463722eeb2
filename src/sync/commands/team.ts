import { setTeamName } from '../../model/teamDoc.ts';
import type { DocSession } from '../docSession.ts';

/** Renames the team in its shared document; resolves once the new name is committed on this device. */
export function renameTeam(team: DocSession, name: string): Promise<void> {
  return team.change((doc, ctx) => setTeamName(doc, name, ctx.origin));
}
