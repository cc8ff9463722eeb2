import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePupil, CycleId, PhaseId } from '../../model/cycleTypes.ts';
import type { FoldedObservation } from '../../model/eventLog.ts';
import type { TeamId } from '../../model/ids.ts';
import type { TemplateItem } from '../../model/templates.ts';
import { ItemControl, type NoteTarget } from './ItemControl.tsx';
import { TilePhotoButton } from './ObservationPhotos.tsx';
import { SaveBadge } from './SaveBadge.tsx';
import { samePropsExcept } from './sameProps.ts';
import type { Recorder, SaveState } from './useRecorder.ts';

type Props = {
  pupil: CasePupil;
  prediction: string;
  items: readonly TemplateItem[];
  folded: FoldedObservation;
  /** Changes whenever this pupil's records change: the tile re-renders only then (see below). */
  version: string;
  phaseId: PhaseId | null;
  /** The lesson clock, for interval items; 0 when the tile has none, so it does not re-render every second. */
  clockMs: number;
  record: Recorder['record'];
  onNote: (target: NoteTarget, opener: HTMLElement) => void;
  onPhoto: (pupilId: string, hash: string) => void;
  teamId: TeamId;
  cycleId: CycleId;
  /** This pupil's latest record, described, with its save state. */
  lastText: string | null;
  lastState: SaveState | undefined;
  disabled: boolean;
};

/**
 * A case pupil as a large tile: their prediction for this phase at a glance,
 * and one-tap items. A tap re-renders only the tapped pupil's tile: the fold
 * changes on every tap, so tiles compare `version` instead of it.
 */
export const PupilTile = memo(PupilTileView, samePropsExcept<Props>('folded'));

function PupilTileView(props: Props) {
  const { pupil, prediction, items } = props;
  const { t } = useTranslation();
  const headingId = `tile-${pupil.id}`;
  return (
    <section className="observe-tile" aria-labelledby={headingId} data-pupil-id={pupil.id}>
      <h3 id={headingId}>{pupil.pseudonym}</h3>
      <div className="observe-prediction">
        <span className="observe-prediction-label">{t('observe.tiles.prediction')}</span>
        <p>
          {prediction.trim() || <span className="muted">{t('observe.tiles.noPrediction')}</span>}
        </p>
      </div>
      <div className="observe-tile-items">
        {items.map((item) => (
          <ItemControl
            key={item.id}
            item={item}
            pupil={pupil}
            folded={props.folded}
            effective={props.folded.effective}
            phaseId={props.phaseId}
            clockMs={props.clockMs}
            record={props.record}
            onNote={props.onNote}
            disabled={props.disabled}
          />
        ))}
        <TilePhotoButton
          teamId={props.teamId}
          cycleId={props.cycleId}
          label={t('observe.items.photoFor', { name: pupil.pseudonym })}
          disabled={props.disabled}
          onCaptured={(hash) => props.onPhoto(pupil.id, hash)}
        />
      </div>
      <p className="observe-tile-last" aria-live="polite">
        {props.lastText !== null ? (
          <>
            <span className="observe-tile-last-text">
              {t('observe.tiles.last', { what: props.lastText })}
            </span>{' '}
            <SaveBadge state={props.lastState} />
          </>
        ) : (
          ' '
        )}
      </p>
    </section>
  );
}
