import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import '../../i18n/plgTexts.ts';
import { CYCLE_STAGES } from '../../model/cycleTypes.ts';
import { parseTeamId } from '../../model/ids.ts';
import { teamActivities, teamHours } from '../../model/learningHours.ts';
import { plgOverview, yearAggregates } from '../../model/plgOverview.ts';
import { coachingInYear } from '../../model/teamCoaching.ts';
import { readTeam } from '../../model/teamDoc.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { formatFigure, formatHours } from './format.ts';
import { useTeamYear } from './useTeamYear.ts';
import { YearSelect } from './YearSelect.tsx';
import './plg.css';

/**
 * The report a PLG hands its school leader: totals only (cycles, stages,
 * lessons, the team's learning hours, how baselines moved). Never a person's
 * hours or an individual teacher's observations: observation is for
 * learning, not appraisal. Printable on A4.
 */
export default function LeaderReport({ teamId: rawTeamId }: { teamId: string }) {
  const { t, i18n } = useTranslation();
  const teamId = parseTeamId(rawTeamId);
  const { membership, session, roster, summaries, settings, manual, coaching, ...page } =
    useTeamYear(teamId);
  const { year, setYear, years, ready } = page;
  const team = useYSnapshot(session?.doc ?? null, readTeam);

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
  if (!ready || summaries === null || settings === null)
    return <p className="muted">{t('plg.loading')}</p>;

  const cycles = plgOverview(summaries, year, []);
  const totals = yearAggregates(cycles);
  const members = (roster?.members ?? []).map((member) => member.memberId);
  const hours = teamHours(
    members,
    teamActivities(summaries, manual ?? [], coaching?.activities ?? []),
    year,
    settings.targetHours,
  );
  const lang = i18n.language;
  // That coaching happens, never what it is about (teamCoaching.ts).
  const coachingYear = coachingInYear(coaching, year);
  const changed = cycles.flatMap((cycle) =>
    cycle.baselines
      .filter((baseline) => baseline.value !== null && baseline.after !== null)
      .map((baseline) => ({ cycle: cycle.title, baseline })),
  );

  return (
    <article className="stack plg-report" aria-labelledby="plg-report-heading">
      <p className="no-print">
        <Link className="back-link" href={`/teams/${teamId}/year`}>
          ← {t('plg.title')}
        </Link>
      </p>
      <h1 id="plg-report-heading">
        {t('plg.report.heading')}: {team?.name || membership.teamName}
      </h1>
      <div className="row row-baseline no-print">
        <YearSelect id="plg-report-year" year={year} years={years} onChange={setYear} />
        <button type="button" onClick={() => window.print()}>
          {t('plg.report.print')}
        </button>
      </div>
      <p className="print-only">
        {t('plg.year')} {year.replace('-', '–')}
      </p>
      <p className="muted">{t('plg.report.intro')}</p>
      <dl data-testid="plg-report">
        <dt>{t('plg.report.cycles')}</dt>
        <dd>{totals.cycles}</dd>
        <dt>{t('plg.report.byStage')}</dt>
        <dd>
          {CYCLE_STAGES.filter((stage) => totals.byStage[stage])
            .map((stage) => `${t(`cycle.stages.${stage}`)}: ${totals.byStage[stage]}`)
            .join(' · ') || '–'}
        </dd>
        <dt>{t('plg.report.lessonsTaught')}</dt>
        <dd>{totals.lessonsTaught}</dd>
        <dt>{t('plg.report.runsTaught')}</dt>
        <dd>{totals.runsTaught}</dd>
        <dt>{t('plg.report.members')}</dt>
        <dd>{hours.members.length}</dd>
        <dt>{t('plg.report.hoursTotal')}</dt>
        <dd>{t('plg.hours.hoursValue', { hours: formatHours(hours.totalMinutes, lang) })}</dd>
        <dt>{t('plg.report.hoursPerMember')}</dt>
        <dd>
          {t('plg.hours.hoursValue', {
            hours: formatHours(
              hours.members.length === 0 ? 0 : hours.totalMinutes / hours.members.length,
              lang,
            ),
          })}
        </dd>
        <dt>{t('plg.report.underTarget', { target: settings.targetHours })}</dt>
        <dd>
          {hours.underTarget} / {hours.members.length}
        </dd>
        <dt>{t('plg.report.coachingTracks')}</dt>
        <dd>{coachingYear.tracks}</dd>
        <dt>{t('plg.report.coachingHours')}</dt>
        <dd>{t('plg.hours.hoursValue', { hours: formatHours(coachingYear.minutes, lang) })}</dd>
        <dt>{t('plg.report.baselines')}</dt>
        <dd>{t('plg.report.baselinesValue', totals.baselines)}</dd>
      </dl>
      {changed.length > 0 && (
        <section className="stack">
          <h2>{t('plg.report.changes')}</h2>
          <ul>
            {changed.map(({ cycle, baseline }) => (
              <li key={`${cycle}-${baseline.label}`}>
                {cycle}:{' '}
                {t('plg.cycles.baseline', {
                  label: baseline.label,
                  before: `${formatFigure(baseline.value ?? 0, lang)} ${baseline.unit}`.trim(),
                  after: `${formatFigure(baseline.after ?? 0, lang)} ${baseline.unit}`.trim(),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
