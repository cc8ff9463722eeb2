import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ObservationEvent } from '../../model/eventLog.ts';
import { LessonClock } from './useLessonClock.tsx';
import type { WakeLockState } from './useWakeLock.ts';

type Props = {
  backHref: string;
  title: string;
  className: string;
  start: ObservationEvent | null;
  end: ObservationEvent | null;
  /** Whether this device has everything on disk: saved, a write on its way, or one failed. */
  saving: 'saved' | 'saving' | 'failed';
  /** Null unless the lesson is being observed. */
  wakeLock: WakeLockState | null;
  colleagues: number;
};

const SAVING_TEXT = {
  saved: 'observe.saved.status',
  saving: 'observe.saved.statusSaving',
  failed: 'observe.saved.failed',
} as const;

/** Back link, run title, the lesson clock and one status line (saved on this device, screen, colleagues). */
export const ObserveHeader = memo(function ObserveHeader(props: Props) {
  const { t } = useTranslation();
  const { wakeLock, colleagues } = props;
  return (
    <header className="observe-bar">
      <Link href={props.backHref} className="back-link">
        ← {t('observe.back')}
      </Link>
      <h1 className="observe-title">
        {props.title}
        {props.className && (
          <span className="muted"> · {t('observe.inClass', { className: props.className })}</span>
        )}
      </h1>
      {props.start && <LessonClock start={props.start} end={props.end} />}
      <span className="observe-status" role="status">
        {t(SAVING_TEXT[props.saving])}
        {wakeLock && (
          <>
            {' · '}
            <span className={`observe-wake is-${wakeLock}`}>
              {t(`observe.wakeLock.${wakeLock}`)}
            </span>
          </>
        )}
        {colleagues > 0 && (
          <>
            {' · '}
            {t('observe.colleagues', { count: colleagues })}
          </>
        )}
      </span>
    </header>
  );
});
