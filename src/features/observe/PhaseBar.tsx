import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../../model/cycleTypes.ts';
import type { ObservationEvent } from '../../model/eventLog.ts';
import { formatClock, type LessonState, nextPhase } from '../../model/liveObservation.ts';
import { phaseTitle } from './phaseTitle.ts';
import { useLessonClock } from './useLessonClock.tsx';

type Props = {
  phases: readonly Phase[];
  phaseId: LessonState['phaseId'];
  /** Lesson clock (ms) at which the current phase began. */
  phaseSince: number;
  start: ObservationEvent | null;
  end: ObservationEvent | null;
  onNext: (phase: Phase) => void;
  disabled: boolean;
};

/** The current phase with planned against actual time, and "next phase" as one big tap. */
export const PhaseBar = memo(function PhaseBar({
  phases,
  phaseId,
  phaseSince,
  start,
  end,
  onNext,
  disabled,
}: Props) {
  const { t } = useTranslation();
  const clockMs = useLessonClock({ start, end });
  const index = phases.findIndex((phase) => phase.id === phaseId);
  const current = phases[index];
  const next = nextPhase(phases, phaseId);
  const actualMs = Math.max(0, clockMs - phaseSince);
  const plannedMs = (current?.minutes ?? 0) * 60_000;
  const over = current !== undefined && actualMs > plannedMs;
  return (
    <section className="observe-phase" aria-label={t('observe.phase.label')}>
      <div className="observe-phase-now">
        {current && (
          <span className="observe-phase-position">
            {t('observe.phase.position', { n: index + 1, total: phases.length })}
          </span>
        )}
        <strong className="observe-phase-title" aria-live="polite">
          {phaseTitle(t, phases, current)}
        </strong>
        {current && (
          <span className={`observe-phase-time${over ? ' is-over' : ''}`}>
            {t('observe.phase.actual', { time: formatClock(actualMs) })}
            {' / '}
            {t('observe.phase.planned', { minutes: current.minutes })}
            {over && (
              <>
                {' · '}
                {t('observe.phase.over', { time: formatClock(actualMs - plannedMs) })}
              </>
            )}
          </span>
        )}
      </div>
      {phases.length > 0 &&
        (next ? (
          <button
            type="button"
            className="observe-tap primary observe-next"
            disabled={disabled}
            onClick={() => onNext(next)}
          >
            {t('observe.phase.next')}
            <span className="observe-next-title">{phaseTitle(t, phases, next)}</span>
          </button>
        ) : (
          <span className="observe-phase-last">{t('observe.phase.last')}</span>
        ))}
    </section>
  );
});
