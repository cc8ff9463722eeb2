import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYNC_CLOSE } from '../../../src/model/apiErrors.ts';
import {
  aggregateConnection,
  type DocConnection,
  type DocConnectionEvent,
  dispatchDocConnection,
  getConnectionSnapshot,
  hasUnsyncedChanges,
  isServerSynced,
  isTransientRefusal,
  reduceDocConnection,
  refusalOfCloseCode,
  remoteDocConnection,
  setDocConnection,
  setNetworkOnline,
  subscribeConnection,
  subscribeDocConnections,
} from '../../../src/sync/connectionState.ts';

function run(
  events: DocConnectionEvent[],
  start = remoteDocConnection('connecting'),
): DocConnection {
  return events.reduce(reduceDocConnection, start);
}

const connectedSynced = run([
  { type: 'status', status: 'connected' },
  { type: 'authenticated' },
  { type: 'unsyncedChanges', count: 1 },
  { type: 'unsyncedChanges', count: 0 },
]);

describe('reduceDocConnection', () => {
  it('tracks the socket, authentication and unsynced changes', () => {
    expect(connectedSynced).toEqual({
      kind: 'remote',
      socket: 'connected',
      authenticated: true,
      denied: false,
      deniedReason: null,
      unsyncedChanges: 0,
      refusal: null,
      synced: false,
    });
  });

  it('knows the server state arrived until the socket drops or reopens', () => {
    const synced = run([{ type: 'synced' }], connectedSynced);
    expect(synced).toMatchObject({ synced: true });
    expect(run([{ type: 'disconnect' }], synced)).toMatchObject({ synced: false });
    expect(run([{ type: 'status', status: 'connecting' }], synced)).toMatchObject({
      synced: false,
    });
  });

  it('drops authentication on disconnect and keeps counting offline edits', () => {
    const state = run(
      [{ type: 'disconnect' }, { type: 'unsyncedChanges', count: 3 }],
      connectedSynced,
    );
    expect(state).toMatchObject({
      socket: 'disconnected',
      authenticated: false,
      unsyncedChanges: 3,
    });
  });

  it('keeps a denial through reconnects until the server accepts', () => {
    const denied = run([
      { type: 'status', status: 'connected' },
      { type: 'authenticationFailed', reason: 'token-invalid' },
      { type: 'status', status: 'disconnected' },
      { type: 'status', status: 'connected' },
    ]);
    expect(denied).toMatchObject({ denied: true, deniedReason: 'token-invalid' });
    expect(run([{ type: 'authenticated' }], denied)).toMatchObject({
      denied: false,
      deniedReason: null,
    });
  });

  it('records an unknown denial reason as null', () => {
    expect(run([{ type: 'authenticationFailed', reason: 'permission-denied' }])).toMatchObject({
      denied: true,
      deniedReason: null,
    });
  });

  it('reads a refusal from the close code and keeps it through reconnects', () => {
    const refused = run(
      [
        { type: 'unsyncedChanges', count: 2 },
        { type: 'disconnect', code: SYNC_CLOSE.documentTooLarge },
        { type: 'status', status: 'connecting' },
        { type: 'status', status: 'connected' },
        // The provider counts what it resends on reopen as one change.
        { type: 'unsyncedChanges', count: 1 },
        { type: 'authenticated' },
        { type: 'disconnect', code: 1006 },
      ],
      connectedSynced,
    );
    expect(refused).toMatchObject({
      socket: 'disconnected',
      refusal: 'document-too-large',
      unsyncedChanges: 1,
    });
  });

  it('drops the refusal once the server has taken every change', () => {
    const refused = run(
      [
        { type: 'unsyncedChanges', count: 1 },
        { type: 'disconnect', code: SYNC_CLOSE.rateLimited },
        { type: 'status', status: 'connected' },
        { type: 'unsyncedChanges', count: 1 },
      ],
      connectedSynced,
    );
    expect(run([{ type: 'authenticated' }], refused)).toMatchObject({ refusal: 'rate-limited' });
    expect(
      run([{ type: 'authenticated' }, { type: 'unsyncedChanges', count: 0 }], refused),
    ).toMatchObject({ refusal: null, unsyncedChanges: 0 });
    // Nothing unsynced before authenticating (the roster) is not yet the server's word.
    const roster = run([{ type: 'unsyncedChanges', count: 0 }], refused);
    expect(roster).toMatchObject({ refusal: 'rate-limited' });
    expect(run([{ type: 'authenticated' }], roster)).toMatchObject({ refusal: null });
  });

  it('maps the close codes that judge this device’s changes, and only those', () => {
    expect(refusalOfCloseCode(SYNC_CLOSE.badUpdate)).toBe('bad-update');
    expect(refusalOfCloseCode(SYNC_CLOSE.updateTooLarge)).toBe('update-too-large');
    expect(refusalOfCloseCode(SYNC_CLOSE.messageTooBig)).toBe('update-too-large');
    expect(refusalOfCloseCode(SYNC_CLOSE.documentTooLarge)).toBe('document-too-large');
    expect(refusalOfCloseCode(SYNC_CLOSE.rateLimited)).toBe('rate-limited');
    expect(refusalOfCloseCode(SYNC_CLOSE.serverBusy)).toBe('server-busy');
    for (const code of [
      undefined,
      1000,
      1006,
      SYNC_CLOSE.shutdown,
      SYNC_CLOSE.storageUnavailable,
      SYNC_CLOSE.reconnect,
      SYNC_CLOSE.revoked,
      SYNC_CLOSE.documentDeleted,
    ]) {
      expect(refusalOfCloseCode(code)).toBeNull();
    }
    expect(isTransientRefusal('rate-limited')).toBe(true);
    expect(isTransientRefusal('server-busy')).toBe(true);
    expect(isTransientRefusal('bad-update')).toBe(false);
  });

  it('a plain disconnect without a refusal leaves none', () => {
    expect(run([{ type: 'disconnect', code: 1006 }], connectedSynced)).toMatchObject({});
  });

  it('leaves local-only documents alone', () => {
    const local: DocConnection = { kind: 'local-only' };
    expect(reduceDocConnection(local, { type: 'authenticated' })).toBe(local);
  });
});

describe('aggregateConnection', () => {
  const offlineDoc = run([{ type: 'disconnect' }, { type: 'unsyncedChanges', count: 2 }]);
  const syncingDoc = run([{ type: 'unsyncedChanges', count: 1 }], connectedSynced);

  it('follows the network flag with no documents open', () => {
    expect(aggregateConnection([], true).status).toBe('online');
    expect(aggregateConnection([], false).status).toBe('offline');
  });

  it('says offline as soon as the browser does, while the socket still looks open', () => {
    expect(aggregateConnection([connectedSynced], true).status).toBe('online');
    expect(aggregateConnection([connectedSynced], false)).toEqual({
      status: 'offline',
      unsyncedChanges: 0,
      deniedReason: null,
    });
    expect(aggregateConnection([syncingDoc], false)).toMatchObject({
      status: 'offline',
      unsyncedChanges: 1,
    });
    // A document on this device only stays local-only.
    expect(aggregateConnection([{ kind: 'local-only' }], false).status).toBe('local-only');
  });

  it('is connecting, never online, while the only open documents are opening', () => {
    expect(aggregateConnection([{ kind: 'opening' }], true).status).toBe('connecting');
    expect(aggregateConnection([{ kind: 'opening' }], false).status).toBe('offline');
    expect(aggregateConnection([{ kind: 'opening' }, connectedSynced], true).status).toBe('online');
    expect(aggregateConnection([{ kind: 'opening' }, { kind: 'local-only' }], true).status).toBe(
      'local-only',
    );
  });

  it('is local-only when every open document belongs to a pending team', () => {
    expect(aggregateConnection([{ kind: 'local-only' }], true)).toEqual({
      status: 'local-only',
      unsyncedChanges: 0,
      deniedReason: null,
    });
  });

  it('is online when connected with nothing unsynced', () => {
    expect(aggregateConnection([connectedSynced, { kind: 'local-only' }], true).status).toBe(
      'online',
    );
  });

  it('is syncing when connected with unsynced changes, summing them', () => {
    expect(aggregateConnection([syncingDoc, offlineDoc], true)).toEqual({
      status: 'syncing',
      unsyncedChanges: 3,
      deniedReason: null,
    });
  });

  it('is connecting while the socket opens or authenticates, offline when the network is down', () => {
    const opening = remoteDocConnection('connecting');
    const unauthenticated = run([{ type: 'status', status: 'connected' }]);
    expect(aggregateConnection([opening], true).status).toBe('connecting');
    expect(aggregateConnection([unauthenticated], true).status).toBe('connecting');
    expect(aggregateConnection([opening], false).status).toBe('offline');
    expect(aggregateConnection([offlineDoc], true)).toEqual({
      status: 'offline',
      unsyncedChanges: 2,
      deniedReason: null,
    });
  });

  it('reports a denial first, without counting its undeliverable changes', () => {
    const denied = run([
      { type: 'unsyncedChanges', count: 5 },
      { type: 'authenticationFailed', reason: 'wrong-team' },
    ]);
    expect(aggregateConnection([connectedSynced, denied], true)).toEqual({
      status: 'denied',
      unsyncedChanges: 0,
      deniedReason: 'wrong-team',
    });
  });

  it('says the server refused a change, still counting it as unsynced', () => {
    const refused = run([
      { type: 'unsyncedChanges', count: 4 },
      { type: 'disconnect', code: SYNC_CLOSE.badUpdate },
    ]);
    // The shared socket closes for every document; a busy close elsewhere does not hide it.
    const busy = run([{ type: 'disconnect', code: SYNC_CLOSE.rateLimited }]);
    for (const online of [true, false]) {
      expect(aggregateConnection([busy, refused, syncingDoc], online)).toEqual({
        status: 'refused',
        unsyncedChanges: 5,
        deniedReason: null,
        refusal: 'bad-update',
      });
    }
  });

  it('is busy after a close to slow down while the network is up, offline when it is not', () => {
    const busy = run(
      [
        { type: 'unsyncedChanges', count: 2 },
        { type: 'disconnect', code: SYNC_CLOSE.serverBusy },
        { type: 'status', status: 'connecting' },
      ],
      connectedSynced,
    );
    expect(aggregateConnection([busy, connectedSynced], true)).toEqual({
      status: 'busy',
      unsyncedChanges: 2,
      deniedReason: null,
      refusal: 'server-busy',
    });
    expect(aggregateConnection([busy], false)).toEqual({
      status: 'offline',
      unsyncedChanges: 2,
      deniedReason: null,
    });
  });

  it('puts a denial before a refusal', () => {
    const refused = run([{ type: 'disconnect', code: SYNC_CLOSE.updateTooLarge }]);
    const denied = run([{ type: 'authenticationFailed', reason: 'token-invalid' }]);
    expect(aggregateConnection([refused, denied], true)).toMatchObject({
      status: 'denied',
    });
  });

  it('leaves a deleted cycle out: its page says so, the badge shows the rest', () => {
    const deleted = run([
      { type: 'unsyncedChanges', count: 3 },
      { type: 'authenticationFailed', reason: 'document-deleted' },
    ]);
    expect(aggregateConnection([connectedSynced, deleted], true)).toEqual({
      status: 'online',
      unsyncedChanges: 0,
      deniedReason: null,
    });
  });
});

describe('connection store', () => {
  afterEach(() => {
    setDocConnection('a', null);
    setDocConnection('b', null);
    setNetworkOnline(true);
  });

  it('keeps the snapshot object until something visible changes', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeConnection(listener);
    setDocConnection('a', remoteDocConnection('connected'));
    const first = getConnectionSnapshot();
    expect(first.status).toBe('connecting');
    dispatchDocConnection('a', { type: 'status', status: 'connected' });
    expect(getConnectionSnapshot()).toBe(first);
    expect(listener).toHaveBeenCalledTimes(1);

    dispatchDocConnection('a', { type: 'authenticated' });
    dispatchDocConnection('a', { type: 'unsyncedChanges', count: 2 });
    expect(getConnectionSnapshot()).toEqual({
      status: 'syncing',
      unsyncedChanges: 2,
      deniedReason: null,
    });
    expect(hasUnsyncedChanges()).toBe(true);
    dispatchDocConnection('a', { type: 'unsyncedChanges', count: 0 });
    expect(hasUnsyncedChanges()).toBe(false);
    expect(getConnectionSnapshot().status).toBe('online');
    unsubscribe();
  });

  it('tells per-document listeners whether a document holds the server state', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeDocConnections(listener);
    setDocConnection('a', remoteDocConnection('connected'));
    expect(isServerSynced('a')).toBe(false);
    dispatchDocConnection('a', { type: 'synced' });
    expect(isServerSynced('a')).toBe(true);
    expect(listener).toHaveBeenCalledTimes(2);
    setDocConnection('b', { kind: 'local-only' });
    expect(isServerSynced('b')).toBe(true);
    expect(isServerSynced('unknown')).toBe(false);
    unsubscribe();
  });

  it('ignores events for documents it does not know', () => {
    const before = getConnectionSnapshot();
    dispatchDocConnection('b', { type: 'authenticated' });
    expect(getConnectionSnapshot()).toBe(before);
  });

  it('shows a refusal from a close code and clears it once the server takes the changes', () => {
    setDocConnection('a', remoteDocConnection('connected'));
    dispatchDocConnection('a', { type: 'authenticated' });
    dispatchDocConnection('a', { type: 'unsyncedChanges', count: 1 });
    dispatchDocConnection('a', { type: 'disconnect', code: SYNC_CLOSE.updateTooLarge });
    expect(getConnectionSnapshot()).toEqual({
      status: 'refused',
      unsyncedChanges: 1,
      deniedReason: null,
      refusal: 'update-too-large',
    });
    expect(hasUnsyncedChanges()).toBe(true);
    dispatchDocConnection('a', { type: 'status', status: 'connected' });
    dispatchDocConnection('a', { type: 'authenticated' });
    dispatchDocConnection('a', { type: 'unsyncedChanges', count: 0 });
    expect(getConnectionSnapshot()).toEqual({
      status: 'online',
      unsyncedChanges: 0,
      deniedReason: null,
    });
  });

  it('follows the network flag when nothing is open', () => {
    setNetworkOnline(false);
    expect(getConnectionSnapshot().status).toBe('offline');
    setNetworkOnline(true);
    expect(getConnectionSnapshot().status).toBe('online');
  });
});
