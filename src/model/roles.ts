/** Member roles. Guests (a guest expert) may read but never write. */
export const ROLES = ['teacher', 'coach', 'facilitator', 'guest'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function canEdit(role: Role): boolean {
  return role !== 'guest';
}

/** Who may create invites for the team. */
export function canInvite(role: Role): boolean {
  return role !== 'guest';
}

/** Who may remove another member or revoke someone else's invite. */
export function canManageMembers(role: Role): boolean {
  return role === 'facilitator';
}
