import type { ApiErrorCode } from '../model/apiErrors.ts';
import type { MemberId, TeamId } from '../model/ids.ts';
import type { Role } from '../model/roles.ts';
import { db } from './db.ts';

export type MembershipStatus = 'pending' | 'active' | 'removed';

/** This device's membership of one team: who I am there and the token that proves it. */
export type LocalMembership = {
  teamId: TeamId;
  memberId: MemberId;
  displayName: string;
  role: Role;
  teamName: string;
  /** Null until the server registered a team created offline. */
  token: string | null;
  /** Secret for idempotent registration of a team created on this device. */
  creatorKey: string | null;
  /** pending = created offline, not yet registered; removed = the server refused the token. */
  status: MembershipStatus;
  createdAt: string;
  lastOpenedAt: string | null;
  /**
   * Why registering a pending team failed for good (e.g. 'conflict'); null or
   * absent while registration may still succeed. Transient failures never set it.
   */
  registrationError?: ApiErrorCode | null;
};

/** All memberships on this device, oldest first. */
export async function listMemberships(): Promise<LocalMembership[]> {
  const all = await db.memberships.toArray();
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function getMembership(teamId: TeamId): Promise<LocalMembership | undefined> {
  return db.memberships.get(teamId);
}

/** Stores (or replaces) a membership; resolves once the transaction committed. */
export async function putMembership(membership: LocalMembership): Promise<void> {
  await db.memberships.put(membership);
}

/** Changes fields of an existing membership; a missing membership stays missing. */
export async function updateMembership(
  teamId: TeamId,
  patch: Partial<LocalMembership>,
): Promise<void> {
  const { teamId: _ignored, ...rest } = patch;
  await db.memberships.update(teamId, rest);
}

export async function deleteMembership(teamId: TeamId): Promise<void> {
  await db.memberships.delete(teamId);
}
