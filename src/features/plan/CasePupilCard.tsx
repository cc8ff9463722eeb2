import { useTranslation } from 'react-i18next';
import { YTextArea } from '../../app/ui/YTextArea.tsx';
import { casePupilText } from '../../model/casePupils.ts';
import type { CasePupil } from '../../model/cycleTypes.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { RealNameField } from './RealNameField.tsx';

type Props = {
  cycleId: string;
  pupil: CasePupil;
  index: number;
  count: number;
  readOnly: boolean;
  realName: string;
  showRealNames: boolean;
  onMove: (pupil: CasePupil, toIndex: number) => void;
  onRemove: (pupil: CasePupil) => void;
};

/** One case pupil: pseudonym and profile (shared), and the real name (this device only). */
export function CasePupilCard(props: Props) {
  const { pupil, index, count, readOnly } = props;
  const { t } = useTranslation();
  const session = useSession('cycle');
  const name = pupil.pseudonym.trim() || t('plan.pupils.pseudonym');
  return (
    <li className="card pupil-card" data-pupil-id={pupil.id}>
      <div className="pupil-card-head">
        <span className="pupil-letter" aria-hidden="true">
          {index + 1}
        </span>
        <YTextArea
          ytext={casePupilText(session.doc, pupil.id, 'pseudonym')}
          origin={session.origin}
          docName={session.name}
          path={`pupil:${pupil.id}:pseudonym`}
          label={`${t('plan.pupils.pseudonym')} ${index + 1}`}
          readOnly={readOnly}
          singleLine
          maxLength={60}
          className="pupil-pseudonym"
        />
        {!readOnly && (
          <span className="pupil-card-buttons">
            <button
              type="button"
              className="icon-button"
              aria-label={t('plan.pupils.moveUp', { name })}
              title={t('plan.pupils.moveUp', { name })}
              disabled={index === 0}
              onClick={() => props.onMove(pupil, index - 1)}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('plan.pupils.moveDown', { name })}
              title={t('plan.pupils.moveDown', { name })}
              disabled={index === count - 1}
              onClick={() => props.onMove(pupil, index + 1)}
            >
              <span aria-hidden="true">↓</span>
            </button>
            <button
              type="button"
              className="icon-button danger"
              aria-label={t('plan.pupils.remove', { name })}
              title={t('plan.pupils.remove', { name })}
              onClick={() => props.onRemove(pupil)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        )}
      </div>
      <div className="field">
        <span className="field-label" aria-hidden="true">
          {t('plan.pupils.profile')}
        </span>
        <YTextArea
          ytext={casePupilText(session.doc, pupil.id, 'profile')}
          origin={session.origin}
          docName={session.name}
          path={`pupil:${pupil.id}:profile`}
          label={`${t('plan.pupils.profile')} — ${name}`}
          readOnly={readOnly}
          placeholder={t('plan.pupils.profileHint')}
          rows={2}
        />
      </div>
      <RealNameField
        cycleId={props.cycleId}
        casePupilId={pupil.id}
        pseudonym={name}
        stored={props.realName}
        show={props.showRealNames}
      />
    </li>
  );
}
