import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.ts';
import { linkRun, unlinkRun } from '../../model/coaching.ts';
import type { CycleLesson } from '../../model/coachingInsights.ts';
import type { DocSession } from '../../sync/docSession.ts';

type Props = {
  readonly shared: DocSession;
  readonly lessons: readonly CycleLesson[];
  /** The coach chooses; the coachee sees which of their lessons count. */
  readonly mayLink: boolean;
};

/** Research lessons the coachee taught in the team's cycles, which the track's trend may count. */
export function LinkedLessons({ shared, lessons, mayLink }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const shown = mayLink ? lessons : lessons.filter((lesson) => lesson.linked);
  if (shown.length === 0) return null;

  function toggle(lesson: CycleLesson, on: boolean) {
    const link = { cycleId: lesson.cycleId, runId: lesson.runId };
    void shared.change((doc, ctx) => (on ? linkRun(doc, link, ctx) : unlinkRun(doc, link, ctx)));
  }

  return (
    <fieldset className="stack" aria-describedby={`${id}-intro`}>
      <legend className="field-label">{t('coaching.links.title')}</legend>
      <p id={`${id}-intro`} className="muted small">
        {t('coaching.links.intro')}
      </p>
      {shown.map((lesson) => {
        const label = t('coaching.links.line', {
          cycle: lesson.title,
          date: formatDate(lesson.date, i18n.language),
        });
        return mayLink ? (
          <label key={`${lesson.cycleId}:${lesson.runId}`} className="checkbox">
            <input
              type="checkbox"
              checked={lesson.linked}
              onChange={(event) => toggle(lesson, event.target.checked)}
            />
            {label}
            {!lesson.measured && (
              <span className="muted small"> {t('coaching.links.noMeasures')}</span>
            )}
          </label>
        ) : (
          <p key={`${lesson.cycleId}:${lesson.runId}`}>{label}</p>
        );
      })}
    </fieldset>
  );
}
