import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { TextField } from '../../app/ui/TextField.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import { fieldError } from '../../app/ui/validation.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { formatDate } from '../../i18n/format.ts';
import { displayNameSchema, type InvitePreview } from '../../model/api.ts';
import { ApiError, previewInvite } from '../../sync/api.ts';
import { requestPersistentStorage } from '../../sync/device.ts';
import { joinTeam } from '../../sync/teams.ts';
import { useSavedDisplayName } from '../teams/useSavedDisplayName.ts';

type Preview =
  | { state: 'loading' }
  | { state: 'ready'; invite: InvitePreview }
  | { state: 'failed'; message: string; offline: boolean };

export function JoinWithCode({ code, onChangeCode }: { code: string; onChangeCode: () => void }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const [displayName, setDisplayName, rememberDisplayName] = useSavedDisplayName();
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

  const nameError = fieldError(t, displayNameSchema, displayName, 60);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (nameError) return;
    setBusy(true);
    setError(null);
    try {
      void requestPersistentStorage();
      await rememberDisplayName();
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
              {t('join.retry')}
            </button>
          )}
          <button type="button" onClick={onChangeCode}>
            {t('join.otherCode')}
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
      <TextField
        label={t('join.displayName')}
        name="displayName"
        value={displayName}
        onChange={setDisplayName}
        error={submitted ? nameError : null}
        autoComplete="name"
        maxLength={80}
      />
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
