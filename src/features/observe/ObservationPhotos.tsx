import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleId } from '../../model/cycleTypes.ts';
import type { ObservationEvent } from '../../model/eventLog.ts';
import type { TeamId } from '../../model/ids.ts';
import { PhotoCapture } from '../photos/PhotoCapture.tsx';
import { PhotoThumb } from '../photos/PhotoThumb.tsx';

/** The camera as a large observation button. */
export function TilePhotoButton(props: {
  teamId: TeamId;
  cycleId: CycleId;
  label: string;
  disabled: boolean;
  onCaptured: (hash: string) => void;
}) {
  return (
    <PhotoCapture
      teamId={props.teamId}
      cycleId={props.cycleId}
      label={props.label}
      disabled={props.disabled}
      className="observe-tap observe-photo"
      onCaptured={props.onCaptured}
    />
  );
}

/** The photos of this observation with their upload state, newest first. */
export const ObservationPhotos = memo(ObservationPhotosView);

function ObservationPhotosView(props: {
  teamId: TeamId;
  cycleId: CycleId;
  events: readonly ObservationEvent[];
  describe: (event: ObservationEvent) => string;
}) {
  const { t } = useTranslation();
  if (props.events.length === 0) return null;
  return (
    <div className="observe-photos">
      <h3 className="small">{t('observe.photo.heading')}</h3>
      <ul className="observe-photo-list">
        {[...props.events].reverse().map((event) =>
          event.photo ? (
            <li key={event.id}>
              <PhotoThumb
                teamId={props.teamId}
                cycleId={props.cycleId}
                hash={event.photo}
                alt={props.describe(event)}
              />
            </li>
          ) : null,
        )}
      </ul>
    </div>
  );
}
