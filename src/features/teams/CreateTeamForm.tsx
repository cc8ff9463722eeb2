import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { fieldError } from '../../app/ui/validation.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { displayNameSchema, teamNameSchema } from '../../model/api.ts';
import { getSetting, setSetting } from '../../store/settings.ts';
import { requestPersistentStorage } from '../../store/storageStatus.ts';
import { createTeamLocally } from '../../sync/teams.ts';

export const DISPLAY_NAME_SETTING = 'displayName';

/** Creating a team works offline: it is stored at once and registered with the server later. */
export function CreateTeamForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const id = useId();
  const [teamName, setTeamName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void getSetting<string>(DISPLAY_NAME_SETTING).then((saved) => {
      if (saved) setDisplayName((current) => current || saved);
    });
  }, []);

  const teamNameError = fieldError(t, teamNameSchema, teamName, 120);
  const displayNameError = fieldError(t, displayNameSchema, displayName, 60);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (teamNameError || displayNameError) return;
    setBusy(true);
    setError(null);
    try {
      // Asked on a user action, when the browser is most likely to grant it.
      void requestPersistentStorage();
      await setSetting(DISPLAY_NAME_SETTING, displayName.trim());
      const membership = await createTeamLocally({
        name: teamName.trim(),
        displayName: displayName.trim(),
      });
      navigate(`/teams/${membership.teamId}`);
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <div className="field">
        <label htmlFor={`${id}-team`}>{t('createTeam.teamName')}</label>
        <input
          id={`${id}-team`}
          name="teamName"
          value={teamName}
          onChange={(event) => setTeamName(event.target.value)}
          placeholder={t('createTeam.teamNamePlaceholder')}
          aria-invalid={submitted && teamNameError !== null}
          aria-describedby={submitted && teamNameError ? `${id}-team-error` : undefined}
          maxLength={140}
          autoComplete="off"
        />
        {submitted && teamNameError && (
          <p id={`${id}-team-error`} className="field-error">
            {teamNameError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('createTeam.displayName')}</label>
        <input
          id={`${id}-name`}
          name="displayName"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          placeholder={t('createTeam.displayNamePlaceholder')}
          aria-invalid={submitted && displayNameError !== null}
          aria-describedby={submitted && displayNameError ? `${id}-name-error` : undefined}
          maxLength={80}
          autoComplete="name"
        />
        {submitted && displayNameError && (
          <p id={`${id}-name-error`} className="field-error">
            {displayNameError}
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('createTeam.submit')}
      </button>
      <p className="muted small">{t('createTeam.offlineNote')}</p>
    </form>
  );
}
