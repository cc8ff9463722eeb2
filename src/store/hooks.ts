import { useLiveQuery } from 'dexie-react-hooks';
import type { TeamId } from '../model/ids.ts';
import { type LocalInvite, listLocalInvites } from './localInvites.ts';
import { getMembership, type LocalMembership, listMemberships } from './memberships.ts';

/** All memberships, undefined while loading. */
export function useMemberships(): LocalMembership[] | undefined {
  return useLiveQuery(() => listMemberships(), []);
}

/** One membership: undefined while loading, null when this device has none for the team (or no team is given). */
export function useMembership(teamId: TeamId | null): LocalMembership | undefined | null {
  return useLiveQuery(
    async () => (teamId === null ? null : ((await getMembership(teamId)) ?? null)),
    [teamId],
  );
}

/** Invites created on this device for the team, undefined while loading. */
export function useLocalInvites(teamId: TeamId): LocalInvite[] | undefined {
  return useLiveQuery(() => listLocalInvites(teamId), [teamId]);
}
