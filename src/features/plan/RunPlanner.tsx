import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { showToast } from '../../app/ui/toasts.ts';
import type {
  ModelContext,
  ResearchLesson,
  ResearchLessonId,
  RunId,
} from '../../model/cycleTypes.ts';
import type { MemberId } from '../../model/ids.ts';
import { planRun } from '../../model/runs.ts';
import type { TeamMember } from '../../model/teamDoc.ts';

type Props = {
  doc: Y.Doc;
  lessons: readonly ResearchLesson[];
  rlId: ResearchLessonId;
  members: readonly TeamMember[];
  ctx: ModelContext;
  onPlanned: (id: RunId) => void;
};

/** The form for a new run: research lesson, date, class and the teaching member. */
export function RunPlanner({ doc, lessons, rlId, members, ctx, onPlanned }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [lesson, setLesson] = useState<string>(rlId);
  const [date, setDate] = useState('');
  const [className, setClassName] = useState('');
  const [teacherId, setTeacherId] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = lessons.find((l) => l.id === lesson) ?? lessons.find((l) => l.id === rlId);
    if (!chosen) return;
    try {
      const runId = planRun(
        doc,
        {
          researchLessonId: chosen.id,
          date,
          className: className.trim(),
          teacherId: teacherId === '' ? null : (teacherId as MemberId),
        },
        ctx,
      );
      setDate('');
      setClassName('');
      setTeacherId('');
      onPlanned(runId);
    } catch {
      showToast(t('errors.unexpected'));
    }
  }

  return (
    <form className="card run-form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('plan.runs.planHeading')}</h3>
      <div className="run-form-grid">
        <div className="field">
          <label htmlFor={`${id}-rl`}>{t('plan.runs.researchLesson')}</label>
          <select id={`${id}-rl`} value={lesson} onChange={(e) => setLesson(e.target.value)}>
            {lessons.map((l) => (
              <option key={l.id} value={l.id}>
                {t('plan.rl.long', { number: l.number })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('plan.runs.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-class`}>{t('plan.runs.className')}</label>
          <input
            id={`${id}-class`}
            value={className}
            maxLength={60}
            onChange={(e) => setClassName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-teacher`}>{t('plan.runs.teacher')}</label>
          <select
            id={`${id}-teacher`}
            value={teacherId}
            onChange={(e) => setTeacherId(e.target.value)}
          >
            <option value="">{t('plan.runs.noTeacher')}</option>
            {members.map((member) => (
              <option key={member.memberId} value={member.memberId}>
                {member.displayName}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        <button type="submit" className="primary">
          + {t('plan.runs.plan')}
        </button>
      </div>
    </form>
  );
}
