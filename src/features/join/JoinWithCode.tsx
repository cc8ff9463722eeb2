import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { showToast } from '../../app/ui/toasts.ts';
import { fieldError } from '../../app/ui/validation.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { formatDate } from '../../i18n/format.ts';
import { displayNameSchema, type InvitePreview } from '../../model/api.ts';
import { getSetting, setSetting } from '../../store/settings.ts';
import { requestPersistentStorage } from '../../store/storageStatus.ts';
import { ApiError, previewInvite } from '../../sync/api.ts';
import { joinTeam } from '../../sync/teams.ts';
import { DISPLAY_NAME_SETTING } from '../teams/CreateTeamForm.tsx';

type Preview =
  | { state: 'loading' }
  | { state: 'ready'; invite: InvitePreview }
  | { state: 'failed'; message: string; offline: boolean };

export function JoinWithCode({ code, onChangeCode }: { code: string; onChangeCode: () => void }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const id = useId();
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const [displayName, setDisplayName] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const check = useCallback(() => {
    setPreview({ state: 'loading' });
    previewInvite(code).then(
      (invite) => setPreview({ state: 'ready', invite }),
      (caught: unknown) =>
        setPreview({
          state: 'failed',
          message: errorMessage(t, caught),
          offline: caught instanceof ApiError && caught.code === 'network',
        }),
    );
  }, [code, t]);

  useEffect(check, [check]);
  useEffect(() => {
    void getSetting<string>(DISPLAY_NAME_SETTING).then((saved) => {
      if (saved) setDisplayName((current) => current || saved);
    });
  }, []);

  const nameError = fieldError(t, displayNameSchema, displayName, 60);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (nameError) return;
    setBusy(true);
    setError(null);
    try {
      void requestPersistentStorage();
      await setSetting(DISPLAY_NAME_SETTING, displayName.trim());
      const membership = await joinTeam(code, displayName.trim());
      showToast(t('join.success', { team: membership.teamName }));
      navigate(`/teams/${membership.teamId}`);
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(false);
    }
  }

  if (preview.state === 'loading') return <p className="muted">{t('join.checking')}</p>;

  if (preview.state === 'failed') {
    return (
      <div className="stack">
        <p role="alert" className="notice notice-error">
          {preview.offline ? t('join.offline') : preview.message}
        </p>
        <div className="row">
          {preview.offline && (
            <button type="button" className="primary" onClick={check}>
              {t('join.submit')}
            </button>
          )}
          <button type="button" onClick={onChangeCode}>
            {t('join.codeLabel')}
          </button>
        </div>
      </div>
    );
  }

  const { invite } = preview;
  return (
    <form onSubmit={submit} noValidate className="form card">
      <p>{t('join.invitedTo', { team: invite.teamName, role: t(`roles.${invite.role}`) })}</p>
      <p className="muted small">
        {t('join.expires', { date: formatDate(invite.expiresAt, i18n.language) })}
      </p>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('join.displayName')}</label>
        <input
          id={`${id}-name`}
          name="displayName"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          aria-invalid={submitted && nameError !== null}
          aria-describedby={submitted && nameError ? `${id}-name-error` : undefined}
          autoComplete="name"
          maxLength={80}
        />
        {submitted && nameError && (
          <p id={`${id}-name-error`} className="field-error">
            {nameError}
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('join.submit')}
      </button>
    </form>
  );
}
