import { useTranslation } from 'react-i18next';
import type { ObservationEvent } from '../../model/eventLog.ts';
import { formatClock, lessonClock } from '../../model/liveObservation.ts';
import { useNow } from './useNow.ts';

type ClockEvents = {
  readonly start: ObservationEvent | null;
  readonly end: ObservationEvent | null;
};

/**
 * The lesson clock in ms, ticking every second while the lesson runs (and
 * `tick` is set). Each view that shows time ticks on its own, so the rest of
 * the screen does not render every second.
 */
export function useLessonClock({ start, end }: ClockEvents, tick = true): number {
  const now = useNow(tick && start !== null && end === null);
  return lessonClock({ start, end, phaseId: null, phaseSince: 0 }, now);
}

/** The big lesson clock in the header. */
export function LessonClock(props: ClockEvents) {
  const { t } = useTranslation();
  const clockMs = useLessonClock(props);
  return (
    <span className="observe-clock" role="timer" aria-label={t('observe.clock.label')}>
      {formatClock(clockMs)}
    </span>
  );
}
