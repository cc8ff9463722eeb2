import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CycleId } from '../../model/cycleTypes.ts';
import type { ObservationEvent } from '../../model/eventLog.ts';
import type { TeamId } from '../../model/ids.ts';
import { PhotoThumb } from '../photos/PhotoThumb.tsx';
import type { Labels } from './labels.ts';
import { formatClock } from './timelineRows.ts';

/** The value part of a record in words: "+1", "seen", "3 of 4 — good", "answer: 22". */
export function recordValue(t: TFunction, event: ObservationEvent, labels: Labels): string {
  const item = labels.item(event.itemId);
  switch (event.kind) {
    case 'tally': {
      const step = typeof event.value === 'number' ? event.value : 1;
      const count = Math.abs(step);
      const team =
        event.team === undefined ? null : (item?.teams[event.team] ?? `#${event.team + 1}`);
      if (team === null)
        return t(step < 0 ? 'timeline.record.tallyMinus' : 'timeline.record.tally', { count });
      return t(step < 0 ? 'timeline.record.tallyTeamMinus' : 'timeline.record.tallyTeam', {
        count,
        team,
      });
    }
    case 'check':
      return event.value === true ? t('timeline.record.checkYes') : t('timeline.record.checkNo');
    case 'rating': {
      const value = typeof event.value === 'number' ? event.value : 0;
      const level = item?.levels[value - 1] ?? '';
      return level
        ? t('timeline.record.ratingNamed', { value, level })
        : t('timeline.record.rating', { value });
    }
    case 'interval':
      return t('timeline.record.interval', { value: String(event.value ?? '') });
    default:
      return '';
  }
}

type Props = {
  event: ObservationEvent;
  labels: Labels;
  teamId: TeamId;
  cycleId: CycleId;
};

/** One recorded observation: lesson clock, observer, what was recorded, about whom. */
export function RecordRow({ event, labels, teamId, cycleId }: Props) {
  const { t } = useTranslation();
  const clock = formatClock(event.t);
  const observer = labels.member(event.observer);
  const pupil = labels.pupil(event.pupilId);
  const value = recordValue(t, event, labels);
  return (
    <>
      <span className="record-clock">
        <span className="visually-hidden">{t('timeline.list.clock')} </span>
        <time>{clock}</time>
      </span>
      <span className="record-who">{observer}</span>
      <span className="record-what">
        <span className="record-line">
          <span className={`kind-badge kind-${event.kind}`}>
            {t(`timeline.kinds.${event.kind}`)}
          </span>
          {/* A free note or photo has no item: its kind badge already says what it is. */}
          {event.itemId !== undefined && (
            <>
              {' '}
              <span className="record-item">{labels.itemLabel(event)}</span>
            </>
          )}
          {value && (
            <>
              {' '}
              <strong className="record-value">{value}</strong>
            </>
          )}
          {pupil && (
            <>
              {' '}
              <span className="pupil-chip">{pupil}</span>
            </>
          )}
        </span>
        {event.text && <span className="record-text">{event.text}</span>}
        {event.kind === 'photo' && event.photo !== undefined && (
          <PhotoThumb
            teamId={teamId}
            cycleId={cycleId}
            hash={event.photo}
            alt={
              pupil
                ? t('timeline.record.photoAltPupil', { pupil, observer, clock })
                : t('timeline.record.photoAlt', { observer, clock })
            }
          />
        )}
      </span>
    </>
  );
}
