import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay } from '../../app/localDay.ts';
import { showToast } from '../../app/ui/toasts.ts';
import { type Preparation, shareConversation, updatePreparation } from '../../model/coaching.ts';
import type { ItemTrend } from '../../model/coachingInsights.ts';
import type { DocSession } from '../../sync/docSession.ts';
import { tryChange } from '../cycle/metaWrites.ts';
import { DraftText } from './DraftText.tsx';

type Props = {
  readonly coach: DocSession;
  readonly shared: DocSession;
  readonly preparation: Preparation;
  readonly trends: readonly ItemTrend[];
  readonly coacheeName: string;
};

/**
 * Holding the conversation: the agenda from the preparation, the coachee
 * reflects first, private notes, ONE agreed step, the next observation's focus
 * and a follow-up date; then the coach shares the summary.
 */
export function TrackConversation({ coach, shared, preparation, trends, coacheeName }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [date, setDate] = useState(localDay());
  const [problem, setProblem] = useState<string | null>(null);

  function update(patch: Partial<Preparation>): boolean {
    const written = tryChange(coach, (doc, ctx) => updatePreparation(doc, patch, ctx));
    if (!written) setProblem(t('coaching.prep.invalid'));
    return written;
  }

  function toggleFocus(key: string, on: boolean) {
    const next = on
      ? [...preparation.nextFocus, key]
      : preparation.nextFocus.filter((each) => each !== key);
    update({ nextFocus: next });
  }

  function share() {
    if (preparation.agreedStep.trim() === '') {
      setProblem(t('coaching.talk.needsStep'));
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setProblem(t('coaching.runs.invalidDate'));
      return;
    }
    setProblem(null);
    const focusLabels = new Map(trends.map((trend) => [trend.key, trend.label]));
    try {
      // Both documents change in one step on this device; each syncs on its own.
      shareConversation(shared.doc, coach.doc, { date, focusLabels }, coach.ctx);
      showToast(t('coaching.talk.shared'));
    } catch {
      setProblem(t('coaching.prep.invalid'));
    }
  }

  const agenda = [
    ...preparation.strengths.map((s) => s.text).filter((s) => s.trim() !== ''),
    preparation.growth,
    ...preparation.questions,
  ].filter((line) => line.trim() !== '');

  return (
    <section className="card stack coaching-private" aria-labelledby={`${id}-talk`}>
      <h2 id={`${id}-talk`}>{t('coaching.talk.title')}</h2>
      <h3>{t('coaching.talk.agenda')}</h3>
      <p className="notice">{t('coaching.talk.reflectFirst')}</p>
      {agenda.length > 0 && (
        <ol>
          {agenda.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the agenda is derived, in order
            <li key={index}>{line}</li>
          ))}
        </ol>
      )}
      <DraftText
        label={t('coaching.talk.notes')}
        value={preparation.notes}
        multiline
        commit={(notes) => update({ notes })}
      />
      <DraftText
        label={t('coaching.talk.agreedStep')}
        value={preparation.agreedStep}
        commit={(agreedStep) => update({ agreedStep })}
      />
      <fieldset className="stack">
        <legend className="field-label">{t('coaching.talk.nextFocus')}</legend>
        {trends.length === 0 ? (
          <p className="muted">{t('coaching.talk.noItems')}</p>
        ) : (
          trends.map((trend) => (
            <label key={trend.key} className="checkbox">
              <input
                type="checkbox"
                checked={preparation.nextFocus.includes(trend.key)}
                onChange={(event) => toggleFocus(trend.key, event.target.checked)}
              />
              {trend.label}
            </label>
          ))
        )}
      </fieldset>
      <div className="row">
        <DraftText
          label={t('coaching.talk.followUp')}
          type="date"
          value={preparation.followUp}
          commit={(followUp) => update({ followUp })}
        />
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('coaching.talk.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        <DraftText
          label={t('coaching.talk.minutes')}
          type="number"
          value={String(preparation.minutes)}
          commit={(minutes) => update({ minutes: Number(minutes) })}
        />
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={share}>
          {t('coaching.talk.share', { name: coacheeName })}
        </button>
      </div>
    </section>
  );
}
