import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResearchLesson } from '../../model/cycleTypes.ts';
import type { TeamMember } from '../../model/roster.ts';

/** The fields as the form shows them; an empty teacherId means "not chosen yet". */
export type RunFieldValues = {
  readonly researchLessonId: string;
  readonly date: string;
  readonly className: string;
  readonly teacherId: string;
};

type Props = {
  values: RunFieldValues;
  lessons: readonly ResearchLesson[];
  members: readonly TeamMember[];
  onChange: (patch: Partial<RunFieldValues>) => void;
  /** Called when the class field is left or Enter is pressed (for forms that save per field). */
  onClassNameDone?: () => void;
  /** Why the date cannot be used (a half-typed date), shown under the field. */
  dateError?: string | null;
};

/** Research lesson, date, class and teaching member of a run: shared by "plan a run" and editing one. */
export function RunFields({
  values,
  lessons,
  members,
  onChange,
  onClassNameDone,
  dateError = null,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="run-form-grid">
      <div className="field">
        <label htmlFor={`${id}-rl`}>{t('plan.runs.researchLesson')}</label>
        <select
          id={`${id}-rl`}
          value={values.researchLessonId}
          onChange={(e) => onChange({ researchLessonId: e.target.value })}
        >
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
          name="date"
          type="date"
          value={values.date}
          aria-invalid={dateError !== null}
          aria-describedby={dateError ? `${id}-date-error` : undefined}
          onChange={(e) => onChange({ date: e.target.value })}
        />
        {dateError && (
          <p id={`${id}-date-error`} className="field-error" role="alert">
            {dateError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-class`}>{t('plan.runs.className')}</label>
        <input
          id={`${id}-class`}
          value={values.className}
          maxLength={60}
          onChange={(e) => onChange({ className: e.target.value })}
          onBlur={onClassNameDone}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && onClassNameDone) onClassNameDone();
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-teacher`}>{t('plan.runs.teacher')}</label>
        <select
          id={`${id}-teacher`}
          value={values.teacherId}
          onChange={(e) => onChange({ teacherId: e.target.value })}
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
  );
}
