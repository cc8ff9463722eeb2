import { useTranslation } from 'react-i18next';
import type { CasePupil, PhaseId } from '../../model/cycleTypes.ts';
import type { FoldedObservation } from '../../model/eventLog.ts';
import type { TemplateItem } from '../../model/templates.ts';
import { ItemControl, type NoteTarget } from './ItemControl.tsx';
import { SaveBadge } from './SaveBadge.tsx';
import type { Recorder, SaveState } from './useRecorder.ts';

type Props = {
  pupil: CasePupil;
  prediction: string;
  items: readonly TemplateItem[];
  folded: FoldedObservation;
  phaseId: PhaseId | null;
  clockMs: number;
  record: Recorder['record'];
  onNote: (target: NoteTarget, opener: HTMLElement) => void;
  /** This pupil's latest record, described, with its save state. */
  last: { readonly text: string; readonly state: SaveState | undefined } | null;
  photo: React.ReactNode;
  disabled: boolean;
};

/** A case pupil as a large tile: their prediction for this phase at a glance, and one-tap items. */
export function PupilTile(props: Props) {
  const { pupil, prediction, items, last } = props;
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
        {props.photo}
      </div>
      <p className="observe-tile-last" aria-live="polite">
        {last ? (
          <>
            <span className="observe-tile-last-text">
              {t('observe.tiles.last', { what: last.text })}
            </span>{' '}
            <SaveBadge state={last.state} />
          </>
        ) : (
          ' '
        )}
      </p>
    </section>
  );
}
