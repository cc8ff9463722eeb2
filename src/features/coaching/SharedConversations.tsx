import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import { formatDate } from '../../i18n/format.ts';
import {
  addGoal,
  GOAL_STATUSES,
  type GoalStatus,
  setGoalStatus,
  setReflection,
  type TrackSnapshot,
} from '../../model/coaching.ts';
import type { MemberId } from '../../model/ids.ts';
import type { DocSession } from '../../sync/docSession.ts';
import { tryChange } from '../cycle/metaWrites.ts';
import { DraftText } from './DraftText.tsx';

type Props = {
  readonly shared: DocSession;
  readonly track: TrackSnapshot;
  readonly me: MemberId;
  readonly isCoach: boolean;
  readonly coacheeName: string;
};

/**
 * What both see: the summaries the coach shared, each with the coachee's own
 * reflection (only the coachee writes it), and the goals either proposes.
 */
export function SharedConversations({ shared, track, me, isCoach, coacheeName }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [goal, setGoal] = useState('');
  const [refused, setRefused] = useState(false);

  function write(edit: Parameters<typeof tryChange>[1]): boolean {
    const written = tryChange(shared, edit);
    setRefused(!written);
    return written;
  }

  function propose() {
    if (goal.trim() === '') return;
    const status: GoalStatus = isCoach ? 'agreed' : 'proposed';
    if (write((doc, ctx) => addGoal(doc, { text: goal, by: me, status }, ctx))) {
      setGoal('');
      showToast(t('coaching.goals.added'));
    }
  }

  return (
    <>
      <section className="card stack" aria-labelledby={`${id}-shared`}>
        <h2 id={`${id}-shared`}>{t('coaching.shared.title')}</h2>
        {track.conversations.length === 0 ? (
          <p className="muted">{t('coaching.shared.none')}</p>
        ) : (
          [...track.conversations].reverse().map((conversation) => {
            const reflection = track.reflections.get(conversation.id);
            return (
              <article
                key={conversation.id}
                className="stack coaching-conversation"
                data-testid="shared-conversation"
              >
                <h3>
                  {t('coaching.shared.heading', {
                    date: formatDate(conversation.date, i18n.language),
                  })}
                </h3>
                <dl>
                  {conversation.strengths.length > 0 && (
                    <>
                      <dt>{t('coaching.shared.strengths')}</dt>
                      <dd>{conversation.strengths.join('; ')}</dd>
                    </>
                  )}
                  {conversation.growth && (
                    <>
                      <dt>{t('coaching.shared.growth')}</dt>
                      <dd>{conversation.growth}</dd>
                    </>
                  )}
                  {conversation.how && (
                    <>
                      <dt>{t('coaching.shared.how')}</dt>
                      <dd>{conversation.how}</dd>
                    </>
                  )}
                  <dt>{t('coaching.shared.step')}</dt>
                  <dd>{conversation.agreedStep}</dd>
                  {conversation.nextFocus.length > 0 && (
                    <>
                      <dt>{t('coaching.shared.focus')}</dt>
                      <dd>{conversation.nextFocus.join(', ')}</dd>
                    </>
                  )}
                </dl>
                {conversation.followUp && (
                  <p>
                    {t('coaching.shared.followUp', {
                      date: formatDate(conversation.followUp, i18n.language),
                    })}
                  </p>
                )}
                {isCoach ? (
                  <div data-testid="coachee-reflection">
                    <h4>{t('coaching.shared.reflection', { name: coacheeName })}</h4>
                    <p className={reflection ? '' : 'muted'}>
                      {reflection?.text || t('coaching.shared.noReflection')}
                    </p>
                  </div>
                ) : (
                  <DraftText
                    label={t('coaching.shared.yourReflection')}
                    value={reflection?.text ?? ''}
                    multiline
                    commit={(text) =>
                      write((doc, ctx) => setReflection(doc, conversation.id, text, ctx))
                    }
                  />
                )}
              </article>
            );
          })
        )}
      </section>

      <section className="card stack" aria-labelledby={`${id}-goals`}>
        <h2 id={`${id}-goals`}>{t('coaching.goals.title')}</h2>
        {track.goals.length === 0 ? (
          <p className="muted">{t('coaching.goals.none')}</p>
        ) : (
          <ul className="coaching-tracks" data-testid="track-goals">
            {track.goals.map((each) => (
              <li key={each.id}>
                <span>{each.text}</span>
                <select
                  aria-label={t('coaching.goals.status', { goal: each.text })}
                  value={each.status}
                  onChange={(event) =>
                    write((doc, ctx) =>
                      setGoalStatus(doc, each.id, event.target.value as GoalStatus, ctx),
                    )
                  }
                >
                  {GOAL_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`coaching.goals.statuses.${status}`)}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        )}
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            propose();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-goal`}>{t('coaching.goals.text')}</label>
            <input
              id={`${id}-goal`}
              value={goal}
              maxLength={2000}
              onChange={(e) => setGoal(e.target.value)}
            />
          </div>
          <button type="submit">
            {isCoach ? t('coaching.goals.add') : t('coaching.goals.propose')}
          </button>
        </form>
        {refused && (
          <p className="field-error" role="alert">
            {t('coaching.prep.invalid')}
          </p>
        )}
      </section>
    </>
  );
}
