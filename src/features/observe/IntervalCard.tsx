import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhaseId } from '../../model/cycleTypes.ts';
import type { ObservationEvent } from '../../model/eventLog.ts';
import { formatClock, intervalDue } from '../../model/liveObservation.ts';
import type { TemplateItem } from '../../model/templates.ts';
import type { Recorder } from './useRecorder.ts';

type Props = {
  item: TemplateItem;
  pupil?: { readonly id: string; readonly pseudonym: string };
  effective: readonly ObservationEvent[];
  phaseId: PhaseId | null;
  clockMs: number;
  record: Recorder['record'];
  disabled: boolean;
};

const MAX_COUNT = 99;

/** Interval sampling: every N minutes a count (e.g. pupils on task), with a stepper for big fingers. */
export function IntervalCard({ item, pupil, effective, clockMs, record, disabled }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const due = intervalDue(effective, item, pupil?.id, clockMs);
  const [draft, setDraft] = useState<number | null>(null);
  const value = draft ?? due.lastValue ?? 0;
  const set = (next: number) => setDraft(Math.max(0, Math.min(MAX_COUNT, Math.round(next))));

  return (
    <div className={`observe-item observe-interval${due.answered ? '' : ' is-due'}`}>
      <div className="observe-interval-head">
        <strong>{item.prompt || item.label}</strong>
        <span className="observe-count-total">
          {t('observe.interval.every', { minutes: item.intervalMinutes ?? 5 })}
        </span>
      </div>
      <p className="observe-interval-state" aria-live="polite">
        {due.answered
          ? t('observe.interval.done', { value: due.lastValue ?? '' })
          : t('observe.interval.due')}
        {' · '}
        {t('observe.interval.nextIn', { time: formatClock(due.nextAt - clockMs) })}
      </p>
      <div className="observe-stepper">
        <button
          type="button"
          className="observe-tap"
          aria-label={t('observe.interval.less')}
          disabled={disabled}
          onClick={() => set(value - 1)}
        >
          −
        </button>
        <label htmlFor={inputId} className="visually-hidden">
          {t('observe.interval.count')}
        </label>
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_COUNT}
          value={value}
          disabled={disabled}
          onChange={(e) => set(Number(e.target.value) || 0)}
        />
        <button
          type="button"
          className="observe-tap"
          aria-label={t('observe.interval.more')}
          disabled={disabled}
          onClick={() => set(value + 1)}
        >
          +
        </button>
        <button
          type="button"
          className="observe-tap primary"
          disabled={disabled}
          onClick={() => {
            record({
              kind: 'interval',
              itemId: item.id,
              value,
              ...(pupil ? { pupilId: pupil.id } : {}),
            });
            setDraft(null);
          }}
        >
          {t('observe.interval.record')}
        </button>
      </div>
    </div>
  );
}
