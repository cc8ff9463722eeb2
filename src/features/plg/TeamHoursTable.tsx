import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import type { MemberId } from '../../model/ids.ts';
import type { TeamHours } from '../../model/learningHours.ts';
import { MAX_TARGET_HOURS, setTargetHours } from '../../model/plgSettings.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { formatHours } from './format.ts';

type Props = {
  team: TeamHours;
  me: MemberId;
  nameOf: (memberId: MemberId) => string;
  targetHours: number;
  editable: boolean;
};

/** Every current member's hours by name (never ranked), who is under the target, and the target itself. */
export function TeamHoursTable({ team, me, nameOf, targetHours, editable }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="plg-team-hours-heading">
      <h3 id="plg-team-hours-heading">{t('plg.hours.team')}</h3>
      <p className="muted small">{t('plg.hours.teamIntro')}</p>
      <div className="table-scroll">
        <table className="summary-table" data-testid="plg-team-hours">
          <thead>
            <tr>
              <th scope="col">{t('plg.hours.member')}</th>
              <th scope="col" className="num">
                {t('plg.hours.memberHours')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('plg.hours.under')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((row) => (
              <tr key={row.memberId}>
                <th scope="row">
                  {row.memberId === me
                    ? t('plg.hours.you', { name: nameOf(row.memberId) })
                    : nameOf(row.memberId)}
                </th>
                <td className="num">{formatHours(row.minutes, i18n.language)}</td>
                <td>
                  {row.underTarget ? (
                    <span className="badge badge-warn">{t('plg.hours.under')}</span>
                  ) : (
                    <span className="badge badge-ok">✓ {t('plg.hours.atTarget')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {team.underTarget > 0 && (
        <p className="small">
          {t('plg.hours.underCount', {
            count: team.underTarget,
            total: team.members.length,
            target: targetHours,
          })}
        </p>
      )}
      {editable && <TargetForm targetHours={targetHours} />}
    </section>
  );
}

function TargetForm({ targetHours }: { targetHours: number }) {
  const { t } = useTranslation();
  const team = useSession('team');
  const [value, setValue] = useState(String(targetHours));
  const [error, setError] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const hours = Number(value);
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_TARGET_HOURS)
      return setError(t('plg.hours.targetInvalid', { max: MAX_TARGET_HOURS }));
    setError('');
    void team
      .change((doc) => setTargetHours(doc, hours, team.origin))
      .then(() => showToast(t('plg.hours.targetSaved', { hours })));
  }

  return (
    <form className="row row-baseline" onSubmit={submit} noValidate>
      <label htmlFor="plg-target">{t('plg.hours.target')}</label>
      <input
        id="plg-target"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_TARGET_HOURS}
        value={value}
        className="plg-target-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'plg-target-error' : undefined}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" disabled={value === String(targetHours)}>
        {t('plg.hours.targetSave')}
      </button>
      {error && (
        <p id="plg-target-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
