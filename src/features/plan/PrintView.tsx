import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { formatDate } from '../../i18n/format.ts';
import { cycleTextPlain } from '../../model/cycleDoc.ts';
import type { CasePupil, CycleSnapshot, ResearchLesson, Run } from '../../model/cycleTypes.ts';
import { parseTeamId } from '../../model/ids.ts';
import { totalMinutes } from '../../model/phases.ts';
import type { TeamMember } from '../../model/roster.ts';
import { type PupilNames, useMembership, usePupilNames } from '../../sync/device.ts';
import { useRoster } from '../../sync/roster.ts';
import { useCycleDoc } from '../cycle/useCycleDoc.ts';
import { formatDay } from './format.ts';
import { PrintedPhases } from './PrintedPhases.tsx';
import './plan.css';

type Props = { teamId: string; cycleId: string };

/**
 * The lesson plan of one research lesson with the predictions, for the
 * teacher who teaches it: A4, black and white (print stylesheet in
 * plan.css). Pseudonyms only, unless the user ticks "include real names".
 */
export default function PrintView({ teamId, cycleId }: Props) {
  const { t, i18n } = useTranslation();
  const team = parseTeamId(teamId);
  const membership = useMembership(team);
  const { session, cycle, status } = useCycleDoc(membership ? teamId : null, cycleId);
  const { roster } = useRoster(membership);
  const realNames = usePupilNames(cycleId);
  const search = new URLSearchParams(useSearch());
  const [rlChoice, setRlChoice] = useState<string | null>(search.get('rl'));
  const [runChoice, setRunChoice] = useState<string | null>(null);
  const [includeRealNames, setIncludeRealNames] = useState(false);
  const id = useId();
  const backHref = `/teams/${teamId}/cycles/${cycleId}`;

  if (membership === undefined || (membership && status === 'loading')) {
    return (
      <p className="muted" role="status">
        {t('plan.print.loading')}
      </p>
    );
  }
  if (!membership || status !== 'ready' || !cycle || !session) {
    return (
      <section className="stack">
        <p>{t('plan.print.notFound')}</p>
        <Link href="/">{t('app.backHome')}</Link>
      </section>
    );
  }

  const lessons = cycle.researchLessons;
  const rl = lessons.find((l) => l.id === rlChoice) ?? lessons[lessons.length - 1];
  const runs = cycle.runs
    .filter((run) => run.researchLessonId === rl?.id)
    .sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));
  const run = runChoice === '' ? null : (runs.find((r) => r.id === runChoice) ?? runs[0] ?? null);
  const researchQuestion = cycleTextPlain(session.doc, 'researchQuestion').trim();

  return (
    <div className="print-view">
      <section className="print-controls no-print" aria-label={t('plan.print.options')}>
        <Link href={backHref} className="back-link">
          ← {t('plan.print.back')}
        </Link>
        <div className="row print-options">
          <label className="field inline-field">
            <span>{t('plan.rl.label')}</span>
            <select value={rl?.id ?? ''} onChange={(event) => setRlChoice(event.target.value)}>
              {lessons.map((lesson) => (
                <option key={lesson.id} value={lesson.id}>
                  {t('plan.rl.long', { number: lesson.number })}
                </option>
              ))}
            </select>
          </label>
          {runs.length > 0 && (
            <label className="field inline-field">
              <span>{t('plan.print.run')}</span>
              <select value={run?.id ?? ''} onChange={(event) => setRunChoice(event.target.value)}>
                <option value="">{t('plan.print.noRun')}</option>
                {runs.map((each) => (
                  <option key={each.id} value={each.id}>
                    {runLabel(each, t, roster?.members ?? [], i18n.language)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('plan.print.button')}
          </button>
        </div>
        <div className="privacy-box">
          <label className="checkbox" htmlFor={`${id}-real`}>
            <input
              id={`${id}-real`}
              type="checkbox"
              checked={includeRealNames}
              aria-describedby={`${id}-real-hint`}
              onChange={(event) => setIncludeRealNames(event.target.checked)}
            />
            {t('plan.print.includeRealNames')}
          </label>
          <p id={`${id}-real-hint`} className="small">
            {t('plan.print.includeRealNamesHint')}
          </p>
        </div>
      </section>
      {rl && (
        <PrintSheet
          cycle={cycle}
          rl={rl}
          run={run}
          members={roster?.members ?? []}
          researchQuestion={researchQuestion}
          realNames={includeRealNames ? (realNames ?? null) : null}
        />
      )}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function runLabel(run: Run, t: T, members: readonly TeamMember[], language: string): string {
  const teacher = members.find((m) => m.memberId === run.teacherId)?.displayName;
  const date = run.date ? formatDay(run.date, language) : t('plan.runs.noDate');
  return [date, run.className, teacher].filter(Boolean).join(' · ');
}

function PrintSheet({
  cycle,
  rl,
  run,
  members,
  researchQuestion,
  realNames,
}: {
  cycle: CycleSnapshot;
  rl: ResearchLesson;
  run: Run | null;
  members: readonly TeamMember[];
  researchQuestion: string;
  realNames: PupilNames | null;
}) {
  const { t, i18n } = useTranslation();
  const pupils = cycle.casePupils;
  const teacher = run ? members.find((m) => m.memberId === run.teacherId)?.displayName : undefined;
  const nameOf = (pupil: CasePupil) => {
    const real = realNames?.get(pupil.id);
    return real ? `${pupil.pseudonym} (${real})` : pupil.pseudonym;
  };
  const total = totalMinutes(rl.phases);

  return (
    <article className="print-sheet" aria-labelledby="print-title">
      <header className="print-header">
        <p className="print-kicker">
          {t('plan.print.heading')} · {t('plan.rl.long', { number: rl.number })}
        </p>
        <h1 id="print-title">{cycle.meta.title}</h1>
        <dl className="print-meta">
          {researchQuestion && (
            <div className="print-meta-wide">
              <dt>{t('plan.print.researchQuestion')}</dt>
              <dd className="pre-line">{researchQuestion}</dd>
            </div>
          )}
          <div>
            <dt>{t('plan.print.date')}</dt>
            <dd>
              {run?.date
                ? formatDay(run.date, i18n.language)
                : t('plan.print.printedOn', {
                    date: formatDate(new Date().toISOString(), i18n.language),
                  })}
            </dd>
          </div>
          {run && (
            <>
              <div>
                <dt>{t('plan.print.teacher')}</dt>
                <dd>{teacher ?? t('plan.runs.noTeacher')}</dd>
              </div>
              <div>
                <dt>{t('plan.print.className')}</dt>
                <dd>{run.className || '—'}</dd>
              </div>
            </>
          )}
          <div>
            <dt>{t('plan.print.lessonLength')}</dt>
            <dd>{t('plan.print.totalPlanned', { total, lesson: cycle.meta.lessonMinutes })}</dd>
          </div>
        </dl>
      </header>

      {pupils.length > 0 && (
        <section className="print-pupils">
          <h2>{t('plan.print.casePupils')}</h2>
          <ul>
            {pupils.map((pupil) => (
              <li key={pupil.id}>
                <strong>{nameOf(pupil)}</strong>
                {pupil.profile.trim() && <> — {pupil.profile}</>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {rl.phases.length === 0 ? (
        <p>{t('plan.print.noPhases')}</p>
      ) : (
        <PrintedPhases rl={rl} pupils={pupils} nameOf={nameOf} />
      )}
    </article>
  );
}
