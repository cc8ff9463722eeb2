import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay } from '../../app/localDay.ts';
import { showToast } from '../../app/ui/toasts.ts';
import type { MemberId } from '../../model/ids.ts';
import { newId } from '../../model/ids.ts';
import { ACTIVITY_KINDS } from '../../model/learningActivities.ts';
import type { ManualHours, MemberHours } from '../../model/learningHours.ts';
import {
  addManualHours,
  MAX_HOURS_DESCRIPTION,
  MAX_MANUAL_MINUTES,
  removeManualHours,
} from '../../model/plgSettings.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { formatDay } from '../plan/format.ts';
import { formatHours } from './format.ts';

type Props = {
  me: MemberId;
  hours: MemberHours;
  targetHours: number;
  /** This member's hours by hand in the chosen year. */
  manual: readonly ManualHours[];
  editable: boolean;
};

/** A member's own learning hours against the team's target, and the hours they add by hand. */
export function MyHours({ me, hours, targetHours, manual, editable }: Props) {
  const { t, i18n } = useTranslation();
  const team = useSession('team');
  const lang = i18n.language;
  const targetMinutes = targetHours * 60;

  return (
    <section className="card stack" aria-labelledby="plg-mine-heading" data-testid="plg-my-hours">
      <h3 id="plg-mine-heading">{t('plg.hours.mine')}</h3>
      <p className="plg-total">
        <strong>
          {t('plg.hours.total', { hours: formatHours(hours.minutes, lang), target: targetHours })}
        </strong>{' '}
        {hours.minutes >= targetMinutes ? (
          <span className="badge badge-ok">✓ {t('plg.hours.reached')}</span>
        ) : (
          <span className="muted">
            {t('plg.hours.remaining', { hours: formatHours(targetMinutes - hours.minutes, lang) })}
          </span>
        )}
      </p>
      <progress
        className="plg-progress"
        max={targetMinutes}
        value={Math.min(hours.minutes, targetMinutes)}
        aria-label={t('plg.hours.total', {
          hours: formatHours(hours.minutes, lang),
          target: targetHours,
        })}
      />
      <dl className="plg-kinds">
        {ACTIVITY_KINDS.filter((kind) => hours.byKind[kind] > 0).map((kind) => (
          <div key={kind}>
            <dt>{t(`plg.hours.byKind.${kind}`)}</dt>
            <dd>{t('plg.hours.hoursValue', { hours: formatHours(hours.byKind[kind], lang) })}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('plg.manual.heading')}</h4>
      {manual.length === 0 ? (
        <p className="muted small">{t('plg.manual.empty')}</p>
      ) : (
        <ul className="plg-manual" data-testid="plg-manual">
          {manual.map((entry) => (
            <li key={entry.id}>
              <span>
                {formatDay(entry.date, lang)} ·{' '}
                {t('plg.hours.hoursValue', { hours: formatHours(entry.minutes, lang) })} ·{' '}
                {entry.description}
              </span>
              {editable && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('plg.manual.remove', { description: entry.description })}
                  onClick={() =>
                    void team
                      .change((doc) => removeManualHours(doc, entry.id, team.origin))
                      .then(() => showToast(t('plg.manual.removed')))
                  }
                >
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && <ManualHoursForm me={me} />}
    </section>
  );
}

function ManualHoursForm({ me }: { me: MemberId }) {
  const { t } = useTranslation();
  const team = useSession('team');
  const [date, setDate] = useState(() => localDay());
  const [hours, setHours] = useState('1');
  const [minutes, setMinutes] = useState('0');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<{
    field: 'date' | 'time' | 'description';
    text: string;
  } | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const total = Math.round(Number(hours || 0) * 60 + Number(minutes || 0));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      return setError({ field: 'date', text: t('plg.manual.invalidDate') });
    if (!Number.isFinite(total) || total < 1 || total > MAX_MANUAL_MINUTES)
      return setError({ field: 'time', text: t('plg.manual.invalidTime') });
    if (description.trim() === '')
      return setError({ field: 'description', text: t('plg.manual.invalidDescription') });
    try {
      const entry = { memberId: me, date, minutes: total, description };
      void team
        .change((doc) => addManualHours(doc, newId(), entry, team.origin))
        .then(() => showToast(t('plg.manual.added')));
    } catch {
      return setError({ field: 'description', text: t('plg.manual.invalidDescription') });
    }
    setError(null);
    setDescription('');
  }

  const invalid = (field: 'date' | 'time' | 'description') =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'plg-manual-error' } : {};
  return (
    <form className="plg-manual-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="plg-manual-date">{t('plg.manual.date')}</label>
        <input
          id="plg-manual-date"
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          {...invalid('date')}
        />
      </div>
      <div className="field">
        <label htmlFor="plg-manual-hours">{t('plg.manual.hours')}</label>
        <input
          id="plg-manual-hours"
          type="number"
          inputMode="numeric"
          min={0}
          max={12}
          value={hours}
          onChange={(event) => setHours(event.target.value)}
          {...invalid('time')}
        />
      </div>
      <div className="field">
        <label htmlFor="plg-manual-minutes">{t('plg.manual.minutes')}</label>
        <input
          id="plg-manual-minutes"
          type="number"
          inputMode="numeric"
          min={0}
          max={59}
          step={5}
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
          {...invalid('time')}
        />
      </div>
      <div className="field plg-manual-description">
        <label htmlFor="plg-manual-description">{t('plg.manual.description')}</label>
        <input
          id="plg-manual-description"
          type="text"
          maxLength={MAX_HOURS_DESCRIPTION}
          placeholder={t('plg.manual.placeholder')}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          {...invalid('description')}
        />
      </div>
      <button type="submit">{t('plg.manual.add')}</button>
      {error && (
        <p id="plg-manual-error" className="field-error" role="alert">
          {error.text}
        </p>
      )}
    </form>
  );
}
