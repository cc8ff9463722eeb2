import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { localDay } from '../../app/localDay.ts';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import { runsMap } from '../../model/cycleDoc.ts';
import type { Run, RunId } from '../../model/cycleTypes.ts';
import { planRun, removeRun, setObserver } from '../../model/runs.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import type { CycleViewProps } from '../cycle/cycleViewProps.ts';
import { changeWithUndo } from './changeWithUndo.ts';
import { formatDay } from './format.ts';
import { RunCard } from './RunCard.tsx';
import { RunPlanner } from './RunPlanner.tsx';
import './plan.css';

/** Planning runs of the research lessons: when, where, who teaches, who observes whom, what to ask. */
export function RunsTab({ cycle, rlId, members, membership, readOnly }: CycleViewProps) {
  const { t, i18n } = useTranslation();
  const session = useSession('cycle');
  const [cyclePath, navigate] = useLocation();
  const [editing, setEditing] = useState<RunId | null>(null);
  const [toRemove, setToRemove] = useState<Run | null>(null);
  const lessons = cycle.researchLessons;
  const runs = [...cycle.runs].sort(
    (a, b) =>
      (a.date || '9999').localeCompare(b.date || '9999') || a.createdAt.localeCompare(b.createdAt),
  );
  const rlName = (run: Run) => {
    const lesson = lessons.find((l) => l.id === run.researchLessonId);
    return lesson ? t('plan.rl.long', { number: lesson.number }) : run.researchLessonId;
  };
  const dateOf = (run: Run) =>
    run.date ? formatDay(run.date, i18n.language) : t('plan.runs.noDate');

  /** An unplanned lesson observed at once: a run of the viewed RL dated today, with this member observing. */
  function observeNow() {
    const today = new Date();
    const date = localDay(today);
    void session
      .change((doc, ctx) => {
        const id = planRun(doc, { researchLessonId: rlId, date }, ctx);
        setObserver(doc, id, membership.memberId, [], ctx);
        return id;
      })
      .then((runId) => navigate(`${cyclePath}/runs/${runId}/observe`));
  }

  function confirmRemove() {
    const run = toRemove;
    setToRemove(null);
    if (!run) return;
    void changeWithUndo(session, runsMap(session.doc), () =>
      session.change((doc, ctx) => removeRun(doc, run.id, ctx)),
    ).then((undo) => showToast(t('plan.runs.removed'), { label: t('common.undo'), run: undo }));
  }

  return (
    <section className="stack" aria-labelledby="runs-heading">
      <h2 id="runs-heading">{t('plan.runs.heading')}</h2>
      <p className="muted small">{t('plan.runs.intro')}</p>
      {readOnly && <p className="notice">{t('plan.readOnly')}</p>}
      {runs.length === 0 ? (
        <p className="empty-state">{t('plan.runs.empty')}</p>
      ) : (
        <ol className="run-list">
          {runs.map((run) => (
            <RunCard
              key={run.id}
              run={run}
              lessons={lessons}
              members={members}
              pupils={cycle.casePupils}
              readOnly={readOnly}
              editing={editing === run.id && !readOnly}
              onEdit={(on) => setEditing(on ? run.id : null)}
              onRemove={setToRemove}
            />
          ))}
        </ol>
      )}
      {!readOnly && lessons.length > 0 && (
        <div className="card stack">
          <button type="button" className="primary" onClick={observeNow}>
            {t('plan.runs.adHoc')}
          </button>
          <p className="muted small">
            {t('plan.runs.adHocHint', {
              rl: t('plan.rl.long', {
                number: lessons.find((l) => l.id === rlId)?.number ?? lessons.length,
              }),
            })}
          </p>
        </div>
      )}
      {!readOnly && lessons.length > 0 && (
        <RunPlanner
          lessons={lessons}
          rlId={rlId}
          members={members}
          onPlanned={(id) => setEditing(id)}
        />
      )}
      <ConfirmDialog
        open={toRemove !== null}
        message={
          toRemove
            ? t('plan.runs.removeConfirm', { rl: rlName(toRemove), date: dateOf(toRemove) })
            : ''
        }
        confirmLabel={t('plan.runs.remove')}
        onConfirm={confirmRemove}
        onCancel={() => setToRemove(null)}
      />
    </section>
  );
}
