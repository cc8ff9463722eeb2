import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../timeline/timeline.css';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import { formatDate } from '../../i18n/format.ts';
import { MAX_RESEARCH_LESSONS } from '../../model/cycleTypes.ts';
import { prepareNextResearchLesson } from '../../model/researchLessons.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import type { CycleViewProps } from '../cycle/cycleViewProps.ts';
import { formatDay } from './format.ts';
import { LessonComparison } from './LessonComparison.tsx';
import { VersionDiff } from './VersionDiff.tsx';
import './plan.css';

/** RL1 → RL2 → RL3: the versions, preparing the next one, and what changed between two. */
export function VersionsTab({ cycle, rlId, onSelectResearchLesson, readOnly }: CycleViewProps) {
  const { t, i18n } = useTranslation();
  const session = useSession('cycle');
  const [confirming, setConfirming] = useState(false);
  const lessons = cycle.researchLessons;
  const highest = lessons[lessons.length - 1];
  const nextNumber = (highest?.number ?? 0) + 1;
  const canPrepare = !readOnly && highest !== undefined && nextNumber <= MAX_RESEARCH_LESSONS;

  async function prepare() {
    setConfirming(false);
    const id = await session.change((doc, ctx) => prepareNextResearchLesson(doc, ctx));
    if (id === null) {
      showToast(
        nextNumber > MAX_RESEARCH_LESSONS
          ? t('plan.versions.maxReached')
          : t('plan.versions.alreadyExists'),
      );
      return;
    }
    onSelectResearchLesson(id);
    showToast(t('plan.versions.prepared', { number: nextNumber }));
  }

  return (
    <div className="stack">
      <section className="stack" aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('plan.versions.heading')}</h2>
        <p className="muted small">{t('plan.versions.intro')}</p>
        <ol className="version-list">
          {lessons.map((lesson) => {
            const runs = cycle.runs.filter((run) => run.researchLessonId === lesson.id);
            const current = lesson.id === rlId;
            return (
              <li
                key={lesson.id}
                className={`card version ${current ? 'is-current' : ''}`}
                aria-current={current ? 'true' : undefined}
              >
                <div className="version-head">
                  <h3>{t('plan.rl.long', { number: lesson.number })}</h3>
                  {current ? (
                    <span className="badge">{t('plan.versions.viewing')}</span>
                  ) : (
                    <button type="button" onClick={() => onSelectResearchLesson(lesson.id)}>
                      {t('plan.versions.view')}
                    </button>
                  )}
                </div>
                <p className="muted small">
                  {t('plan.versions.created', {
                    date: formatDate(lesson.createdAt, i18n.language),
                  })}{' '}
                  · {t('plan.versions.phases', { count: lesson.phases.length })} ·{' '}
                  {runs.length === 0
                    ? t('plan.versions.noRuns')
                    : t('plan.versions.runs', { count: runs.length })}
                </p>
                {runs.length > 0 && (
                  <ul className="small version-runs">
                    {runs.map((run) => (
                      <li key={run.id}>
                        {t('plan.versions.runOn', {
                          date: run.date
                            ? formatDay(run.date, i18n.language)
                            : t('plan.runs.noDate'),
                          className: run.className || t('plan.runs.noClass'),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
        {canPrepare && (
          <div className="row">
            <button type="button" className="primary" onClick={() => setConfirming(true)}>
              {t('plan.versions.prepare')}
            </button>
          </div>
        )}
        {!readOnly && nextNumber > MAX_RESEARCH_LESSONS && (
          <p className="muted small">{t('plan.versions.maxReached')}</p>
        )}
      </section>
      <VersionDiff lessons={lessons} pupils={cycle.casePupils} />
      <LessonComparison cycle={cycle} />
      <ConfirmDialog
        tone="primary"
        open={confirming}
        message={t('plan.versions.prepareConfirm', {
          number: nextNumber,
          from: highest?.number ?? 1,
        })}
        confirmLabel={t('plan.versions.prepareAction', { number: nextNumber })}
        onConfirm={() => void prepare()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
