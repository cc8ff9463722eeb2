import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { formatInviteCode, parseInviteInput } from '../../model/inviteCode.ts';

/** Accepts a typed code or a pasted invite link and continues on the join page. */
export function JoinCodeForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const code = parseInviteInput(value);
    if (code === null) {
      setInvalid(true);
      return;
    }
    navigate(`/join#${formatInviteCode(code)}`);
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('join.codeLabel')}</label>
        <input
          id={`${id}-code`}
          name="inviteCode"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setInvalid(false);
          }}
          placeholder={t('join.codePlaceholder')}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className={invalid ? 'field-error' : 'muted small'}>
          {invalid ? t('join.invalidCode') : t('join.codeHint')}
        </p>
      </div>
      <button type="submit">{t('join.submit')}</button>
    </form>
  );
}
