import { useTranslation } from 'react-i18next';
import { stepElapsedSeconds } from '../../model/debrief.ts';
import type { ProtocolStep } from '../../model/debriefProtocol.ts';
import { formatClock } from '../../model/liveObservation.ts';
import { useNow } from '../observe/useNow.ts';
import { stepTitle } from './stepTitle.ts';

type Props = {
  step: ProtocolStep;
  index: number;
  count: number;
  /** When the chair moved to this step (ISO), or null before. */
  since: string | null;
  canMove: boolean;
  chairNames: readonly string[];
  previous: string | null;
  next: string | null;
  onMove: (stepId: string) => void;
};

/** The current step: its title and place, the timer against its minutes, and moving on. */
export function StepHeader(props: Props) {
  const { t } = useTranslation();
  const { step, index, count, since, canMove, chairNames, previous, next, onMove } = props;
  const now = useNow(since !== null, 1000);
  const elapsed = stepElapsedSeconds(since, now);
  const over = elapsed === null ? 0 : elapsed - step.minutes * 60;
  return (
    <header className="debrief-step-header">
      <div>
        <p className="muted small">{t('debrief.runner.stepOf', { number: index + 1, count })}</p>
        <h2 id="debrief-step-title">{stepTitle(t, step)}</h2>
        {step.kind !== 'custom' && (
          <p className="debrief-hint">{t(`debrief.hints.${step.kind}`)}</p>
        )}
      </div>
      <div className={`debrief-timer${over > 0 ? ' is-over' : ''}`}>
        <span className="visually-hidden">{t('debrief.runner.timer')}</span>
        {elapsed === null ? (
          <span className="muted small">{t('debrief.runner.notYet')}</span>
        ) : (
          <>
            <time className="debrief-clock" data-testid="step-timer">
              {formatClock(elapsed * 1000)}
            </time>
            <span className="muted small">
              {' '}
              / {t('debrief.runner.minutes', { count: step.minutes })}
            </span>
            {over >= 60 && (
              <span className="badge badge-warn">
                {t('debrief.runner.overTime', { minutes: Math.floor(over / 60) })}
              </span>
            )}
          </>
        )}
      </div>
      <div className="debrief-moves">
        {canMove ? (
          <div className="row">
            <button
              type="button"
              disabled={previous === null}
              onClick={() => previous && onMove(previous)}
            >
              ← {t('debrief.runner.previous')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={next === null}
              onClick={() => next && onMove(next)}
              data-testid="debrief-next"
            >
              {t('debrief.runner.next')} →
            </button>
          </div>
        ) : (
          <p className="muted small">
            {chairNames.length > 0
              ? t('debrief.runner.chairLeads', { names: chairNames.join(', ') })
              : t('debrief.runner.noChair')}
          </p>
        )}
      </div>
    </header>
  );
}
