// The app's own document layer (y-indexeddb, Dexie) in Node, against the real server.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { rosterDocName } from '../../src/model/docName.ts';
import { readRoster } from '../../src/model/roster.ts';
import { db } from '../../src/store/db.ts';
import { putMembership } from '../../src/store/memberships.ts';
import { getDocConnection } from '../../src/sync/connectionState.ts';
import { closeAllDocs, openSession, releaseSession } from '../../src/sync/docSession.ts';
import { configureServer } from '../../src/sync/serverUrl.ts';
import { type Membership, startTestServer, teamWithMember, waitFor } from './helpers.ts';

function storeMembership(member: Membership) {
  return putMembership({
    teamId: member.teamId,
    memberId: member.memberId,
    displayName: member.displayName,
    role: member.role,
    teamName: member.teamName,
    token: member.token,
    creatorKey: null,
    status: 'active',
    createdAt: new Date().toISOString(),
    lastOpenedAt: null,
  });
}

describe('the roster on a device (src/sync/docSession)', () => {
  afterEach(async () => {
    await closeAllDocs();
    await db.memberships.clear();
    configureServer({});
  });

  it('arrives read-only, is kept in IndexedDB for offline use, and never counts as unsynced', async () => {
    const { url, wsUrl, stop } = await startTestServer();
    const { owner, member } = await teamWithMember(url, 'teacher');
    configureServer({ syncUrl: wsUrl, apiBase: url });
    await storeMembership(member);
    const name = rosterDocName(member.teamId);

    const session = openSession(name);
    await waitFor(() => expect(readRoster(session.doc).members).toHaveLength(2));
    await waitFor(() =>
      expect(getDocConnection(name)).toMatchObject({ kind: 'remote', authenticated: true }),
    );
    // A change this device makes (it never should) goes nowhere and is not "waiting to sync":
    // the provider counts it at once, in the transaction, and the badge's state must say 0.
    session.doc.getMap('members').set(member.memberId, { role: 'facilitator' });
    expect(getDocConnection(name)).toMatchObject({ kind: 'remote', unsyncedChanges: 0 });
    await session.whenStored();
    releaseSession(session);
    await closeAllDocs();

    // Without the server, the device still knows its team's members.
    await stop();
    const offline = openSession(name);
    await offline.whenLoaded;
    expect(readRoster(offline.doc).names.get(owner.memberId)).toBe(owner.displayName);
    releaseSession(offline);
  });
});
