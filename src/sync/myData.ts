import { trackContents } from '../model/coaching.ts';
import { rosterDocName, teamDocName, teamScopedDocName } from '../model/docName.ts';
import {
  MY_DATA_FORMAT,
  MY_DATA_VERSION,
  type MyCoachingTrack,
  type MyCycleData,
  type MyDataFile,
  type MyTeamData,
  myActivities,
  myCycleData,
  myHoursByHand,
} from '../model/myData.ts';
import { readManualHours } from '../model/plgSettings.ts';
import { readDeletedCycleIds } from '../model/roster.ts';
import { readCycleSummaries } from '../model/teamDoc.ts';
import { readDeviceData, wipeDeviceStore } from '../store/deviceData.ts';
import { type LocalMembership, listMemberships } from '../store/memberships.ts';
import type { ApiFailure } from './api.ts';
import * as api from './api.ts';
import { ApiError } from './api.ts';
import { cachedTracks } from './coaching.ts';
import { closeAllDocs, deleteIndexedDb, LOCAL_DB_PREFIX, readDocLocally } from './docSession.ts';
import { forgetTeamOnDevice } from './teams.ts';

/**
 * A person's own data across the teams on this device (README, "My data"):
 * one file to take with them, and deleting their account everywhere.
 */

async function serverPart(membership: LocalMembership): Promise<MyTeamData['server']> {
  if (membership.status === 'pending' || !membership.token) return { missing: 'not-registered' };
  if (membership.status === 'removed') return { missing: 'removed' };
  try {
    return await api.memberData(membership.teamId, membership.token);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'network') return { missing: 'offline' };
    if (error.code === 'unauthorized') return { missing: 'removed' };
    return { missing: 'failed' };
  }
}

async function teamPart(membership: LocalMembership): Promise<MyTeamData> {
  const { teamId, memberId } = membership;
  const deleted = await readDocLocally(rosterDocName(teamId), readDeletedCycleIds);
  const { summaries, manual } = await readDocLocally(teamDocName(teamId), (doc) => ({
    summaries: readCycleSummaries(doc, deleted),
    manual: readManualHours(doc),
  }));
  const cycles: MyCycleData[] = [];
  // One cycle at a time: each is opened from IndexedDB and closed again.
  for (const summary of summaries) {
    const mine = await readDocLocally(teamScopedDocName(teamId, summary.cycleId), (doc) =>
      myCycleData(doc, summary.cycleId, memberId),
    );
    if (mine) cycles.push(mine);
  }
  const coaching: MyCoachingTrack[] = [];
  for (const info of await cachedTracks(teamId)) {
    const privateDoc = info.role === 'coach' ? info.coachDoc : null;
    // The coach's document is read while the shared one is open, since one file holds both.
    const contents = await readDocLocally(info.sharedDoc, (shared) =>
      privateDoc
        ? readDocLocally(privateDoc, (coach) => trackContents(shared, coach))
        : trackContents(shared, null),
    );
    coaching.push({
      trackId: info.trackId,
      role: info.role,
      coachId: info.coachId,
      coacheeId: info.coacheeId,
      ...contents,
    });
  }
  return {
    teamId,
    teamName: membership.teamName,
    memberId,
    displayName: membership.displayName,
    role: membership.role,
    server: await serverPart(membership),
    learningActivities: myActivities(summaries, memberId),
    hoursByHand: myHoursByHand(manual, memberId),
    cycles,
    coaching,
  };
}

/** Everything of this device's person, from this device and from the server where it answers. */
export async function collectMyData(now = new Date()): Promise<MyDataFile> {
  const memberships = await listMemberships();
  const teams: MyTeamData[] = [];
  for (const membership of memberships) teams.push(await teamPart(membership));
  return {
    format: MY_DATA_FORMAT,
    version: MY_DATA_VERSION,
    exportedAt: now.toISOString(),
    device: await readDeviceData(),
    teams,
  };
}

export type TeamDeletion = {
  readonly teamId: LocalMembership['teamId'];
  readonly teamName: string;
  /** Null when the team is done: the server forgot the member, and the device the team. */
  readonly failure: ApiFailure | null;
};

/**
 * Deletes the account in every team on this device. Per team the server
 * forgets the member's tokens, membership and name; a team the server already
 * refuses them in (removed) or never knew (created offline, not registered)
 * counts as done. Each team that is done is forgotten on this device at once;
 * when every team is done, everything the app stored on this device is
 * wiped, and the caller reloads. A team that fails (offline, the last
 * facilitator) stays as it was, so the person can fix it and try again.
 */
export async function deleteAccount(): Promise<readonly TeamDeletion[]> {
  const outcomes: TeamDeletion[] = [];
  for (const membership of await listMemberships()) {
    let failure: ApiFailure | null = null;
    if (membership.status === 'active' && membership.token) {
      try {
        await api.eraseOwnAccount(membership.teamId, membership.token);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.code !== 'unauthorized') failure = error.code;
      }
    }
    if (failure === null) await forgetTeamOnDevice(membership.teamId);
    outcomes.push({ teamId: membership.teamId, teamName: membership.teamName, failure });
  }
  if (outcomes.every((outcome) => outcome.failure === null)) await wipeDevice();
  return outcomes;
}

/** Deletes every document copy and everything else the app stored on this device. */
async function wipeDevice(): Promise<void> {
  await closeAllDocs();
  const idb = globalThis.indexedDB as IDBFactory | undefined;
  if (idb && typeof idb.databases === 'function') {
    const names = (await idb.databases()).flatMap((info) => (info.name ? [info.name] : []));
    await Promise.all(
      names.filter((name) => name.startsWith(LOCAL_DB_PREFIX)).map((name) => deleteIndexedDb(name)),
    );
  }
  await wipeDeviceStore();
}
