import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_INTERVAL_MS, HEARTBEAT_TIMEOUT_MS } from '../../../src/model/heartbeat.ts';
import {
  type DocConnection,
  getConnectionSnapshot,
  reduceDocConnection,
  remoteDocConnection,
  setDocConnection,
} from '../../../src/sync/connectionState.ts';
import { watchHeartbeat } from '../../../src/sync/heartbeat.ts';

/** The part of the provider's socket the heartbeat uses, with a way to say what it heard. */
class FakeSocket {
  status = 'connected';
  closes: number[] = [];
  readonly #listeners = new Map<string, Set<(payload: unknown) => void>>();

  on(event: string, listener: (payload: unknown) => void): void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener);
    this.#listeners.set(event, set);
  }

  off(event: string, listener: (payload: unknown) => void): void {
    this.#listeners.get(event)?.delete(listener);
  }

  emit(event: string, payload: unknown): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(payload);
  }

  onClose({ event }: { event: CloseEvent }): void {
    this.closes.push(event.code);
    this.status = 'disconnected';
  }
}

const DOC = 'aaaaaaaaaaaaaaaa';

/** A document whose authentication the server took, on an open socket. */
function authenticated(): DocConnection {
  return reduceDocConnection(remoteDocConnection('connected'), { type: 'authenticated' });
}
const SILENCE_LIMIT = HEARTBEAT_INTERVAL_MS + HEARTBEAT_TIMEOUT_MS + 1_000;

describe('watchHeartbeat', () => {
  let socket: FakeSocket;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    socket = new FakeSocket();
  });

  afterEach(() => {
    stop?.();
    setDocConnection(DOC, null);
    vi.useRealTimers();
  });

  const watch = (ask: () => boolean) => {
    stop = watchHeartbeat(socket as unknown as HocuspocusProviderWebsocket, ask);
  };

  it('asks while the socket is quiet, and stays reachable while the server answers', () => {
    setDocConnection(DOC, authenticated());
    let asked = 0;
    watch(() => {
      asked++;
      socket.emit('message', {});
      return true;
    });
    vi.advanceTimersByTime(SILENCE_LIMIT * 3);
    expect(asked).toBeGreaterThan(0);
    expect(socket.closes).toEqual([]);
    expect(getConnectionSnapshot().status).toBe('online');
  });

  it('says offline and drops the socket when a question goes unanswered', () => {
    setDocConnection(DOC, authenticated());
    watch(() => true);
    vi.advanceTimersByTime(SILENCE_LIMIT);
    expect(socket.closes).toEqual([4408]);
    expect(getConnectionSnapshot().status).toBe('offline');
    // The server is heard again: the badge follows at once.
    socket.emit('message', {});
    expect(getConnectionSnapshot().status).toBe('online');
  });

  it('counts an authentication the server never answers as an unanswered question', () => {
    // The socket opened just before the network went silent: nothing can carry a ping yet.
    setDocConnection(DOC, remoteDocConnection('connected'));
    watch(() => false);
    vi.advanceTimersByTime(SILENCE_LIMIT);
    expect(socket.closes).toEqual([4408]);
    expect(getConnectionSnapshot().status).toBe('offline');
  });

  it('says offline while the socket cannot even open, and online once it does', () => {
    socket.status = 'connecting';
    setDocConnection(DOC, remoteDocConnection('connecting'));
    watch(() => false);
    vi.advanceTimersByTime(SILENCE_LIMIT);
    expect(getConnectionSnapshot().status).toBe('offline');
    socket.status = 'connected';
    socket.emit('status', { status: 'connected' });
    setDocConnection(DOC, authenticated());
    expect(getConnectionSnapshot().status).toBe('online');
  });

  it('leaves a quiet socket alone when the server owes it nothing (every document refused)', () => {
    setDocConnection(DOC, remoteDocConnection('connected', 'not-in-track'));
    watch(() => false);
    vi.advanceTimersByTime(SILENCE_LIMIT * 3);
    expect(socket.closes).toEqual([]);
  });
});
