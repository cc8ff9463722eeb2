import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import '../../i18n/plgTexts.ts';
import { teamDocName } from '../../model/docName.ts';
import { type MemberId, parseTeamId } from '../../model/ids.ts';
import { hoursOf, teamActivities, teamHours } from '../../model/learningHours.ts';
import { measuredItems, plgOverview, schoolYearsOf } from '../../model/plgOverview.ts';
import { readManualHours, readPlgSettings } from '../../model/plgSettings.ts';
import { canEdit } from '../../model/roles.ts';
import { type SchoolYear, schoolYearOf } from '../../model/schoolYear.ts';
import { readCycleSummaries } from '../../model/teamDoc.ts';
import { useMembership } from '../../sync/device.ts';
import { useOpenSession, useSessionState, useYSnapshot } from '../../sync/hooks.ts';
import { useRoster } from '../../sync/roster.ts';
import { SessionProvider } from '../../sync/SessionContext.tsx';
import { CycleOverviewTable } from './CycleOverviewTable.tsx';
import { FollowedItemsPicker } from './FollowedItemsPicker.tsx';
import { todayLocal } from './format.ts';
import { MyHours } from './MyHours.tsx';
import { TeamHoursTable } from './TeamHoursTable.tsx';
import './plg.css';

/** Marked when the overview first shows with the team's cycles (read by the benchmark plg-overview-30-cycles). */
export const PLG_READY_MARK = 'leskring:plg-ready';

const NONE_DELETED: ReadonlyMap<string, unknown> = new Map();

/**
 * The PLG's year (issue 13): every cycle of a school year with its key
 * measures, and everyone's professional learning hours against the team's
 * target. Drawn from the team document alone: no cycle document is opened.
 */
export default function PlgYearPage({ teamId: rawTeamId }: { teamId: string }) {
  const { t } = useTranslation();
  const teamId = parseTeamId(rawTeamId);
  const membership = useMembership(teamId);
  const session = useOpenSession(membership && teamId ? teamDocName(teamId) : null);
  const { session: rosterSession, roster } = useRoster(membership);
  const deleted = roster?.deletedCycles ?? NONE_DELETED;
  const doc = session?.doc ?? null;
  const summaries = useYSnapshot(doc, (d) => readCycleSummaries(d, deleted), [deleted]);
  const settings = useYSnapshot(doc, readPlgSettings);
  const manual = useYSnapshot(doc, readManualHours);
  const thisYear = schoolYearOf(todayLocal()) as SchoolYear;
  // `?year=2025-2026` opens another school year (a link a facilitator can share).
  const asked = new URLSearchParams(useSearch()).get('year');
  const [year, setYear] = useState<SchoolYear>(
    asked !== null && schoolYearOf(`${asked.slice(0, 4)}-08-01`) === asked
      ? (asked as SchoolYear)
      : thisYear,
  );

  const years = useMemo(() => {
    const all = new Set([thisYear, ...schoolYearsOf(summaries ?? [])]);
    for (const entry of manual ?? []) {
      const entryYear = schoolYearOf(entry.date);
      if (entryYear) all.add(entryYear);
    }
    return [...all].sort().reverse();
  }, [summaries, manual, thisYear]);
  const cycles = useMemo(
    () => plgOverview(summaries ?? [], year, settings?.followedItems ?? []),
    [summaries, year, settings],
  );
  const activities = useMemo(
    () => teamActivities(summaries ?? [], manual ?? []),
    [summaries, manual],
  );

  // Ready once the stored team document is loaded (an empty, still-loading one reads as no cycles).
  const loaded = useSessionState(session, (state) => state.status === 'ready');
  const ready = loaded && summaries !== null && settings !== null;
  useEffect(() => {
    if (ready) performance.mark(PLG_READY_MARK);
  }, [ready]);

  if (membership === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (teamId === null || membership === null) {
    return (
      <section>
        <p>{t('team.notFound')}</p>
        <Link href="/">{t('app.backHome')}</Link>
      </section>
    );
  }
  const editable = canEdit(membership.role) && membership.status !== 'removed';
  const me = membership.memberId;
  const members: MemberId[] = (roster?.members ?? []).map((member) => member.memberId);
  if (!members.includes(me)) members.push(me);
  const nameOf = (memberId: MemberId) =>
    roster?.names.get(memberId) ?? (memberId === me ? membership.displayName : memberId);
  const target = settings?.targetHours ?? 20;

  return (
    <SessionProvider
      sessions={{
        ...(session ? { team: session } : {}),
        ...(rosterSession ? { roster: rosterSession } : {}),
      }}
    >
      <div className="stack plg-page">
        <p>
          <Link href={`/teams/${teamId}`}>← {t('plg.back')}</Link>
        </p>
        <div className="row row-baseline plg-header">
          <h1 id="plg-title">{t('plg.title')}</h1>
          <div className="plg-year">
            <label htmlFor="plg-year">{t('plg.year')}</label>{' '}
            <select
              id="plg-year"
              value={year}
              onChange={(event) => setYear(event.target.value as SchoolYear)}
            >
              {years.map((each) => (
                <option key={each} value={each}>
                  {each.replace('-', '–')}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="muted">{t('plg.intro')}</p>
        {!ready ? (
          <p className="muted">{t('plg.loading')}</p>
        ) : (
          <>
            <section className="stack" aria-labelledby="plg-cycles-heading">
              <h2 id="plg-cycles-heading">{t('plg.cycles.heading')}</h2>
              <CycleOverviewTable
                teamId={teamId}
                cycles={cycles}
                followed={settings.followedItems}
              />
            </section>
            <FollowedItemsPicker
              key={settings.followedItems.map((item) => item.key).join('|')}
              measured={measuredItems(summaries)}
              followed={settings.followedItems}
              editable={editable}
            />
            <section className="stack" aria-labelledby="plg-hours-heading">
              <h2 id="plg-hours-heading">{t('plg.hours.heading')}</h2>
              <p className="muted small">{t('plg.hours.intro')}</p>
              <div className="columns">
                <MyHours
                  me={me}
                  hours={hoursOf(me, activities, year)}
                  targetHours={target}
                  manual={(manual ?? []).filter(
                    (entry) => entry.memberId === me && schoolYearOf(entry.date) === year,
                  )}
                  editable={editable}
                />
                <TeamHoursTable
                  key={target}
                  team={teamHours(members, activities, year, target)}
                  me={me}
                  nameOf={nameOf}
                  targetHours={target}
                  editable={editable}
                />
              </div>
            </section>
            <Link href={`/teams/${teamId}/year/report`}>{t('plg.report.link')}</Link>
          </>
        )}
      </div>
    </SessionProvider>
  );
}
