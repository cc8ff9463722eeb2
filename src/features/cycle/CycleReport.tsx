import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import '../../i18n/debriefTexts.ts';
import '../../i18n/plgTexts.ts';
import { formatDate } from '../../i18n/format.ts';
import { cycleTextPlain } from '../../model/cycleDoc.ts';
import type { CasePupil, CycleSnapshot, ResearchLesson } from '../../model/cycleTypes.ts';
import { cellKey, foldDebrief, readDebriefLog } from '../../model/debrief.ts';
import { parseTeamId } from '../../model/ids.ts';
import { IMPACT_LEVELS, impactText } from '../../model/impact.ts';
import { useMembership } from '../../sync/device.ts';
import { formatDay } from '../plan/format.ts';
import { PrintedPhases } from '../plan/PrintedPhases.tsx';
import '../plan/plan.css';
import { useCycleDoc } from './useCycleDoc.ts';

type Props = { teamId: string; cycleId: string };

const pseudonym = (pupil: CasePupil) => pupil.pseudonym;

/**
 * The whole cycle on paper (issue 13): research question, goals, starting
 * point with its measures, per research lesson the plan with predictions,
 * the predicted-versus-observed judgements, findings with their changes and
 * how earlier changes worked, and the impact note. A4, black and white
 * (print stylesheet in plan.css); pseudonyms only, always.
 */
export default function CycleReport({ teamId, cycleId }: Props) {
  const { t, i18n } = useTranslation();
  const membership = useMembership(parseTeamId(teamId));
  const { session, cycle, status } = useCycleDoc(membership ? teamId : null, cycleId);
  const backHref = `/teams/${teamId}/cycles/${cycleId}`;

  if (membership === undefined || (membership && status === 'loading'))
    return (
      <p className="muted" role="status">
        {t('plg.cycleReport.loading')}
      </p>
    );
  if (!membership || status !== 'ready' || !cycle || !session)
    return (
      <section className="stack">
        <p>{t('plg.cycleReport.notFound')}</p>
        <Link className="back-link" href="/">
          {t('app.backHome')}
        </Link>
      </section>
    );

  const doc = session.doc;
  const text = (value: string) => value.trim() || t('plg.cycleReport.none');
  return (
    <div className="print-view">
      <section className="print-controls no-print stack">
        <Link className="back-link" href={backHref}>
          ← {t('plg.cycleReport.back')}
        </Link>
        <p className="muted">{t('plg.cycleReport.intro')}</p>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('plg.cycleReport.print')}
        </button>
      </section>
      <article
        className="print-sheet cycle-report"
        aria-labelledby="report-title"
        data-testid="cycle-report"
      >
        <header className="print-header">
          <p className="print-kicker">{t('plg.cycleReport.title')}</p>
          <h1 id="report-title">{cycle.meta.title}</h1>
          <p className="muted small">
            {[cycle.meta.subject, cycle.meta.yearGroup].filter(Boolean).join(' · ')}
            {' · '}
            {t('plg.cycleReport.printedOn', {
              date: formatDate(new Date().toISOString(), i18n.language),
            })}
          </p>
        </header>
        <ReportText
          heading={t('plg.cycleReport.question')}
          value={text(cycleTextPlain(doc, 'researchQuestion'))}
        />
        <ReportText
          heading={t('plg.cycleReport.goals')}
          value={text(cycleTextPlain(doc, 'goals'))}
        />
        <ReportText
          heading={t('plg.cycleReport.startingData')}
          value={text(cycleTextPlain(doc, 'startingData'))}
        />
        {cycle.meta.baselines.length > 0 && (
          <section className="print-field">
            <h2>{t('plg.cycleReport.baselines')}</h2>
            <ul>
              {cycle.meta.baselines.map((baseline) => (
                <li key={baseline.id}>
                  {t(baseline.after === null ? 'plg.cycles.baselineOpen' : 'plg.cycles.baseline', {
                    label: baseline.label,
                    before: `${baseline.value ?? '–'} ${baseline.unit}`.trim(),
                    after: `${baseline.after ?? '–'} ${baseline.unit}`.trim(),
                  })}
                </li>
              ))}
            </ul>
          </section>
        )}
        {cycle.casePupils.length > 0 && (
          <section className="print-pupils">
            <h2>{t('plg.cycleReport.pupils')}</h2>
            <ul>
              {cycle.casePupils.map((pupil) => (
                <li key={pupil.id}>
                  <strong>{pupil.pseudonym}</strong>
                  {pupil.profile.trim() && <> — {pupil.profile}</>}
                </li>
              ))}
            </ul>
          </section>
        )}
        {cycle.researchLessons.map((rl) => (
          <LessonPart key={rl.id} doc={doc} cycle={cycle} rl={rl} />
        ))}
        <section className="print-field">
          <h2>{t('plg.cycleReport.impact')}</h2>
          {IMPACT_LEVELS.map((level) => (
            <ReportText
              key={level}
              heading={t(`cycle.impact.levels.${level}`)}
              value={text(impactText(doc, level).toString())}
              level={3}
            />
          ))}
        </section>
      </article>
    </div>
  );
}

function ReportText({
  heading,
  value,
  level = 2,
}: {
  heading: string;
  value: string;
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="print-field">
      <Heading>{heading}</Heading>
      <p className="pre-line">{value}</p>
    </section>
  );
}

/** One research lesson: its plan with predictions, then every run's debrief. */
function LessonPart({ doc, cycle, rl }: { doc: Y.Doc; cycle: CycleSnapshot; rl: ResearchLesson }) {
  const { t, i18n } = useTranslation();
  const rlName = t('plan.rl.long', { number: rl.number });
  const runs = cycle.runs
    .filter((run) => run.researchLessonId === rl.id)
    .sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));
  // Earlier findings by id, for the verdicts of this lesson's debriefs.
  const findingText = new Map<string, string>();
  for (const run of cycle.runs)
    for (const finding of foldDebrief(readDebriefLog(doc, run.id).entries).findings)
      findingText.set(finding.id, finding.text);
  const phaseName = (id: string) => {
    const index = rl.phases.findIndex((phase) => phase.id === id);
    const phase = rl.phases[index];
    return phase ? phase.title.trim() || t('plan.phases.untitled', { number: index + 1 }) : '–';
  };

  return (
    <section className="stack report-lesson">
      <h2>{t('plg.cycleReport.lesson', { rl: rlName })}</h2>
      <PrintedPhases rl={rl} pupils={cycle.casePupils} nameOf={pseudonym} />
      {runs.length > 0 && <h2>{t('plg.cycleReport.runs', { rl: rlName })}</h2>}
      {runs.map((run) => {
        const state = foldDebrief(readDebriefLog(doc, run.id).entries);
        const title = t('plg.cycleReport.run', {
          date: run.date ? formatDay(run.date, i18n.language) : t('plan.runs.noDate'),
          className: run.className || '–',
        });
        return (
          <section key={run.id} className="print-field report-run">
            <h3>{title}</h3>
            {!state.started ? (
              <p className="muted">{t('plg.cycleReport.noDebrief')}</p>
            ) : (
              <>
                {state.judgements.size > 0 && (
                  <>
                    <h4>{t('plg.cycleReport.matrix')}</h4>
                    <ul>
                      {cycle.casePupils.flatMap((pupil) =>
                        rl.phases.flatMap((phase) => {
                          const judgement = state.judgements.get(cellKey(pupil.id, phase.id));
                          return judgement
                            ? [
                                <li key={`${pupil.id}-${phase.id}`}>
                                  {pupil.pseudonym}, {phaseName(phase.id)}:{' '}
                                  <strong>{t(`debrief.matrix.values.${judgement.value}`)}</strong>
                                  {judgement.text && ` — ${judgement.text}`}
                                </li>,
                              ]
                            : [];
                        }),
                      )}
                    </ul>
                  </>
                )}
                <h4>{t('plg.cycleReport.findings')}</h4>
                {state.findings.length === 0 ? (
                  <p className="muted">{t('plg.cycleReport.noFindings')}</p>
                ) : (
                  <ul>
                    {state.findings.map((finding) => (
                      <li key={finding.id}>
                        <strong>{finding.text}</strong>
                        {finding.changes.length > 0 && (
                          <ul>
                            {finding.changes.map((change) => (
                              <li key={change.id}>
                                {t(`debrief.findings.targets.${change.target}`)}
                                {change.phaseId ? ` (${phaseName(change.phaseId)})` : ''}:{' '}
                                {change.text}
                              </li>
                            ))}
                          </ul>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {state.verdicts.size > 0 && (
                  <>
                    <h4>
                      {t('plg.cycleReport.verdict', {
                        rl: t('plan.rl.short', { number: rl.number - 1 }),
                      })}
                    </h4>
                    <ul>
                      {[...state.verdicts].map(([findingId, verdict]) => (
                        <li key={findingId}>
                          {findingText.get(findingId) ?? '–'}:{' '}
                          <strong>{t(`debrief.checks.verdicts.${verdict.value}`)}</strong>
                          {verdict.text && ` — ${verdict.text}`}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </section>
        );
      })}
    </section>
  );
}
