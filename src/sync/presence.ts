import type { Awareness } from 'y-protocols/awareness';

/**
 * Who else has a document open (the provider's awareness), as stable
 * snapshots for `useSyncExternalStore`: `getPresence` returns the same array
 * until the set of people or their fields change.
 */
export type PresenceEntry = {
  readonly memberId: string;
  readonly name: string;
  readonly color: string;
  readonly clientId: number;
  readonly isSelf: boolean;
  /** Where in the document this person is working (a path the feature chose), or null. */
  readonly focus: string | null;
};

/** The awareness field every client sets with who it is (`provider.setAwarenessField`). */
export const AWARENESS_USER_FIELD = 'user';
export type AwarenessUser = { memberId: string; name: string; color: string };
/** The awareness field with the path of the field someone is editing ("each sees where the other is working"). */
export const AWARENESS_FOCUS_FIELD = 'focus';

const EMPTY: readonly PresenceEntry[] = Object.freeze([]);

/**
 * A stable color for a member: the same on every device, dark enough for white
 * text (HSL 65% / 40%), as `#rrggbb` because y-tiptap's carets accept only that.
 */
export function colorForMember(memberId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < memberId.length; i++) {
    hash ^= memberId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hslToHex((hash >>> 0) % 360, 0.65, 0.4);
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

function readUser(state: unknown): AwarenessUser | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as Record<string, unknown>)[AWARENESS_USER_FIELD];
  if (typeof user !== 'object' || user === null) return null;
  const { memberId, name, color } = user as Record<string, unknown>;
  if (typeof memberId !== 'string' || typeof name !== 'string' || typeof color !== 'string') {
    return null;
  }
  return { memberId, name: name.slice(0, 60), color: color.slice(0, 40) };
}

function readFocus(state: unknown): string | null {
  const focus = (state as Record<string, unknown>)[AWARENESS_FOCUS_FIELD];
  return typeof focus === 'string' ? focus.slice(0, 200) : null;
}

/**
 * Turns awareness states into presence entries: self first, then by name.
 * States without a well-formed `user` field (peers are untrusted) are skipped.
 */
export function presenceFromStates(
  states: ReadonlyMap<number, unknown>,
  selfClientId: number,
): PresenceEntry[] {
  const entries: PresenceEntry[] = [];
  for (const [clientId, state] of states) {
    const user = readUser(state);
    if (user) {
      entries.push({
        ...user,
        clientId,
        isSelf: clientId === selfClientId,
        focus: readFocus(state),
      });
    }
  }
  return entries.sort(
    (a, b) =>
      Number(b.isSelf) - Number(a.isSelf) ||
      a.name.localeCompare(b.name) ||
      a.clientId - b.clientId,
  );
}

function sameEntries(a: readonly PresenceEntry[], b: readonly PresenceEntry[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return (
      y !== undefined &&
      x.clientId === y.clientId &&
      x.memberId === y.memberId &&
      x.name === y.name &&
      x.color === y.color &&
      x.isSelf === y.isSelf &&
      x.focus === y.focus
    );
  });
}

type Tracked = { snapshot: readonly PresenceEntry[]; awareness: Awareness; stop: () => void };
const tracked = new Map<string, Tracked>();
const listeners = new Map<string, Set<() => void>>();

function notify(docName: string): void {
  for (const listener of [...(listeners.get(docName) ?? [])]) listener();
}

function publish(docName: string, next: readonly PresenceEntry[]): void {
  const current = tracked.get(docName);
  if (!current || sameEntries(current.snapshot, next)) return;
  current.snapshot = next.length === 0 ? EMPTY : Object.freeze(next);
  notify(docName);
}

/**
 * Follows the awareness of an open document (or stops following, with null).
 * Used by DocSession whenever a provider is created or destroyed.
 */
export function trackAwareness(docName: string, awareness: Awareness | null): void {
  const previous = tracked.get(docName);
  if (previous) {
    previous.stop();
    tracked.delete(docName);
  }
  if (!awareness) {
    if (previous && previous.snapshot !== EMPTY) notify(docName);
    return;
  }
  const read = () => presenceFromStates(awareness.getStates(), awareness.clientID);
  const onChange = () => publish(docName, read());
  awareness.on('change', onChange);
  const entry: Tracked = {
    snapshot: previous?.snapshot ?? EMPTY,
    awareness,
    stop: () => awareness.off('change', onChange),
  };
  tracked.set(docName, entry);
  publish(docName, read());
}

export function subscribePresence(docName: string, listener: () => void): () => void {
  let set = listeners.get(docName);
  if (!set) {
    set = new Set();
    listeners.set(docName, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && listeners.get(docName) === set) listeners.delete(docName);
  };
}

/** Everyone with the document open, self included; an empty array when not connected. */
export function getPresence(docName: string): readonly PresenceEntry[] {
  return tracked.get(docName)?.snapshot ?? EMPTY;
}

/** Tells colleagues which field this device is editing (null when none); a no-op while not connected. */
export function setPresenceFocus(docName: string, focus: string | null): void {
  tracked.get(docName)?.awareness.setLocalStateField(AWARENESS_FOCUS_FIELD, focus);
}
