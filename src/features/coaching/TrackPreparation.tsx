import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import { formatDate } from '../../i18n/format.ts';
import {
  MAX_QUESTIONS,
  MAX_STRENGTHS,
  type Moment,
  type Preparation,
  type SharedConversation,
  type Strength,
  updatePreparation,
} from '../../model/coaching.ts';
import { checkLastStep, type ItemTrend, type Proposal } from '../../model/coachingInsights.ts';
import { formatClock } from '../../model/liveObservation.ts';
import type { DocSession } from '../../sync/docSession.ts';
import { tryChange } from '../cycle/metaWrites.ts';
import { DraftText } from './DraftText.tsx';
import type { TrackRun } from './useTrack.ts';

type Props = {
  readonly coach: DocSession;
  readonly preparation: Preparation;
  readonly trends: readonly ItemTrend[];
  readonly proposals: readonly Proposal[];
  readonly conversations: readonly SharedConversation[];
  readonly runs: readonly TrackRun[];
  /** Notes of the latest lesson: moments a strength can point at. */
  readonly notes: readonly { runId: string; t: number; text: string }[];
};

const number = (value: number | null, language: string) =>
  value === null ? '—' : value.toLocaleString(language, { maximumFractionDigits: 2 });

/**
 * The coach's preparation, in the private document: the trend per item, the
 * last agreement against the data, proposals from the observations, one or two
 * strengths tied to a moment, one growth point with its how, and questions.
 */
export function TrackPreparation({
  coach,
  preparation,
  trends,
  proposals,
  conversations,
  runs,
  notes,
}: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language;
  const runDate = new Map(runs.map((run) => [run.id as string, run.date]));

  function update(patch: Partial<Preparation>): boolean {
    const written = tryChange(coach, (doc, ctx) => updatePreparation(doc, patch, ctx));
    if (!written) showToast(t('coaching.prep.invalid'));
    return written;
  }

  const strengths = preparation.strengths;
  const setStrength = (index: number, next: Strength) =>
    update({ strengths: strengths.map((s, i) => (i === index ? next : s)) });
  const moments: Moment[] = [
    ...proposals.flatMap((p) => (p.kind === 'busy-moment' ? [{ runId: p.runId, t: p.t }] : [])),
    ...notes.map(({ runId, t }) => ({ runId, t })),
  ];
  const noteAt = new Map(notes.map((note) => [`${note.runId}@${note.t}`, note.text]));
  const momentLabel = (moment: Moment) => {
    const label = t('coaching.prep.momentOption', {
      date: formatDate(runDate.get(moment.runId) ?? '', lang),
      time: formatClock(moment.t),
    });
    const note = noteAt.get(`${moment.runId}@${moment.t}`);
    return note ? `${label}: ${note.length > 60 ? `${note.slice(0, 59)}…` : note}` : label;
  };
  const momentKey = (moment: Moment | null) => (moment ? `${moment.runId}@${moment.t}` : '');
  const step = checkLastStep(conversations, trends);
  const stepItems =
    step?.items
      .map((item) =>
        t('coaching.step.item', {
          label: item.label,
          before: number(item.before, lang),
          after: number(item.after, lang),
        }),
      )
      .join('; ') ?? '';

  return (
    <section className="card stack coaching-private" aria-labelledby={`${id}-prep`}>
      <h2 id={`${id}-prep`}>{t('coaching.prep.title')}</h2>

      <h3>{t('coaching.trends.title')}</h3>
      {trends.length === 0 ? (
        <p className="muted">{t('coaching.trends.none')}</p>
      ) : (
        <table className="coaching-trend" data-testid="coaching-trends">
          <thead>
            <tr>
              <th scope="col">{t('coaching.trends.item')}</th>
              <th scope="col">{t('coaching.trends.values')}</th>
              <th scope="col">{t('coaching.trends.change')}</th>
            </tr>
          </thead>
          <tbody>
            {trends.map((trend) => (
              <tr key={trend.key}>
                <th scope="row">{trend.label}</th>
                <td>{trend.points.map((p) => number(p.value, lang)).join(' → ')}</td>
                <td>
                  {trend.change === null
                    ? '—'
                    : `${trend.change > 0 ? '+' : ''}${number(trend.change, lang)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('coaching.step.title')}</h3>
      {step === null ? (
        <p className="muted">{t('coaching.step.none')}</p>
      ) : (
        <div data-testid="coaching-last-step">
          <p>
            {t('coaching.step.agreed', {
              date: formatDate(step.conversation.date, lang),
              step: step.conversation.agreedStep,
            })}
          </p>
          <p>
            {step.verdict === 'shows'
              ? t('coaching.step.shows', { items: stepItems })
              : step.verdict === 'not-yet'
                ? t('coaching.step.notYet', { items: stepItems })
                : t('coaching.step.noData')}
          </p>
        </div>
      )}

      <h3>{t('coaching.prep.proposals')}</h3>
      {proposals.length === 0 ? (
        <p className="muted">{t('coaching.prep.noProposals')}</p>
      ) : (
        <ul className="coaching-proposals" data-testid="coaching-proposals">
          {proposals.map((proposal) =>
            proposal.kind === 'busy-moment' ? (
              <li key={`m${proposal.runId}${proposal.t}`}>
                {t('coaching.prep.busy', {
                  time: formatClock(proposal.t),
                  count: proposal.tallies,
                })}
              </li>
            ) : (
              <li key={proposal.key}>
                <span>
                  {t(`coaching.prep.${proposal.kind}`, {
                    label: proposal.label,
                    change: `${proposal.change > 0 ? '+' : ''}${number(proposal.change, lang)}`,
                  })}
                </span>
                {proposal.kind === 'improved' ? (
                  <button
                    type="button"
                    disabled={strengths.length >= MAX_STRENGTHS}
                    onClick={() =>
                      update({ strengths: [...strengths, { text: proposal.label, moment: null }] })
                    }
                  >
                    {t('coaching.prep.asStrength')}
                  </button>
                ) : (
                  <button type="button" onClick={() => update({ growth: proposal.label })}>
                    {t('coaching.prep.asGrowth')}
                  </button>
                )}
              </li>
            ),
          )}
        </ul>
      )}

      <fieldset className="stack">
        <legend className="field-label">{t('coaching.prep.strengths')}</legend>
        {strengths.map((strength, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: strengths have no id; at most two, edited in place
          <div key={index} className="stack">
            <DraftText
              label={t('coaching.prep.strength', { number: index + 1 })}
              value={strength.text}
              commit={(text) => setStrength(index, { ...strength, text })}
            />
            <div className="row">
              <div className="field">
                <label htmlFor={`${id}-moment-${index}`}>{t('coaching.prep.moment')}</label>
                <select
                  id={`${id}-moment-${index}`}
                  value={momentKey(strength.moment)}
                  onChange={(event) =>
                    setStrength(index, {
                      ...strength,
                      moment: moments.find((m) => momentKey(m) === event.target.value) ?? null,
                    })
                  }
                >
                  <option value="">{t('coaching.prep.noMoment')}</option>
                  {[
                    ...moments,
                    ...(strength.moment &&
                    !moments.some((m) => momentKey(m) === momentKey(strength.moment))
                      ? [strength.moment]
                      : []),
                  ].map((moment) => (
                    <option key={momentKey(moment)} value={momentKey(moment)}>
                      {momentLabel(moment)}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                onClick={() => update({ strengths: strengths.filter((_, i) => i !== index) })}
              >
                {t('coaching.prep.removeStrength', { number: index + 1 })}
              </button>
            </div>
          </div>
        ))}
        {strengths.length < MAX_STRENGTHS && (
          <div className="row">
            <button
              type="button"
              onClick={() => update({ strengths: [...strengths, { text: '', moment: null }] })}
            >
              {t('coaching.prep.addStrength')}
            </button>
          </div>
        )}
      </fieldset>

      <DraftText
        label={t('coaching.prep.growth')}
        value={preparation.growth}
        commit={(growth) => update({ growth })}
      />
      <DraftText
        label={t('coaching.prep.how')}
        value={preparation.how}
        multiline
        commit={(how) => update({ how })}
      />

      <fieldset className="stack">
        <legend className="field-label">{t('coaching.prep.questions')}</legend>
        {preparation.questions.map((question, index) => (
          <DraftText
            // biome-ignore lint/suspicious/noArrayIndexKey: questions have no id; at most three
            key={index}
            label={t('coaching.prep.question', { number: index + 1 })}
            value={question}
            commit={(text) =>
              update({ questions: preparation.questions.map((q, i) => (i === index ? text : q)) })
            }
          />
        ))}
        {preparation.questions.length < MAX_QUESTIONS && (
          <div className="row">
            <button
              type="button"
              onClick={() => update({ questions: [...preparation.questions, ''] })}
            >
              {t('coaching.prep.addQuestion')}
            </button>
          </div>
        )}
      </fieldset>
    </section>
  );
}
