import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import type { ResearchLesson, ResearchLessonId, RunId } from '../../model/cycleTypes.ts';
import type { MemberId } from '../../model/ids.ts';
import type { TeamMember } from '../../model/roster.ts';
import { planRun } from '../../model/runs.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { RunFields, type RunFieldValues } from './RunFields.tsx';

const EMPTY: RunFieldValues = { researchLessonId: '', date: '', className: '', teacherId: '' };

type Props = {
  lessons: readonly ResearchLesson[];
  rlId: ResearchLessonId;
  members: readonly TeamMember[];
  onPlanned: (id: RunId) => void;
};

/** The form for a new run: research lesson, date, class and the teaching member. */
export function RunPlanner({ lessons, rlId, members, onPlanned }: Props) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const id = useId();
  const [values, setValues] = useState<RunFieldValues>({ ...EMPTY, researchLessonId: rlId });
  const { date, className, teacherId } = values;
  const [dateError, setDateError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A half-typed date reads as '' but is not empty: say so instead of planning without it.
    const dateField = event.currentTarget.elements.namedItem('date');
    if (dateField instanceof HTMLInputElement && dateField.validity.badInput) {
      setDateError(t('plan.runs.dateIncomplete'));
      return;
    }
    setDateError(null);
    const chosen =
      lessons.find((l) => l.id === values.researchLessonId) ?? lessons.find((l) => l.id === rlId);
    if (!chosen) return;
    const input = {
      researchLessonId: chosen.id,
      date,
      className: className.trim(),
      teacherId: teacherId === '' ? null : (teacherId as MemberId),
    };
    try {
      const runId = await session.change((doc, ctx) => planRun(doc, input, ctx));
      setValues((current) => ({ ...EMPTY, researchLessonId: current.researchLessonId }));
      onPlanned(runId);
    } catch {
      showToast(t('errors.unexpected'));
    }
  }

  return (
    <form
      className="card run-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-heading`}
    >
      <h3 id={`${id}-heading`}>{t('plan.runs.planHeading')}</h3>
      <RunFields
        values={values}
        lessons={lessons}
        members={members}
        onChange={(patch) => {
          if ('date' in patch) setDateError(null);
          setValues((current) => ({ ...current, ...patch }));
        }}
        dateError={dateError}
      />
      <div className="row">
        <button type="submit" className="primary">
          + {t('plan.runs.plan')}
        </button>
      </div>
    </form>
  );
}
