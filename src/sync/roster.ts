import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { rosterDocName } from '../model/docName.ts';
import { type RosterSnapshot, readRoster, rosterWithSelf } from '../model/roster.ts';
import type { LocalMembership } from '../store/memberships.ts';
import type { DocSession } from './docSession.ts';
import { useOpenSession, useYSnapshot } from './hooks.ts';

export type TeamRoster = {
  /** The roster's session; null while it opens and without a membership. */
  readonly session: DocSession | null;
  /**
   * What the roster says; this device's own member alone until the server's
   * roster has arrived (a team created offline has none yet). Null without a
   * membership.
   */
  readonly roster: RosterSnapshot | null;
};

/**
 * The team's roster (src/model/roster.ts), opened read-only next to the team
 * document and kept on the device like every document, so it also shows
 * offline. Members, roles, removals and deleted cycles are read from here
 * only, never from the team document.
 */
export function useRoster(membership: LocalMembership | null | undefined): TeamRoster {
  const session = useOpenSession(membership ? rosterDocName(membership.teamId) : null);
  const { t } = useTranslation();
  const read = useCallback(
    (doc: Y.Doc) => readRoster(doc, (number) => t('team.members.erased', { number })),
    [t],
  );
  const stored = useYSnapshot(session?.doc ?? null, read, [read]);
  const memberId = membership?.memberId;
  const displayName = membership?.displayName;
  const role = membership?.role;
  const joinedAt = membership?.createdAt;
  const roster = useMemo(
    () =>
      memberId && displayName !== undefined && role && joinedAt !== undefined
        ? rosterWithSelf(stored, {
            memberId,
            displayName,
            role,
            joinedAt,
            removedAt: null,
            erasedAt: null,
          })
        : null,
    [stored, memberId, displayName, role, joinedAt],
  );
  return { session, roster };
}
