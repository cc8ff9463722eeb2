import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import '../../i18n/plgTexts.ts';
import { type MemberId, parseTeamId } from '../../model/ids.ts';
import { hoursOf, teamActivities, teamHours } from '../../model/learningHours.ts';
import { measuredItems, plgOverview } from '../../model/plgOverview.ts';
import { canEdit } from '../../model/roles.ts';
import { schoolYearOf } from '../../model/schoolYear.ts';
import { coachingInYear } from '../../model/teamCoaching.ts';
import { SessionProvider } from '../../sync/SessionContext.tsx';
import { CycleOverviewTable } from './CycleOverviewTable.tsx';
import { FollowedItemsPicker } from './FollowedItemsPicker.tsx';
import { formatHours } from './format.ts';
import { MyHours } from './MyHours.tsx';
import { TeamHoursTable } from './TeamHoursTable.tsx';
import { useTeamYear } from './useTeamYear.ts';
import { YearSelect } from './YearSelect.tsx';
import './plg.css';

/** Marked when the overview first shows with the team's cycles (read by the benchmark plg-overview-30-cycles). */
export const PLG_READY_MARK = 'leskring:plg-ready';

/**
 * The PLG's year (issue 13): every cycle of a school year with its key
 * measures, and everyone's professional learning hours against the team's
 * target. Drawn from the team document alone: no cycle document is opened.
 */
export default function PlgYearPage({ teamId: rawTeamId }: { teamId: string }) {
  const { t, i18n } = useTranslation();
  const teamId = parseTeamId(rawTeamId);
  const page = useTeamYear(teamId);
  const { membership, session, rosterSession, roster, summaries, settings, manual, coaching } =
    page;
  const { year, setYear, years, ready } = page;
  const cycles = useMemo(
    () => plgOverview(summaries ?? [], year, settings?.followedItems ?? []),
    [summaries, year, settings],
  );
  const activities = useMemo(
    () => teamActivities(summaries ?? [], manual ?? [], coaching?.activities ?? []),
    [summaries, manual, coaching],
  );

  useEffect(() => {
    if (ready) performance.mark(PLG_READY_MARK);
  }, [ready]);

  if (membership === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (teamId === null || membership === null) {
    return (
      <section>
        <p>{t('team.notFound')}</p>
        <Link className="back-link" href="/">
          {t('app.backHome')}
        </Link>
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
  // That coaching happens and how long, never what it is about (teamCoaching.ts).
  const coachingYear = coachingInYear(coaching, year);

  return (
    <SessionProvider
      sessions={{
        ...(session ? { team: session } : {}),
        ...(rosterSession ? { roster: rosterSession } : {}),
      }}
    >
      <div className="stack plg-page">
        <p>
          <Link className="back-link" href={`/teams/${teamId}`}>
            ← {t('plg.back')}
          </Link>
        </p>
        <div className="row row-baseline plg-header">
          <h1 id="plg-title">{t('plg.title')}</h1>
          <YearSelect
            id="plg-year"
            className="plg-year"
            year={year}
            years={years}
            onChange={setYear}
          />
        </div>
        <p className="muted">{t('plg.intro')}</p>
        {!ready || summaries === null || settings === null ? (
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
              {coachingYear.tracks > 0 && (
                <p data-testid="plg-coaching">
                  {t('plg.hours.coaching', {
                    count: coachingYear.tracks,
                    hours: formatHours(coachingYear.minutes, i18n.language),
                  })}
                </p>
              )}
            </section>
            <Link className="tap-link" href={`/teams/${teamId}/year/report`}>
              {t('plg.report.link')}
            </Link>
          </>
        )}
      </div>
    </SessionProvider>
  );
}
