import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { TextField } from '../../app/ui/TextField.tsx';
import { fieldError } from '../../app/ui/validation.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { displayNameSchema, teamNameSchema } from '../../model/api.ts';
import { requestPersistentStorage } from '../../sync/device.ts';
import { createTeamLocally } from '../../sync/teams.ts';
import { useSavedDisplayName } from './useSavedDisplayName.ts';

/** Creating a team works offline: it is stored at once and registered with the server later. */
export function CreateTeamForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [teamName, setTeamName] = useState('');
  const [displayName, setDisplayName, rememberDisplayName] = useSavedDisplayName();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
      await rememberDisplayName();
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
      <TextField
        label={t('createTeam.teamName')}
        name="teamName"
        value={teamName}
        onChange={setTeamName}
        error={submitted ? teamNameError : null}
        placeholder={t('createTeam.teamNamePlaceholder')}
        autoComplete="off"
        maxLength={140}
      />
      <TextField
        label={t('createTeam.displayName')}
        name="displayName"
        value={displayName}
        onChange={setDisplayName}
        error={submitted ? displayNameError : null}
        placeholder={t('createTeam.displayNamePlaceholder')}
        autoComplete="name"
        maxLength={80}
      />
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
