import { db } from './db.ts';
import { LANGUAGE_STORAGE_KEY } from './settings.ts';

/** What the Dexie database holds of one person apart from their teams: settings and invites made here. */
export type DeviceData = {
  readonly settings: Readonly<Record<string, unknown>>;
  /** Without the codes: a code lets anyone join while it is open. */
  readonly invitesMade: readonly { teamId: string; inviteId: string; expiresAt: string }[];
};

export async function readDeviceData(): Promise<DeviceData> {
  const [settings, invites] = await Promise.all([db.settings.toArray(), db.localInvites.toArray()]);
  return {
    settings: Object.fromEntries(settings.map((record) => [record.key, record.value])),
    invitesMade: invites.map(({ teamId, inviteId, expiresAt }) => ({
      teamId,
      inviteId,
      expiresAt,
    })),
  };
}

/**
 * Deletes the app's Dexie database (memberships and tokens, settings, invites,
 * real pupil names, photos, the old journal) and its localStorage entry. The
 * database stays closed afterwards instead of being created again by a late
 * write: the caller reloads the app.
 */
export async function wipeDeviceStore(): Promise<void> {
  await db.delete({ disableAutoOpen: true });
  globalThis.localStorage?.removeItem(LANGUAGE_STORAGE_KEY);
}
