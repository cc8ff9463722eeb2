import { useTranslation } from 'react-i18next';
import { translator } from '../../i18n/translate.ts';
import type { CycleId } from '../../model/cycleTypes.ts';
import { describeItem, describeValue } from '../../model/describeEvent.ts';
import type { ObservationEvent } from '../../model/eventLog.ts';
import type { TeamId } from '../../model/ids.ts';
import { PhotoThumb } from '../photos/PhotoThumb.tsx';
import type { Labels } from './labels.ts';
import { formatClock } from './timelineRows.ts';

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
  const translate = translator(t);
  const item = describeItem(event, labels.items, translate);
  const value = describeValue(event, labels.items, translate);
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
          {item && (
            <>
              {' '}
              <span className="record-item">{item}</span>
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
