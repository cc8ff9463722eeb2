import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isTrackDoc, readTrackParties, type TrackParties } from '../../model/coaching.ts';
import { CYCLE_SCHEMA_VERSION } from '../../model/cycleDoc.ts';
import type { CycleId } from '../../model/cycleTypes.ts';
import { teamDocName } from '../../model/docName.ts';
import { parseTeamId, type TeamId } from '../../model/ids.ts';
import { canEdit } from '../../model/roles.ts';
import type { RosterSnapshot } from '../../model/roster.ts';
import { readTeam, type TeamSnapshot } from '../../model/teamDoc.ts';
import type { LocalMembership } from '../../sync/device.ts';
import { useMembership } from '../../sync/device.ts';
import type { DocSession } from '../../sync/docSession.ts';
import { useOpenSession, useYSnapshot } from '../../sync/hooks.ts';
import { useRoster } from '../../sync/roster.ts';
import { SessionProvider } from '../../sync/SessionContext.tsx';
import { useCycleTombstoned, usePurgeWhenDeleted } from './cycleDeletion.ts';
import { CycleDeleted } from './DeleteCycle.tsx';
import { type CycleDocState, useCycleDoc } from './useCycleDoc.ts';
import { useCycleSummarySync } from './useCycleSummarySync.ts';

export type CyclePageState = CycleDocState & {
  readonly team: TeamId | null;
  /** Undefined while this device's membership loads, null when it is not a member. */
  readonly membership: LocalMembership | null | undefined;
  readonly member: LocalMembership | null;
  readonly teamSession: DocSession | null;
  readonly teamSnapshot: TeamSnapshot | null;
  /** The roster's session (read-only, written by the server). */
  readonly rosterSession: DocSession | null;
  /** Members and deleted cycles (useRoster); null without a membership. */
  readonly roster: RosterSnapshot | null;
  /** The cycle was deleted: it is not opened, and this device's copy is purged. */
  readonly deleted: boolean;
  /**
   * Set when the document is a coaching track's shared document (coaching.ts),
   * observed with the same screens: it is never summarised into the team's cycles.
   */
  readonly trackParties: TrackParties | null;
};

/**
 * What every page of one cycle (the cycle page, observing a run, a run's
 * timeline) opens first: the membership, the team document, the roster and,
 * unless the cycle was deleted, the cycle document.
 */
export function useCyclePage(teamId: string, cycleId: string): CyclePageState {
  const team = parseTeamId(teamId);
  const membership = useMembership(team);
  const member = membership ?? null;
  const teamSession = useOpenSession(member && team ? teamDocName(team) : null);
  const teamSnapshot = useYSnapshot(teamSession?.doc ?? null, readTeam);
  const { session: rosterSession, roster } = useRoster(member);
  const tombstoned = useCycleTombstoned(member ? rosterSession : null, cycleId);
  const cycleState = useCycleDoc(member && !tombstoned ? teamId : null, cycleId);
  const deleted = member !== null && (tombstoned || cycleState.status === 'deleted');
  usePurgeWhenDeleted(deleted, team, cycleId);
  const { cycle, session, status } = cycleState;
  const writable =
    member !== null &&
    canEdit(member.role) &&
    member.status !== 'removed' &&
    (cycle?.meta.schemaVersion ?? 0) <= CYCLE_SCHEMA_VERSION;
  const teamReady = teamSnapshot !== null && teamSnapshot.schemaVersion > 0;
  const trackParties = useYSnapshot(session?.doc ?? null, readTrackParties);
  useCycleSummarySync(
    status === 'ready' && trackParties === null && !(session && isTrackDoc(session.doc))
      ? (cycleId as CycleId)
      : null,
    session,
    teamReady ? teamSession : null,
    rosterSession,
    cycle,
    writable,
  );
  return {
    ...cycleState,
    team,
    membership,
    member,
    teamSession,
    teamSnapshot,
    rosterSession,
    roster,
    deleted,
    trackParties,
  };
}

/** Gives the page's team, roster and cycle sessions to everything it renders. */
export function CyclePageSessions({
  page,
  children,
}: {
  page: CyclePageState;
  children: ReactNode;
}) {
  return (
    <SessionProvider
      sessions={{
        ...(page.teamSession ? { team: page.teamSession } : {}),
        ...(page.rosterSession ? { roster: page.rosterSession } : {}),
        ...(page.session ? { cycle: page.session } : {}),
      }}
    >
      {children}
    </SessionProvider>
  );
}

/**
 * What a cycle's page shows instead of itself once the cycle was deleted or
 * while it loads; null when the page can render (or say "not found").
 */
export function cyclePageFallback(page: CyclePageState, cycleId: string): ReactNode | null {
  const { member, membership } = page;
  if (page.deleted && member) {
    return (
      <CyclePageSessions page={page}>
        <CycleDeleted teamId={member.teamId} roster={page.roster} cycleId={cycleId} />
      </CyclePageSessions>
    );
  }
  if (membership === undefined || (member && page.status === 'loading')) return <Loading />;
  return null;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}
