import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { DocKind } from '../model/documentKinds.ts';
import type { DocSession } from './docSession.ts';

/**
 * The open sessions a screen works in, by kind: a cycle's pages provide the
 * team, roster and cycle sessions; the team page the team and roster ones.
 * Components below take them from here instead of being handed documents.
 */
type Sessions = Partial<Record<DocKind, DocSession>>;

const SessionsContext = createContext<Sessions>({});

/** Provides `sessions` to everything below, on top of what an outer provider gave. */
export function SessionProvider({
  sessions,
  children,
}: {
  sessions: Sessions;
  children: ReactNode;
}) {
  const outer = useContext(SessionsContext);
  const { team, roster, cycle } = sessions;
  const value = useMemo<Sessions>(
    () => ({
      ...outer,
      ...(team ? { team } : {}),
      ...(roster ? { roster } : {}),
      ...(cycle ? { cycle } : {}),
    }),
    [outer, team, roster, cycle],
  );
  return <SessionsContext.Provider value={value}>{children}</SessionsContext.Provider>;
}

/** The session of `kind` a surrounding SessionProvider gives; throws when there is none. */
export function useSession(kind: DocKind): DocSession {
  const session = useContext(SessionsContext)[kind];
  if (!session) throw new Error(`no ${kind} session here: render inside a SessionProvider`);
  return session;
}

/** Like useSession, or null outside a provider of that kind. */
export function useOptionalSession(kind: DocKind): DocSession | null {
  return useContext(SessionsContext)[kind] ?? null;
}
