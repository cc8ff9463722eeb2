import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  colorForMember,
  getPresence,
  presenceFromStates,
  subscribePresence,
  trackAwareness,
} from '../../../src/sync/presence.ts';

function client(memberId: string, name: string): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalStateField('user', { memberId, name, color: colorForMember(memberId) });
  return awareness;
}

function deliver(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'test');
}

const opened: Awareness[] = [];
function open(memberId: string, name: string): Awareness {
  const awareness = client(memberId, name);
  opened.push(awareness);
  return awareness;
}

describe('presence', () => {
  afterEach(() => {
    trackAwareness('doc', null);
    for (const awareness of opened.splice(0)) awareness.destroy();
  });

  it('gives a stable color per member', () => {
    expect(colorForMember('abc')).toBe(colorForMember('abc'));
    expect(colorForMember('abc')).toMatch(/^#[0-9a-f]{6}$/);
    expect(colorForMember('abc')).not.toBe(colorForMember('abd'));
  });

  it('lists self first, then others by name, skipping malformed states', () => {
    const states = new Map<number, unknown>([
      [3, { user: { memberId: 'm3', name: 'Zoë', color: 'red' } }],
      [1, { user: { memberId: 'm1', name: 'Bram', color: 'blue' } }],
      [2, { user: { memberId: 'm2', name: 'Anna', color: 'green' } }],
      [4, { user: { name: 42 } }],
      [5, {}],
    ]);
    expect(presenceFromStates(states, 3).map((p) => [p.name, p.isSelf])).toEqual([
      ['Zoë', true],
      ['Anna', false],
      ['Bram', false],
    ]);
  });

  it('returns the same snapshot until the people change', () => {
    const me = open('m1', 'Anna');
    const peer = open('m2', 'Bram');
    const listener = vi.fn();
    const unsubscribe = subscribePresence('doc', listener);

    trackAwareness('doc', me);
    const first = getPresence('doc');
    expect(first.map((p) => p.name)).toEqual(['Anna']);
    expect(first[0]?.isSelf).toBe(true);
    expect(getPresence('doc')).toBe(first);

    deliver(peer, me);
    const second = getPresence('doc');
    expect(second).not.toBe(first);
    expect(second.map((p) => p.name)).toEqual(['Anna', 'Bram']);
    expect(getPresence('doc')).toBe(second);
    const calls = listener.mock.calls.length;

    // A renewal with the same content does not produce a new snapshot.
    deliver(peer, me);
    expect(getPresence('doc')).toBe(second);
    expect(listener.mock.calls.length).toBe(calls);

    peer.setLocalStateField('user', { memberId: 'm2', name: 'Bram V.', color: 'x' });
    deliver(peer, me);
    expect(getPresence('doc').map((p) => p.name)).toEqual(['Anna', 'Bram V.']);

    trackAwareness('doc', null);
    expect(getPresence('doc')).toEqual([]);
    unsubscribe();
  });

  it('is empty for a document without awareness', () => {
    expect(getPresence('nothing')).toEqual([]);
    expect(getPresence('nothing')).toBe(getPresence('other'));
  });
});
