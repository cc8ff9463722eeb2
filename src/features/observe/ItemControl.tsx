import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhaseId } from '../../model/cycleTypes.ts';
import type { FoldedObservation, ObservationEvent } from '../../model/eventLog.ts';
import { type ItemReading, readItem } from '../../model/liveObservation.ts';
import type { TemplateItem } from '../../model/templates.ts';
import { IntervalCard } from './IntervalCard.tsx';
import { samePropsExcept } from './sameProps.ts';
import type { Recorder } from './useRecorder.ts';

export type NoteTarget = {
  readonly item: TemplateItem | null;
  readonly pupilId: string | null;
  /** The note being corrected (saved as an `edit` event), if any. */
  readonly editing?: ObservationEvent;
};

type Props = {
  item: TemplateItem;
  /** The case pupil of a tile, or undefined for the class/teacher. */
  pupil?: { readonly id: string; readonly pseudonym: string };
  folded: FoldedObservation;
  effective: readonly ObservationEvent[];
  phaseId: PhaseId | null;
  clockMs: number;
  record: Recorder['record'];
  onNote: (target: NoteTarget, opener: HTMLElement) => void;
  disabled: boolean;
};

/**
 * One kijkwijzer item as a one-tap control. A tap changes the fold for every
 * item; an item renders again only when its own reading (or, for an interval,
 * the log) changed.
 */
const sameOtherProps = samePropsExcept<Props>('folded', 'effective');

export const ItemControl = memo(ItemControlView, (before, after) => {
  if (!sameOtherProps(before, after)) return false;
  if (after.item.kind === 'interval') return before.effective === after.effective;
  return sameReading(
    readItem(before.folded, before.item, before.pupil?.id, before.phaseId),
    readItem(after.folded, after.item, after.pupil?.id, after.phaseId),
  );
});

function sameReading(a: ItemReading, b: ItemReading): boolean {
  return (
    a.phaseCount === b.phaseCount &&
    a.totalCount === b.totalCount &&
    a.checked === b.checked &&
    a.rating === b.rating &&
    a.teamCounts.length === b.teamCounts.length &&
    a.teamCounts.every((count, i) => count === b.teamCounts[i])
  );
}

/** One kijkwijzer item as a one-tap control: tally, check, rating, interval or note. */
function ItemControlView(props: Props) {
  const { item, pupil, folded, phaseId, record, disabled } = props;
  const { t } = useTranslation();
  const reading = readItem(folded, item, pupil?.id, phaseId);
  const pupilId = pupil ? { pupilId: pupil.id } : {};
  const description = item.description ? (
    <span className="observe-item-hint">{item.description}</span>
  ) : null;

  switch (item.kind) {
    case 'tally':
      if (item.teams && item.teams.length > 0) {
        return (
          <fieldset className="observe-item observe-teams">
            <legend>{item.label}</legend>
            {description}
            <div className="observe-team-buttons">
              {item.teams.map((team, index) => (
                <button
                  key={team}
                  type="button"
                  className="observe-tap"
                  aria-label={`${t('observe.items.teamAdd', { team })}: ${t('observe.items.tallyCount', { count: reading.teamCounts[index] ?? 0 })}`}
                  disabled={disabled}
                  onClick={() =>
                    record({ kind: 'tally', itemId: item.id, team: index, ...pupilId })
                  }
                >
                  <span>{t('observe.items.teamAdd', { team })}</span>
                  <span className="observe-count">{reading.teamCounts[index] ?? 0}</span>
                </button>
              ))}
            </div>
          </fieldset>
        );
      }
      return (
        <button
          type="button"
          className="observe-item observe-tap"
          disabled={disabled}
          aria-label={`${
            pupil
              ? t('observe.items.tallyAddFor', { label: item.label, name: pupil.pseudonym })
              : t('observe.items.tallyAdd', { label: item.label })
          } (${t('observe.items.tallyCount', { count: reading.phaseCount })})`}
          onClick={() => record({ kind: 'tally', itemId: item.id, ...pupilId })}
        >
          <span className="observe-tap-label">+1 {item.label}</span>
          <span className="observe-count">{reading.phaseCount}</span>
          <span className="observe-count-total">
            {t('observe.items.tallyTotal', { count: reading.totalCount })}
          </span>
        </button>
      );
    case 'check': {
      const on = reading.checked === true;
      return (
        <button
          type="button"
          className="observe-item observe-tap observe-check"
          aria-pressed={on}
          disabled={disabled}
          onClick={() => record({ kind: 'check', itemId: item.id, value: !on, ...pupilId })}
        >
          <span className="observe-check-box" aria-hidden="true">
            {on ? '✓' : ''}
          </span>
          <span className="observe-tap-label">{item.label}</span>
          <span className="observe-count-total">
            {on ? t('observe.items.checkSeen') : t('observe.items.checkNotYet')}
          </span>
        </button>
      );
    }
    case 'rating':
      return (
        <fieldset className="observe-item observe-rating">
          <legend>{item.label}</legend>
          {description}
          <div className="observe-rating-buttons">
            {(item.levels ?? []).map((level) => (
              <button
                key={level.value}
                type="button"
                className="observe-tap"
                aria-pressed={reading.rating === level.value}
                title={level.descriptor || level.label}
                aria-label={t('observe.items.ratingValue', {
                  value: level.value,
                  level: level.label || level.descriptor,
                })}
                disabled={disabled}
                onClick={() =>
                  record({ kind: 'rating', itemId: item.id, value: level.value, ...pupilId })
                }
              >
                <strong>{level.value}</strong>
                {level.label && <span className="observe-level">{level.label}</span>}
              </button>
            ))}
          </div>
        </fieldset>
      );
    case 'interval':
      return <IntervalCard {...props} />;
    case 'note':
      return (
        <button
          type="button"
          className="observe-item observe-tap observe-note-button"
          disabled={disabled}
          onClick={(e) => props.onNote({ item, pupilId: pupil?.id ?? null }, e.currentTarget)}
        >
          <span aria-hidden="true">✎ </span>
          {t('observe.items.noteFor', { label: item.label })}
        </button>
      );
  }
}
