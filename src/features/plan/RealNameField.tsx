import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setPupilName } from '../../sync/device.ts';

type Props = {
  cycleId: string;
  casePupilId: string;
  pseudonym: string;
  /** The stored real name on this device, '' when none. */
  stored: string;
  show: boolean;
};

/**
 * The real name of a case pupil, kept on THIS device only (Dexie, never a
 * Y.Doc). Hidden unless the user chose to show real names; the screen says
 * plainly that it is never shared.
 */
export function RealNameField({ cycleId, casePupilId, pseudonym, stored, show }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => {
    if (!show) setDraft(null);
  }, [show]);

  if (!show) {
    return (
      <p className="real-name-hidden small muted">
        {stored ? t('plan.pupils.realName.isSet') : t('plan.pupils.realName.notSet')}
      </p>
    );
  }

  async function save() {
    if (draft === null) return;
    const next = draft.trim();
    setDraft(null);
    if (next === stored) return;
    await setPupilName(cycleId, casePupilId, next);
  }

  return (
    <div className="field real-name">
      <label htmlFor={id}>{t('plan.pupils.realName.label')}</label>
      <input
        id={id}
        value={draft ?? stored}
        autoComplete="off"
        maxLength={80}
        aria-describedby={`${id}-privacy`}
        aria-label={t('plan.pupils.realName.fieldLabel', { name: pseudonym })}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
          if (event.key === 'Escape') setDraft(null);
        }}
      />
      <p id={`${id}-privacy`} className="small privacy-note">
        {t('plan.pupils.realName.privacy')}
      </p>
    </div>
  );
}
