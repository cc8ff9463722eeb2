import { useMemo, useState } from 'react';
import { useSearch } from 'wouter';
import { localDay } from '../../app/localDay.ts';
import type { CycleSummary } from '../../model/cycleTypes.ts';
import { teamDocName } from '../../model/docName.ts';
import type { TeamId } from '../../model/ids.ts';
import type { ManualHours } from '../../model/learningHours.ts';
import { schoolYearsOf } from '../../model/plgOverview.ts';
import { type PlgSettings, readManualHours, readPlgSettings } from '../../model/plgSettings.ts';
import type { RosterSnapshot } from '../../model/roster.ts';
import { type SchoolYear, schoolYearOf } from '../../model/schoolYear.ts';
import { readTeamCoaching, type TeamCoaching } from '../../model/teamCoaching.ts';
import { readCycleSummaries } from '../../model/teamDoc.ts';
import { type LocalMembership, useMembership } from '../../sync/device.ts';
import type { DocSession } from '../../sync/docSession.ts';
import { useOpenSession, useSessionState, useYSnapshot } from '../../sync/hooks.ts';
import { useRoster } from '../../sync/roster.ts';

const NONE_DELETED: ReadonlyMap<string, unknown> = new Map();

export type TeamYear = {
  readonly membership: LocalMembership | null | undefined;
  readonly session: DocSession | null;
  readonly rosterSession: DocSession | null;
  readonly roster: RosterSnapshot | null;
  readonly summaries: readonly CycleSummary[] | null;
  readonly settings: PlgSettings | null;
  readonly manual: readonly ManualHours[] | null;
  /** Coaching tracks' activities, content-free (teamCoaching.ts). */
  readonly coaching: TeamCoaching | null;
  /** The chosen school year and every year there is something to show for, newest first. */
  readonly year: SchoolYear;
  readonly setYear: (year: SchoolYear) => void;
  readonly years: readonly SchoolYear[];
  /** The stored team document has loaded (an empty, still-loading one reads as no cycles). */
  readonly ready: boolean;
};

/**
 * What the PLG's year and the leader's report read: the team document's cycle
 * summaries, settings and hours by hand, the roster, and the chosen school
 * year (this one, or `?year=2025-2026`, a link a facilitator can share).
 */
export function useTeamYear(teamId: TeamId | null): TeamYear {
  const membership = useMembership(teamId);
  const session = useOpenSession(membership && teamId ? teamDocName(teamId) : null);
  const { session: rosterSession, roster } = useRoster(membership);
  const deleted = roster?.deletedCycles ?? NONE_DELETED;
  const doc = session?.doc ?? null;
  const summaries = useYSnapshot(doc, (d) => readCycleSummaries(d, deleted), [deleted]);
  const settings = useYSnapshot(doc, readPlgSettings);
  const manual = useYSnapshot(doc, readManualHours);
  const coaching = useYSnapshot(doc, readTeamCoaching);
  const loaded = useSessionState(session, (state) => state.status === 'ready');

  const thisYear = schoolYearOf(localDay()) as SchoolYear;
  const asked = new URLSearchParams(useSearch()).get('year');
  const [year, setYear] = useState<SchoolYear>(
    asked !== null && schoolYearOf(`${asked.slice(0, 4)}-08-01`) === asked
      ? (asked as SchoolYear)
      : thisYear,
  );
  const years = useMemo(() => {
    const all = new Set([thisYear, ...schoolYearsOf(summaries ?? [])]);
    for (const entry of [...(manual ?? []), ...(coaching?.activities ?? [])]) {
      const entryYear = schoolYearOf(entry.date);
      if (entryYear) all.add(entryYear);
    }
    return [...all].sort().reverse();
  }, [summaries, manual, coaching, thisYear]);

  return {
    membership,
    session,
    rosterSession,
    roster,
    summaries,
    settings,
    manual,
    coaching,
    year,
    setYear,
    years,
    ready: loaded && summaries !== null && settings !== null,
  };
}
