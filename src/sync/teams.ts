import * as v from 'valibot';
import { displayNameSchema, teamNameSchema } from '../model/api.ts';
import { rosterDocName, teamDocName } from '../model/docName.ts';
import {
  newId,
  newMemberId,
  newTeamId,
  parseMemberId,
  parseTeamId,
  type TeamId,
} from '../model/ids.ts';
import { parseInviteInput } from '../model/inviteCode.ts';
import { initTeamDoc, readTeam } from '../model/teamDoc.ts';
import { deleteLocalInvitesOfTeam } from '../store/localInvites.ts';
import {
  deleteMembership,
  getMembership,
  type LocalMembership,
  listMemberships,
  putMembership,
  updateMembership,
} from '../store/memberships.ts';
import { forgetTeamPhotos } from '../store/photos.ts';
import * as api from './api.ts';
import { ApiError, isTransientApiFailure } from './api.ts';
import { backgroundRetry } from './backgroundRetry.ts';
import {
  closeTeamDocs,
  connectTeamDocs,
  deleteIndexedDb,
  editDocLocally,
  localDbName,
  readDocLocally,
} from './docSession.ts';

/**
 * The team lifecycle on this device: create a team even offline and register it
 * when the server is reachable, join with an invite code, leave. Memberships
 * and tokens live in Dexie (src/store); the team document lives in y-indexeddb
 * and syncs through its DocSession.
 */

/** Interval between registration attempts while a team is pending, in milliseconds. */
export const REGISTRATION_RETRY_MS = 20_000;

function parseOrThrow<T>(schema: v.GenericSchema<unknown, T>, value: unknown, what: string): T {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new ApiError('bad_request', null, `invalid ${what}`);
  return result.output;
}

/**
 * Creates a team on this device, online or not: a new team id, member id and
 * creator key; the team document (its name) stored in IndexedDB before this
 * resolves; a 'pending' membership. Registration with the server then starts
 * in the background; the server writes the roster (self as facilitator), and
 * until it arrives the team page shows this membership as the only member.
 * Throws ApiError('bad_request') for an empty or too long name.
 */
export async function createTeamLocally(input: {
  name: string;
  displayName: string;
}): Promise<LocalMembership> {
  const name = parseOrThrow(teamNameSchema, input.name, 'team name');
  const displayName = parseOrThrow(displayNameSchema, input.displayName, 'display name');
  const now = new Date().toISOString();
  const membership: LocalMembership = {
    teamId: newTeamId(),
    memberId: newMemberId(),
    displayName,
    role: 'facilitator',
    teamName: name,
    token: null,
    creatorKey: newId() + newId(),
    status: 'pending',
    createdAt: now,
    lastOpenedAt: null,
    registrationError: null,
  };
  await editDocLocally(teamDocName(membership.teamId), (doc) =>
    initTeamDoc(doc, { name, createdAt: now }),
  );
  await putMembership(membership);
  void registerPendingTeams().catch(() => {});
  return membership;
}

const registration = backgroundRetry({
  pass: () => registrationPass(),
  hasWork: async () => (await listMemberships()).some(isRetryable),
  intervalMs: REGISTRATION_RETRY_MS,
});

/**
 * Registers every pending team with the server (POST /api/teams with the ids
 * and creator key chosen offline, so a retry is idempotent). On success the
 * membership gets its token and becomes 'active' and open documents connect;
 * network and server trouble leave it pending for the next attempt; a
 * definitive refusal (e.g. 'conflict') is stored as `registrationError`.
 * Concurrent calls share one pass (plus one more if a call arrived meanwhile).
 */
export function registerPendingTeams(): Promise<void> {
  return registration.run();
}

function isRetryable(m: LocalMembership): boolean {
  return m.status === 'pending' && (m.registrationError ?? null) === null;
}

async function registrationPass(): Promise<void> {
  const pending = (await listMemberships()).filter(isRetryable);
  for (const membership of pending) {
    if (membership.creatorKey === null) continue;
    try {
      // The team may have been renamed offline; register the name it has now. The server leaves
      // the team document to the device that chose the team's id, so one that lost its copy
      // names it again here.
      const docName = await readDocLocally(
        teamDocName(membership.teamId),
        (doc) => readTeam(doc).name,
      );
      if (!docName) {
        await editDocLocally(teamDocName(membership.teamId), (doc) =>
          initTeamDoc(doc, { name: membership.teamName, createdAt: membership.createdAt }),
        );
      }
      const registered = await api.createTeam({
        name: docName || membership.teamName,
        displayName: membership.displayName,
        teamId: membership.teamId,
        memberId: membership.memberId,
        creatorKey: membership.creatorKey,
      });
      const current = await getMembership(membership.teamId);
      if (current?.status !== 'pending') continue; // left meanwhile
      await updateMembership(membership.teamId, {
        token: registered.token,
        role: registered.role,
        status: 'active',
        registrationError: null,
      });
      await connectTeamDocs(membership.teamId);
    } catch (error) {
      if (isTransientApiFailure(error)) continue;
      if (
        !(error instanceof ApiError) ||
        error.code === 'network' ||
        error.code === 'bad_response'
      ) {
        console.error('sync: registering a team failed', error);
        continue;
      }
      await updateMembership(membership.teamId, { registrationError: error.code });
    }
  }
}

/**
 * Keeps registering pending teams: now, whenever the browser comes online and
 * every {@link REGISTRATION_RETRY_MS} while something is pending. Returns the stop function.
 */
export function startRegistrationLoop(): () => void {
  return registration.start();
}

/**
 * Joins a team with an invite code (a typed code, a fragment or a whole link)
 * and stores the active membership. Rejects with ApiError (e.g.
 * 'invite_expired', 'network') and stores nothing then.
 */
export async function joinTeam(code: string, displayName: string): Promise<LocalMembership> {
  const name = parseOrThrow(displayNameSchema, displayName, 'display name');
  const joined = await api.join(parseInviteInput(code) ?? code.trim(), name);
  const teamId = parseTeamId(joined.teamId);
  const memberId = parseMemberId(joined.memberId);
  if (!teamId || !memberId) throw new ApiError('bad_response', null);
  const previous = await getMembership(teamId);
  const membership: LocalMembership = {
    teamId,
    memberId,
    displayName: joined.displayName,
    role: joined.role,
    teamName: joined.teamName,
    token: joined.token,
    creatorKey: null,
    status: 'active',
    createdAt: previous?.createdAt ?? new Date().toISOString(),
    lastOpenedAt: previous?.lastOpenedAt ?? null,
    registrationError: null,
  };
  await putMembership(membership);
  await connectTeamDocs(teamId);
  return membership;
}

/**
 * Leaves a team: asks the server to remove this member when it can be reached
 * (an unreachable server or an already removed member does not stop leaving),
 * then forgets the membership, its invites and every local document of the team.
 */
export async function leaveTeam(teamId: TeamId): Promise<void> {
  const membership = await getMembership(teamId);
  if (membership?.token && membership.status === 'active') {
    try {
      await api.removeMember(teamId, membership.token, membership.memberId);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
  await forgetTeamOnDevice(teamId);
}

/**
 * Forgets everything of a team on this device: the membership and its token,
 * the invites made here, every local document of the team, its photos, the
 * real pupil names typed for its cycles and its journal.
 */
export async function forgetTeamOnDevice(teamId: TeamId): Promise<void> {
  await closeTeamDocs(teamId);
  await deleteMembership(teamId);
  await deleteLocalInvitesOfTeam(teamId);
  const docIds = await deleteLocalTeamDocs(teamId);
  // Loaded only here: leaving is rare, and the start page should not carry them.
  const [{ forgetTeamJournal }, { deletePupilNamesOfCycle }] = await Promise.all([
    import('../store/eventJournal.ts'),
    import('../store/pupilNames.ts'),
  ]);
  await Promise.all([
    forgetTeamPhotos(teamId),
    forgetTeamJournal(teamId),
    ...docIds.map((docId) => deletePupilNamesOfCycle(docId)),
  ]);
}

/**
 * Deletes the y-indexeddb databases of the team's documents on this device
 * (the team document, the roster and the cycles); resolves with the ids of
 * the cycles it found.
 */
export async function deleteLocalTeamDocs(teamId: TeamId): Promise<string[]> {
  const idb = globalThis.indexedDB as IDBFactory | undefined;
  if (!idb) return [];
  const roster = localDbName(rosterDocName(teamId));
  // Named outright: a browser without indexedDB.databases() finds no others.
  const names = new Set([localDbName(teamDocName(teamId)), roster]);
  const prefix = localDbName(`${teamId}/`);
  if (typeof idb.databases === 'function') {
    try {
      for (const info of await idb.databases()) {
        const name = info.name;
        if (name?.startsWith(prefix)) names.add(name);
      }
    } catch {
      // Only the team document is known then.
    }
  }
  await Promise.all([...names].map(deleteIndexedDb));
  return [...names]
    .filter((name) => name.startsWith(prefix) && name !== roster)
    .map((name) => name.slice(prefix.length));
}
