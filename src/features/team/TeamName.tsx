import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import { fieldError } from '../../app/ui/validation.ts';
import { teamNameSchema } from '../../model/api.ts';
import { renameTeam } from '../../sync/commands/team.ts';
import { useOptionalSession } from '../../sync/SessionContext.tsx';

type Props = { name: string; editable: boolean };

/** The team's name as a heading, renamed in place; the rename is in the shared document and can be undone. */
export function TeamName({ name, editable }: Props) {
  const { t } = useTranslation();
  const team = useOptionalSession('team');
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const error = draft === null ? null : fieldError(t, teamNameSchema, draft, 120);

  function save(event: FormEvent) {
    event.preventDefault();
    if (!team || draft === null || error) return;
    const previous = name;
    // Said only once the new name is committed on this device.
    const saved = renameTeam(team, draft);
    setDraft(null);
    void saved.then(() =>
      showToast(t('team.renamed'), {
        label: t('common.undo'),
        run: () => void renameTeam(team, previous),
      }),
    );
  }

  if (draft === null) {
    return (
      <div className="row row-baseline">
        <h1 id="team-title">{name}</h1>
        {editable && team && (
          <button type="button" onClick={() => setDraft(name)}>
            {t('team.rename')}
          </button>
        )}
      </div>
    );
  }

  return (
    <form onSubmit={save} className="row row-baseline" noValidate>
      <label htmlFor={`${id}-name`} className="visually-hidden">
        {t('team.name')}
      </label>
      <input
        id={`${id}-name`}
        className="title-input"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setDraft(null);
        }}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to rename; focus belongs in the field
        autoFocus
      />
      <button type="submit" className="primary" disabled={error !== null}>
        {t('common.save')}
      </button>
      <button type="button" onClick={() => setDraft(null)}>
        {t('common.cancel')}
      </button>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
