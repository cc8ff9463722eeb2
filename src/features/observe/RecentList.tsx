import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObservationEvent } from '../../model/eventLog.ts';
import { formatClock } from '../../model/liveObservation.ts';
import { SaveBadge } from './SaveBadge.tsx';
import type { SaveState } from './useRecorder.ts';

type Props = {
  events: readonly ObservationEvent[];
  describe: (event: ObservationEvent) => string;
  saveState: (eventId: string) => SaveState | undefined;
  disabled: boolean;
  onUndo: (event: ObservationEvent) => void;
  onEditNote: (event: ObservationEvent) => void;
};

/** The observer's latest records, newest first, each with its save state, undo and (notes) correct. */
export function RecentList({ events, describe, saveState, ...actions }: Props) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="muted small">{t('observe.recent.empty')}</p>;
  return (
    <ul>
      {events.map((event) => (
        <RecentItem
          key={event.id}
          event={event}
          text={describe(event)}
          state={saveState(event.id)}
          {...actions}
        />
      ))}
    </ul>
  );
}

// A tap adds one row and shifts the others: rows that did not change are not rendered again.
const RecentItem = memo(function RecentItem({
  event,
  text,
  state,
  disabled,
  onUndo,
  onEditNote,
}: {
  event: ObservationEvent;
  text: string;
  state: SaveState | undefined;
  disabled: boolean;
  onUndo: (event: ObservationEvent) => void;
  onEditNote: (event: ObservationEvent) => void;
}) {
  const { t } = useTranslation();
  return (
    <li>
      <span className="observe-recent-time">{formatClock(event.t)}</span>
      <span className="observe-recent-what">{text}</span>
      <SaveBadge state={state} />
      {event.kind === 'note' && (
        <button
          type="button"
          className="link-button"
          disabled={disabled}
          onClick={() => onEditNote(event)}
          aria-label={t('observe.note.editOne', { what: text })}
        >
          {t('observe.note.edit')}
        </button>
      )}
      <button
        type="button"
        className="link-button"
        disabled={disabled}
        onClick={() => onUndo(event)}
        aria-label={t('observe.undo.one', { what: text })}
      >
        {t('common.undo')}
      </button>
    </li>
  );
});
