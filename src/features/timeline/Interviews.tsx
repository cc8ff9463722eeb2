import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePupil, CasePupilId, QuestionId, Run } from '../../model/cycleTypes.ts';
import { MAX_EVENT_TEXT, type ObservationEvent } from '../../model/eventLog.ts';
import type { MemberId } from '../../model/ids.ts';
import {
  answerKey,
  type InterviewAnswer,
  interviewPupils,
  ownAnswer,
  readInterviewAnswers,
} from '../../model/interviews.ts';
import { answerInterview } from '../../sync/commands/observation.ts';
import { useSessionState } from '../../sync/hooks.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import type { Labels } from './labels.ts';

type Props = {
  run: Run;
  casePupils: readonly CasePupil[];
  /** The run's events as read (corrections included). */
  events: readonly ObservationEvent[];
  memberId: MemberId;
  /** False for guests and anyone else who may not write: they read every answer. */
  canAnswer: boolean;
  labels: Labels;
};

/**
 * The pupil interviews after the lesson: each question for each case pupil,
 * with what every member noted. A member notes and corrects only their own
 * answer; colleagues' answers stay beside it, never overwritten.
 */
export function Interviews(props: Props) {
  const { run, casePupils, events, memberId, canAnswer, labels } = props;
  const { t } = useTranslation();
  const answers = useMemo(() => readInterviewAnswers(events), [events]);
  const pupils = interviewPupils(run, casePupils);

  return (
    <section className="stack interviews" aria-labelledby="interviews-heading">
      <h2 id="interviews-heading">{t('timeline.interviews.heading')}</h2>
      <p className="muted small">{t('timeline.interviews.intro')}</p>
      {run.interviewQuestions.length === 0 ? (
        <p className="empty-state">{t('timeline.interviews.noQuestions')}</p>
      ) : pupils.length === 0 ? (
        <p className="empty-state">{t('timeline.interviews.noPupils')}</p>
      ) : (
        <ol className="interview-questions">
          {run.interviewQuestions.map((question, index) => (
            <li
              key={question.id}
              className="card interview-question"
              data-question-id={question.id}
            >
              <h3>
                <span className="interview-number">
                  {t('timeline.interviews.question', { number: index + 1 })}
                </span>{' '}
                {question.text.trim() || (
                  <span className="muted">{t('timeline.interviews.untitled')}</span>
                )}
              </h3>
              <ul className="interview-pupils">
                {pupils.map((pupil) => {
                  const all = answers.get(answerKey(question.id, pupil.id)) ?? [];
                  const mine = canAnswer ? ownAnswer(all, memberId) : null;
                  const others = all.filter((answer) => answer !== mine);
                  return (
                    <li key={pupil.id} className="interview-pupil" data-pupil-id={pupil.id}>
                      <h4>{pupil.pseudonym}</h4>
                      {others.length > 0 && (
                        <ul className="interview-answers">
                          {others.map((answer) => (
                            <li key={answer.eventId} data-observer={answer.observer}>
                              <span className="answer-who">{labels.member(answer.observer)}</span>
                              <span className="answer-text">{answer.text}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                      {canAnswer ? (
                        <AnswerField
                          {...props}
                          questionId={question.id}
                          number={index + 1}
                          pupil={pupil}
                          current={mine}
                        />
                      ) : (
                        others.length === 0 && (
                          <p className="muted small">{t('timeline.interviews.noAnswers')}</p>
                        )
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

function AnswerField({
  run,
  memberId,
  labels,
  questionId,
  number,
  pupil,
  current,
}: Props & {
  questionId: QuestionId;
  number: number;
  pupil: CasePupil;
  current: InterviewAnswer | null;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const session = useSession('cycle');
  const storageFails = useSessionState(session, (state) => state.save === 'failed');
  // null while not editing: the field then shows the stored answer, also when it changed elsewhere.
  const [draft, setDraft] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  // The store keeps retrying a write this device cannot make now: it is not saved until one commits.
  const shown: SaveState = state === 'saving' && storageFails ? 'failed' : state;

  async function save() {
    if (draft === null) return;
    const text = draft;
    setState('saving');
    try {
      // Resolves once the answer is committed on this device: only then "saved".
      const event = await answerInterview(session, run.id, memberId, {
        questionId,
        pupilId: pupil.id as CasePupilId,
        text,
      });
      setDraft((now) => (now === text ? null : now));
      setState(event === null && current === null ? 'idle' : 'saved');
    } catch (error) {
      console.error('timeline: saving an interview answer failed', error);
      setState('failed');
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <div className="interview-answer-field">
      <label className="answer-who" htmlFor={`${hintId}-field`}>
        {labels.member(memberId)}
      </label>
      <textarea
        id={`${hintId}-field`}
        aria-label={t('timeline.interviews.yourAnswer', { number, pupil: pupil.pseudonym })}
        aria-describedby={hintId}
        placeholder={t('timeline.interviews.placeholder', { pupil: pupil.pseudonym })}
        value={draft ?? current?.text ?? ''}
        maxLength={MAX_EVENT_TEXT}
        rows={2}
        onChange={(event) => {
          setDraft(event.target.value);
          if (state !== 'saving') setState('idle');
        }}
        onBlur={() => void save()}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="muted small answer-status" role="status">
        {shown === 'saving'
          ? t('timeline.interviews.saving')
          : shown === 'saved'
            ? t('timeline.interviews.saved')
            : shown === 'failed'
              ? t('timeline.interviews.failed')
              : t('timeline.interviews.hint')}
      </span>
    </div>
  );
}
