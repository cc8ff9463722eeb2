import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  value: number;
  label: string;
  readOnly: boolean;
  max: number;
  onChange: (minutes: number) => void;
};

function parseMinutes(text: string, max: number): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value <= max ? value : null;
}

/** A whole number of minutes, written as soon as it is valid; an invalid draft is kept and explained. */
export function MinutesInput({ value, label, readOnly, max, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && parseMinutes(draft, max) === null;
  return (
    <span className="minutes-input">
      <input
        type="text"
        inputMode="numeric"
        aria-label={label}
        value={draft ?? String(value)}
        readOnly={readOnly}
        aria-invalid={invalid}
        aria-describedby={invalid ? id : undefined}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          const parsed = parseMinutes(text, max);
          if (parsed !== null && parsed !== value) onChange(parsed);
        }}
        onBlur={() => setDraft(null)}
      />
      <span aria-hidden="true">{t('plan.phases.minutesUnit')}</span>
      {invalid && (
        <span id={id} className="field-error small">
          {t('plan.phases.minutesInvalid')}
        </span>
      )}
    </span>
  );
}
