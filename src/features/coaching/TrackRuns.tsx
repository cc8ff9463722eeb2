import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { localDay } from '../../app/localDay.ts';
import { showToast } from '../../app/ui/toasts.ts';
import { formatDate } from '../../i18n/format.ts';
import { type CycleLesson, focusedTemplate, planTrackRun } from '../../model/coachingInsights.ts';
import type { RunId } from '../../model/cycleTypes.ts';
import type { MemberId } from '../../model/ids.ts';
import { readRunTemplate } from '../../model/runTemplate.ts';
import type { DocSession } from '../../sync/docSession.ts';
import { tryChange } from '../cycle/metaWrites.ts';
import { LinkedLessons } from './LinkedLessons.tsx';
import type { TrackRun } from './useTrack.ts';

type Props = {
  readonly teamId: string;
  readonly shared: DocSession;
  readonly runs: readonly TrackRun[];
  readonly coacheeId: MemberId;
  /** The item keys the next observation focuses on (the coach's), with their labels. */
  readonly focus: ReadonlyMap<string, string>;
  /** The coach plans; the coachee sees the runs of their lessons. */
  readonly mayPlan: boolean;
  readonly cycleLessons: readonly CycleLesson[];
};

/** The coachee's observed lessons in the track, and planning the next observation. */
export function TrackRuns({
  teamId,
  shared,
  runs,
  coacheeId,
  focus,
  mayPlan,
  cycleLessons,
}: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [date, setDate] = useState(localDay());
  const [invalid, setInvalid] = useState(false);
  const docId = shared.name.split('/')[1] ?? '';
  const base = `/teams/${teamId}/cycles/${docId}/runs`;

  function plan() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const planned = tryChange(shared, (doc, ctx) => {
      // The focus narrows the kijkwijzer the last observation used to the agreed items.
      const last = [...runs].reverse().find((run) => readRunTemplate(doc, run.id as RunId));
      const from = last ? readRunTemplate(doc, last.id as RunId) : null;
      const template =
        from && focus.size > 0
          ? focusedTemplate(
              from,
              new Set(focus.keys()),
              `Focus: ${[...focus.values()].join(', ')}`,
              ctx,
            )
          : null;
      planTrackRun(doc, { date, coacheeId, template }, ctx);
    });
    if (planned) showToast(t('coaching.runs.planned'));
    else setInvalid(true);
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-runs`}>
      <h2 id={`${id}-runs`}>{t('coaching.runs.title')}</h2>
      {runs.length === 0 ? (
        <p className="muted">{t('coaching.runs.none')}</p>
      ) : (
        <ul className="coaching-tracks" data-testid="track-runs">
          {runs.map((run) => (
            <li key={run.id}>
              <span>
                {t('coaching.runs.line', {
                  date: run.date ? formatDate(run.date, i18n.language) : '—',
                })}
                {' · '}
                {t('coaching.runs.events', { count: run.events })}
              </span>
              {mayPlan && (
                <Link href={`${base}/${run.id}/observe`} className="button-link">
                  {t('coaching.runs.observe')}
                </Link>
              )}
              <Link className="tap-link" href={`${base}/${run.id}/timeline`}>
                {t('coaching.runs.timeline')}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {mayPlan && (
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('coaching.runs.date')}</label>
            <input
              id={`${id}-date`}
              type="date"
              value={date}
              onChange={(event) => setDate(event.target.value)}
              aria-invalid={invalid}
            />
          </div>
          <button type="button" onClick={plan}>
            {t('coaching.runs.plan')}
          </button>
        </div>
      )}
      {mayPlan && focus.size > 0 && (
        <p className="muted small">
          {t('coaching.runs.focused', { items: [...focus.values()].join(', ') })}
        </p>
      )}
      <LinkedLessons shared={shared} lessons={cycleLessons} mayLink={mayPlan} />
      {invalid && (
        <p className="field-error" role="alert">
          {t('coaching.runs.invalidDate')}
        </p>
      )}
    </section>
  );
}
