import type { InviteId, TeamId } from '../model/ids.ts';
import type { Role } from '../model/roles.ts';
import { db } from './db.ts';

/** An invite created on this device, kept with its code so it can be shown again. */
export type LocalInvite = {
  inviteId: InviteId;
  teamId: TeamId;
  code: string;
  role: Role;
  expiresAt: string;
  singleUse: boolean;
};

/** The team's invites created here, soonest expiring first. */
export async function listLocalInvites(teamId: TeamId): Promise<LocalInvite[]> {
  const invites = await db.localInvites.where('teamId').equals(teamId).toArray();
  return invites.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}

export async function putLocalInvite(invite: LocalInvite): Promise<void> {
  await db.localInvites.put(invite);
}

export async function deleteLocalInvite(inviteId: InviteId): Promise<void> {
  await db.localInvites.delete(inviteId);
}

/** Forgets every invite of a team (used when leaving it). */
export async function deleteLocalInvitesOfTeam(teamId: TeamId): Promise<void> {
  await db.localInvites.where('teamId').equals(teamId).delete();
}
