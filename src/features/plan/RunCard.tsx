import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { YTextArea } from '../../app/ui/YTextArea.tsx';
import type { CasePupil, CasePupilId, ResearchLesson, Run } from '../../model/cycleTypes.ts';
import type { MemberId } from '../../model/ids.ts';
import type { TeamMember } from '../../model/roster.ts';
import {
  addInterviewQuestion,
  interviewQuestionText,
  type RunPatch,
  removeInterviewQuestion,
  removeObserver,
  setObserver,
  updateRun,
} from '../../model/runs.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { focusSoon } from './focusSoon.ts';
import { formatDay } from './format.ts';
import { RunFields, type RunFieldValues } from './RunFields.tsx';

type Props = {
  run: Run;
  lessons: readonly ResearchLesson[];
  members: readonly TeamMember[];
  pupils: readonly CasePupil[];
  readOnly: boolean;
  editing: boolean;
  onEdit: (editing: boolean) => void;
  onRemove: (run: Run) => void;
};

/** One planned run: what, when, where, who teaches, who observes whom, and the interview questions. */
export function RunCard(props: Props) {
  const { run, lessons, members, pupils, readOnly, editing } = props;
  const { t, i18n } = useTranslation();
  const lesson = lessons.find((l) => l.id === run.researchLessonId);
  const rlName = lesson ? t('plan.rl.long', { number: lesson.number }) : run.researchLessonId;
  const memberName = (id: string | null) =>
    members.find((m) => m.memberId === id)?.displayName ?? t('plan.runs.unknownMember');
  const pupilName = (id: string) => pupils.find((p) => p.id === id)?.pseudonym ?? '';
  const date = run.date ? formatDay(run.date, i18n.language) : t('plan.runs.noDate');
  const [cyclePath] = useLocation();

  return (
    <li className="card run" data-run-id={run.id}>
      <div className="run-head">
        <h3>{t('plan.runs.title', { rl: rlName, date })}</h3>
        {!readOnly && (
          <span className="row">
            <button type="button" aria-expanded={editing} onClick={() => props.onEdit(!editing)}>
              {editing ? t('plan.runs.done') : t('plan.runs.edit')}
            </button>
            <button type="button" className="danger" onClick={() => props.onRemove(run)}>
              {t('plan.runs.remove')}
            </button>
          </span>
        )}
      </div>
      {editing ? (
        <RunEditor {...props} />
      ) : (
        <>
          <p>
            {run.teacherId
              ? t('plan.runs.taughtBy', { name: memberName(run.teacherId) })
              : t('plan.runs.noTeacher')}
            {' · '}
            {t('plan.runs.inClass', { className: run.className || t('plan.runs.noClass') })}
          </p>
          <h4>{t('plan.runs.observers.heading')}</h4>
          {run.observers.length === 0 ? (
            <p className="muted small">{t('plan.runs.observers.none')}</p>
          ) : (
            <ul className="observer-summary">
              {run.observers.map((observer) => (
                <li key={observer.memberId}>
                  <strong>{memberName(observer.memberId)}</strong>{' '}
                  {observer.casePupilIds.length === 0
                    ? t('plan.runs.observers.followsNone')
                    : t('plan.runs.observers.followsList', {
                        pupils: observer.casePupilIds.map(pupilName).join(', '),
                      })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <Questions run={run} readOnly={readOnly} />
      <div className="row run-links">
        {!readOnly && (
          <Link href={`${cyclePath}/runs/${run.id}/observe`} className="button-link primary">
            {t('plan.runs.observe')}
          </Link>
        )}
        <Link href={`${cyclePath}/runs/${run.id}/timeline`} className="button-link">
          {t('plan.runs.timeline')}
        </Link>
        <Link href={`${cyclePath}/runs/${run.id}/debrief`} className="button-link">
          {t('timeline.openDebrief')}
        </Link>
      </div>
    </li>
  );
}

function RunEditor({ run, lessons, members, pupils }: Props) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const [classDraft, setClassDraft] = useState<string | null>(null);
  const observers = new Map(run.observers.map((o) => [o.memberId as string, o.casePupilIds]));

  function saveClass() {
    if (classDraft === null) return;
    const next = classDraft.trim();
    setClassDraft(null);
    if (next !== run.className) update({ className: next });
  }

  function update(patch: RunPatch) {
    void session.change((doc, ctx) => updateRun(doc, run.id, patch, ctx));
  }

  function change(patch: Partial<RunFieldValues>) {
    if (patch.className !== undefined) setClassDraft(patch.className);
    const lesson = lessons.find((l) => l.id === patch.researchLessonId);
    if (lesson) update({ researchLessonId: lesson.id });
    if (patch.date !== undefined) update({ date: patch.date });
    if (patch.teacherId !== undefined) {
      update({ teacherId: patch.teacherId === '' ? null : (patch.teacherId as MemberId) });
    }
  }

  function toggleObserver(memberId: MemberId, on: boolean) {
    void session.change((doc, ctx) =>
      on ? setObserver(doc, run.id, memberId, [], ctx) : removeObserver(doc, run.id, memberId, ctx),
    );
  }

  function togglePupil(memberId: MemberId, pupilId: CasePupilId, on: boolean) {
    const current = observers.get(memberId) ?? [];
    const next = on ? [...current, pupilId] : current.filter((p) => p !== pupilId);
    void session.change((doc, ctx) => setObserver(doc, run.id, memberId, next, ctx));
  }

  return (
    <div className="stack run-editor">
      <RunFields
        values={{
          researchLessonId: run.researchLessonId,
          date: run.date,
          className: classDraft ?? run.className,
          teacherId: run.teacherId ?? '',
        }}
        lessons={lessons}
        members={members}
        onChange={change}
        onClassNameDone={saveClass}
      />
      <fieldset className="observers">
        <legend>{t('plan.runs.observers.heading')}</legend>
        {pupils.length === 0 && <p className="muted small">{t('plan.runs.observers.noPupils')}</p>}
        {members.every((member) => member.memberId === run.teacherId) && (
          <p className="muted small">{t('plan.runs.observers.none')}</p>
        )}
        <ul className="observer-list">
          {members
            .filter((member) => member.memberId !== run.teacherId)
            .map((member) => {
              const followed = observers.get(member.memberId);
              const on = followed !== undefined;
              return (
                <li key={member.memberId} className="observer">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={on}
                      onChange={(e) => toggleObserver(member.memberId, e.target.checked)}
                    />
                    {t('plan.runs.observers.observes', { name: member.displayName })}
                  </label>
                  {on && pupils.length > 0 && (
                    <fieldset className="observer-pupils">
                      <legend className="small">
                        {t('plan.runs.observers.pupilsFor', { name: member.displayName })}
                      </legend>
                      {pupils.map((pupil) => (
                        <label key={pupil.id} className="checkbox chip">
                          <input
                            type="checkbox"
                            checked={followed.includes(pupil.id)}
                            onChange={(e) =>
                              togglePupil(member.memberId, pupil.id, e.target.checked)
                            }
                          />
                          {pupil.pseudonym}
                        </label>
                      ))}
                    </fieldset>
                  )}
                </li>
              );
            })}
        </ul>
      </fieldset>
    </div>
  );
}

function Questions({ run, readOnly }: { run: Run; readOnly: boolean }) {
  const { t } = useTranslation();
  const session = useSession('cycle');

  function add() {
    void session.change((doc, ctx) => {
      const id = addInterviewQuestion(doc, run.id, '', ctx);
      focusSoon(`[data-question-id="${id}"] textarea`);
    });
  }

  return (
    <div className="run-questions">
      <h4>{t('plan.runs.questions.heading')}</h4>
      {run.interviewQuestions.length === 0 ? (
        <p className="muted small">{t('plan.runs.questions.none')}</p>
      ) : (
        <ol className="question-list">
          {run.interviewQuestions.map((question, index) => (
            <li key={question.id} className="question" data-question-id={question.id}>
              <YTextArea
                ytext={interviewQuestionText(session.doc, run.id, question.id)}
                origin={session.origin}
                docName={session.name}
                path={`run:${run.id}:question:${question.id}`}
                label={t('plan.runs.questions.label', { number: index + 1 })}
                readOnly={readOnly}
                rows={1}
              />
              {!readOnly && (
                <button
                  type="button"
                  className="icon-button danger"
                  aria-label={t('plan.runs.questions.remove', { number: index + 1 })}
                  title={t('plan.runs.questions.remove', { number: index + 1 })}
                  onClick={() =>
                    void session.change((doc, ctx) =>
                      removeInterviewQuestion(doc, run.id, question.id, ctx),
                    )
                  }
                >
                  <span aria-hidden="true">×</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <button type="button" className="link-button" onClick={add}>
          + {t('plan.runs.questions.add')}
        </button>
      )}
    </div>
  );
}
