import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type * as Y from 'yjs';
import { YTextArea } from '../../app/ui/YTextArea.tsx';
import type {
  CasePupil,
  CasePupilId,
  ModelContext,
  ResearchLesson,
  Run,
} from '../../model/cycleTypes.ts';
import type { MemberId } from '../../model/ids.ts';
import type { TeamMember } from '../../model/roster.ts';
import {
  addInterviewQuestion,
  interviewQuestionText,
  removeInterviewQuestion,
  removeObserver,
  setObserver,
  updateRun,
} from '../../model/runs.ts';
import { formatDay } from './format.ts';
import { RunFields, type RunFieldValues } from './RunFields.tsx';

type Props = {
  doc: Y.Doc;
  docName: string;
  run: Run;
  lessons: readonly ResearchLesson[];
  members: readonly TeamMember[];
  pupils: readonly CasePupil[];
  readOnly: boolean;
  ctx: ModelContext;
  editing: boolean;
  onEdit: (editing: boolean) => void;
  onRemove: (run: Run) => void;
};

/** One planned run: what, when, where, who teaches, who observes whom, and the interview questions. */
export function RunCard(props: Props) {
  const { doc, docName, run, lessons, members, pupils, readOnly, ctx, editing } = props;
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
      <Questions doc={doc} docName={docName} run={run} readOnly={readOnly} ctx={ctx} />
      <div className="row run-links">
        {!readOnly && (
          <Link href={`${cyclePath}/runs/${run.id}/observe`} className="button-link primary">
            {t('plan.runs.observe')}
          </Link>
        )}
        <Link href={`${cyclePath}/runs/${run.id}/timeline`} className="button-link">
          {t('plan.runs.timeline')}
        </Link>
      </div>
    </li>
  );
}

function RunEditor({ doc, run, lessons, members, pupils, ctx }: Props) {
  const { t } = useTranslation();
  const [classDraft, setClassDraft] = useState<string | null>(null);
  const observers = new Map(run.observers.map((o) => [o.memberId as string, o.casePupilIds]));

  function saveClass() {
    if (classDraft === null) return;
    const next = classDraft.trim();
    setClassDraft(null);
    if (next !== run.className) updateRun(doc, run.id, { className: next }, ctx);
  }

  function change(patch: Partial<RunFieldValues>) {
    if (patch.className !== undefined) setClassDraft(patch.className);
    const lesson = lessons.find((l) => l.id === patch.researchLessonId);
    if (lesson) updateRun(doc, run.id, { researchLessonId: lesson.id }, ctx);
    if (patch.date !== undefined) updateRun(doc, run.id, { date: patch.date }, ctx);
    if (patch.teacherId !== undefined) {
      const teacherId = patch.teacherId === '' ? null : (patch.teacherId as MemberId);
      updateRun(doc, run.id, { teacherId }, ctx);
    }
  }

  function toggleObserver(memberId: MemberId, on: boolean) {
    if (on) setObserver(doc, run.id, memberId, [], ctx);
    else removeObserver(doc, run.id, memberId, ctx);
  }

  function togglePupil(memberId: MemberId, pupilId: CasePupilId, on: boolean) {
    const current = observers.get(memberId) ?? [];
    const next = on ? [...current, pupilId] : current.filter((p) => p !== pupilId);
    setObserver(doc, run.id, memberId, next, ctx);
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

function Questions({
  doc,
  docName,
  run,
  readOnly,
  ctx,
}: {
  doc: Y.Doc;
  docName: string;
  run: Run;
  readOnly: boolean;
  ctx: ModelContext;
}) {
  const { t } = useTranslation();

  function add() {
    const id = addInterviewQuestion(doc, run.id, '', ctx);
    requestAnimationFrame(() => {
      document.querySelector<HTMLTextAreaElement>(`[data-question-id="${id}"] textarea`)?.focus();
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
                ytext={interviewQuestionText(doc, run.id, question.id)}
                origin={ctx.origin}
                docName={docName}
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
                  onClick={() => removeInterviewQuestion(doc, run.id, question.id, ctx)}
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
