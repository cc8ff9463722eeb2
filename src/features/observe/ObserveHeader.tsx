import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ObservationEvent } from '../../model/eventLog.ts';
import { useSessionState } from '../../sync/hooks.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { LessonClock } from './useLessonClock.tsx';
import type { WakeLockState } from './useWakeLock.ts';

type Props = {
  backHref: string;
  backLabel: string;
  title: string;
  className: string;
  start: ObservationEvent | null;
  end: ObservationEvent | null;
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
  // Read here rather than passed in: each edit's save would otherwise render the whole screen.
  const saving = useSessionState(useSession('cycle'), (state) => state.save);
  return (
    <header className="observe-bar">
      <Link href={props.backHref} className="back-link">
        ← {props.backLabel}
      </Link>
      <h1 className="observe-title">
        {props.title}
        {props.className && (
          <span className="muted"> · {t('observe.inClass', { className: props.className })}</span>
        )}
      </h1>
      {props.start && <LessonClock start={props.start} end={props.end} />}
      <span className="observe-status" role="status">
        {t(SAVING_TEXT[saving])}
        {colleagues > 0 && (
          <>
            {' · '}
            {t('observe.colleagues', { count: colleagues })}
          </>
        )}
      </span>
      {wakeLock && (
        // Its own line, which may wrap: what to do about a screen that can go dark must be read whole.
        <p className="observe-wake-line" role="status">
          <span className={`observe-wake is-${wakeLock}`}>{t(`observe.wakeLock.${wakeLock}`)}</span>
          {wakeLock === 'off' && (
            <span className="observe-wake-hint"> {t('observe.wakeLock.offHint')}</span>
          )}
        </p>
      )}
    </header>
  );
});
