import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { teamDocName } from '../../model/docName.ts';
import { parseTeamId, type TeamId } from '../../model/ids.ts';
import type { RosterSnapshot } from '../../model/roster.ts';
import { readTeam, type TeamSnapshot } from '../../model/teamDoc.ts';
import { useMembership } from '../../store/hooks.ts';
import type { LocalMembership } from '../../store/memberships.ts';
import { useDoc, useYSnapshot } from '../../sync/hooks.ts';
import { useRoster } from '../../sync/roster.ts';
import { useCycleDeleted } from './cycleDeletion.ts';
import { CycleDeleted } from './DeleteCycle.tsx';
import { type CycleDocState, useCycleDoc } from './useCycleDoc.ts';

export type CyclePageState = CycleDocState & {
  readonly team: TeamId | null;
  /** Undefined while this device's membership loads, null when it is not a member. */
  readonly membership: LocalMembership | null | undefined;
  readonly member: LocalMembership | null;
  readonly teamDoc: Y.Doc | null;
  readonly teamSnapshot: TeamSnapshot | null;
  /** The roster document (read-only, written by the server). */
  readonly rosterDoc: Y.Doc | null;
  /** Members and deleted cycles (useRoster); null without a membership. */
  readonly roster: RosterSnapshot | null;
  /** The cycle was deleted: it is not opened, and this device's copy is purged. */
  readonly deleted: boolean;
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
  const teamHandle = useDoc(member && team ? teamDocName(team) : null);
  const teamDoc = teamHandle?.doc ?? null;
  const teamSnapshot = useYSnapshot(teamDoc, readTeam);
  const { doc: rosterDoc, roster } = useRoster(member);
  const deleted = useCycleDeleted(member ? teamId : null, cycleId, rosterDoc);
  const cycleState = useCycleDoc(member && !deleted ? teamId : null, cycleId);
  return {
    ...cycleState,
    team,
    membership,
    member,
    teamDoc,
    teamSnapshot,
    rosterDoc,
    roster,
    deleted,
  };
}

/**
 * What a cycle's page shows instead of itself once the cycle was deleted or
 * while it loads; null when the page can render (or say "not found").
 */
export function cyclePageFallback(page: CyclePageState, cycleId: string): ReactNode | null {
  const { member, membership } = page;
  if (page.deleted && member) {
    return (
      <CycleDeleted
        teamId={member.teamId}
        rosterDoc={page.rosterDoc}
        roster={page.roster}
        cycleId={cycleId}
      />
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
