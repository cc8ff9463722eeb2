import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleId } from '../../model/cycleTypes.ts';
import type { TeamId } from '../../model/ids.ts';
import { TilePhotoButton } from './ObservationPhotos.tsx';

type Props = {
  teamId: TeamId;
  cycleId: CycleId;
  disabled: boolean;
  onNote: () => void;
  onPhoto: (hash: string) => void;
  onUndoLast: () => void;
  onFinish: () => void;
};

/** Note, photo, undo last and finish: always at hand at the bottom of the screen. */
export const ActionBar = memo(function ActionBar(props: Props) {
  const { t } = useTranslation();
  const { disabled } = props;
  return (
    <nav className="observe-actions" aria-label={t('observe.title')}>
      <button
        type="button"
        className="observe-tap"
        disabled={disabled}
        onClick={(e) => {
          e.currentTarget.focus();
          props.onNote();
        }}
      >
        ✎ {t('observe.note.button')}
      </button>
      <TilePhotoButton
        teamId={props.teamId}
        cycleId={props.cycleId}
        label={t('observe.photo.button')}
        disabled={disabled}
        onCaptured={props.onPhoto}
      />
      <button type="button" className="observe-tap" disabled={disabled} onClick={props.onUndoLast}>
        ↶ {t('observe.undo.last')}
      </button>
      <button
        type="button"
        className="observe-tap danger"
        disabled={disabled}
        onClick={props.onFinish}
      >
        {t('observe.end.button')}
      </button>
    </nav>
  );
});
