import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { parseDocName } from '../model/docName.ts';
import {
  type ConnectionSnapshot,
  getConnectionSnapshot,
  isServerSynced,
  subscribeConnection,
  subscribeDocConnections,
} from './connectionState.ts';
import { type DocSession, openSession, releaseSession, type SessionState } from './docSession.ts';
import { getPresence, type PresenceEntry, subscribePresence } from './presence.ts';

/**
 * Calls `listener` once after the next frame is painted, however often
 * `subscribe` fires before that.
 */
function afterNextPaint(subscribe: (listener: () => void) => () => void) {
  return (listener: () => void): (() => void) => {
    let scheduled = false;
    let stopped = false;
    const fire = () => {
      scheduled = false;
      if (!stopped) listener();
    };
    const unsubscribe = subscribe(() => {
      if (scheduled) return;
      scheduled = true;
      if (typeof requestAnimationFrame === 'function')
        requestAnimationFrame(() => setTimeout(fire, 0));
      else setTimeout(fire, 0);
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
  };
}

// Every edit changes the count of changes the server has yet to confirm, in the edit's own
// task: the badge follows a frame later, so a tap's frame shows the tap and nothing else.
const subscribeConnectionAfterPaint = afterNextPaint(subscribeConnection);

/** The app-wide sync badge state (updated the frame after it changes). */
export function useConnectionState(): ConnectionSnapshot {
  return useSyncExternalStore(
    subscribeConnectionAfterPaint,
    getConnectionSnapshot,
    getConnectionSnapshot,
  );
}

/**
 * The session of `docName` (src/sync/docSession.ts), opened while the
 * component is mounted; null before the first effect, for a null name, or for
 * a malformed name. Its `state.status` says when stored content is visible.
 */
export function useOpenSession(docName: string | null): DocSession | null {
  const [session, setSession] = useState<DocSession | null>(null);
  useEffect(() => {
    if (docName === null || parseDocName(docName) === null) {
      setSession(null);
      return;
    }
    const opened = openSession(docName);
    setSession(opened);
    return () => {
      releaseSession(opened);
    };
  }, [docName]);
  return session !== null && session.name === docName ? session : null;
}

const NO_SESSION_STATE: SessionState = Object.freeze({
  status: 'loading',
  save: 'saved',
  awareness: null,
});

/**
 * What `select` picks of the session's state (status, save state, awareness),
 * re-rendering only when that changes: a page that waits for its document
 * does not render again for every save of every edit.
 */
export function useSessionState<T>(
  session: DocSession | null,
  select: (state: SessionState) => T,
): T {
  const subscribe = useCallback(
    (onChange: () => void) => (session ? session.subscribe(onChange) : () => {}),
    [session],
  );
  const get = () => select(session?.state ?? NO_SESSION_STATE);
  return useSyncExternalStore(subscribe, get, get);
}

type SnapshotCache<T> = {
  doc: Y.Doc | null;
  deps: readonly unknown[];
  dirty: boolean;
  value: T | null;
};

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/**
 * A plain snapshot read from a Y.Doc, cached and re-read only after the
 * document changed or `deps` changed; null while `doc` is null. `read` must
 * return a fresh plain value (e.g. readTeam) and must not write. `ignore`
 * names transactions that cannot change the snapshot (e.g. observation taps
 * for the cycle snapshot), so a busy log does not make every reader re-read.
 */
export function useYSnapshot<T>(
  doc: Y.Doc | null,
  read: (doc: Y.Doc) => T,
  deps: readonly unknown[] = [],
  ignore?: (tr: Y.Transaction) => boolean,
): T | null {
  const ignoreRef = useRef(ignore);
  ignoreRef.current = ignore;
  const readRef = useRef(read);
  readRef.current = read;
  const cache = useRef<SnapshotCache<T>>({ doc: null, deps, dirty: true, value: null });

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const onUpdate = (tr: Y.Transaction) => {
        if (tr.changed.size === 0 || ignoreRef.current?.(tr)) return;
        cache.current.dirty = true;
        onChange();
      };
      doc.on('afterTransaction', onUpdate);
      // An update may have landed between the render and this subscription (the stored state
      // loading from IndexedDB, typically): React reads the snapshot again right after
      // subscribing, so make that read look at the document instead of the cache.
      cache.current.dirty = true;
      return () => doc.off('afterTransaction', onUpdate);
    },
    [doc],
  );

  const getSnapshot = (): T | null => {
    const c = cache.current;
    if (c.doc !== doc || c.dirty || !sameDeps(c.deps, deps)) {
      c.doc = doc;
      c.deps = deps;
      c.dirty = false;
      c.value = doc ? readRef.current(doc) : null;
    }
    return c.value;
  };

  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** Who has the document open (self included), from the provider's awareness. */
export function usePresence(docName: string | null): readonly PresenceEntry[] {
  const subscribe = useCallback(
    (onChange: () => void) => (docName === null ? () => {} : subscribePresence(docName, onChange)),
    [docName],
  );
  const get = () => (docName === null ? NO_PRESENCE : getPresence(docName));
  return useSyncExternalStore(subscribe, get, get);
}

const NO_PRESENCE: readonly PresenceEntry[] = Object.freeze([]);

/** Whether the document has received the server's state since it (re)connected; see isServerSynced. */
export function useServerSynced(docName: string | null): boolean {
  const read = useCallback(() => docName !== null && isServerSynced(docName), [docName]);
  return useSyncExternalStore(subscribeDocConnections, read, read);
}
