import { useTranslation } from 'react-i18next';
import '../../i18n/debriefTexts.ts';
import { Link } from 'wouter';
import { showToast } from '../../app/ui/toasts.ts';
import { researchLessonsMap } from '../../model/cycleDoc.ts';
import type { CycleSnapshot, Phase, PhaseId, ResearchLesson } from '../../model/cycleTypes.ts';
import type { PlannedChange } from '../../model/debrief.ts';
import {
  changesForLesson,
  findingsOfLesson,
  type LinkedChange,
  previousLesson,
} from '../../model/findingChecks.ts';
import {
  appliedChangesMap,
  appliedChangesOf,
  applyPlannedChange,
} from '../../model/planChanges.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { changeWithUndo } from './changeWithUndo.ts';

type Props = { cycle: CycleSnapshot; rl: ResearchLesson; cyclePath: string; readOnly: boolean };

/** Which field of the phase a change lands in, for the toast. */
function fieldOf(
  change: PlannedChange,
): 'teacherActions' | 'prediction' | 'response' | 'observerFocus' {
  if (change.target === 'observerFocus') return 'observerFocus';
  if (change.target === 'phase') return 'teacherActions';
  return change.pupilId === undefined ? 'response' : 'prediction';
}

/**
 * Preparing RL2 (or RL3) starts from the findings of the previous lesson's
 * debrief: each finding with the changes it asks for, placed at the phase
 * they concern (the phase this lesson copied from it), and a way back to
 * the debrief and its evidence.
 */
export function FindingsForLesson({ cycle, rl, cyclePath, readOnly }: Props) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const previous = previousLesson(cycle, rl.id);
  const earlier =
    useYSnapshot(
      session.doc,
      (doc) => (previous ? findingsOfLesson(doc, cycle, previous.id) : []),
      [cycle, previous],
    ) ?? [];
  const applied =
    useYSnapshot(session.doc, (doc) => appliedChangesOf(doc, rl.id), [rl.id]) ?? new Set();
  if (!previous || earlier.length === 0) return null;
  const changes = changesForLesson(rl, earlier);
  const phaseName = (index: number, title: string) =>
    title.trim() || t('plan.phases.untitled', { number: index + 1 });
  const rows: Array<{
    key: string;
    label: string;
    phase: PhaseId | null;
    changes: readonly LinkedChange[];
  }> = [];
  rl.phases.forEach((phase: Phase, index) => {
    const linked = changes.byPhase.get(phase.id);
    if (linked)
      rows.push({
        key: phase.id,
        label: phaseName(index, phase.title),
        phase: phase.id,
        changes: linked,
      });
  });
  if (changes.general.length > 0)
    rows.push({
      key: '',
      label: t('debrief.forPlan.general'),
      phase: null,
      changes: changes.general,
    });
  const pupilName = (id: string | undefined) =>
    cycle.casePupils.find((pupil) => pupil.id === id)?.pseudonym ?? '';

  function apply(phase: PhaseId, phaseLabel: string, change: PlannedChange) {
    let written = false;
    void changeWithUndo(
      session,
      [researchLessonsMap(session.doc), appliedChangesMap(session.doc)],
      () =>
        session.change((doc, ctx) => {
          written = applyPlannedChange(doc, rl.id, phase, change, ctx);
        }),
    ).then(
      (undo) => {
        if (!written) return showToast(t('debrief.forPlan.failed'));
        const field = t(`debrief.forPlan.fields.${fieldOf(change)}`, {
          pupil: pupilName(change.pupilId),
        });
        showToast(t('debrief.forPlan.appliedToast', { field, phase: phaseLabel }), {
          label: t('common.undo'),
          run: undo,
        });
      },
      () => showToast(t('debrief.forPlan.failed')),
    );
  }

  return (
    <section
      className="card stack lesson-findings"
      aria-labelledby="lesson-findings-heading"
      data-testid="lesson-findings"
    >
      <h3 id="lesson-findings-heading">
        {t('debrief.forPlan.heading', { rl: t('plan.rl.short', { number: previous.number }) })}
      </h3>
      <p className="muted small">{t('debrief.forPlan.intro')}</p>
      <ul className="lesson-findings-list">
        {earlier.flatMap(({ run, findings }) =>
          findings.map((finding) => (
            <li key={finding.id}>
              <strong>{finding.text}</strong>{' '}
              <Link href={`${cyclePath}/runs/${run.id}/debrief`} className="small">
                {t('debrief.forPlan.debrief')}
              </Link>
            </li>
          )),
        )}
      </ul>
      {rows.length > 0 && (
        <dl className="lesson-changes">
          {rows.map((row) => (
            <div key={row.key}>
              <dt>{row.label}</dt>
              {row.changes.map(({ finding, change }) => {
                const phase = row.phase;
                return (
                  <dd key={`${finding.id}-${change.id}`} data-testid="lesson-change">
                    <span className="badge">{t(`debrief.findings.targets.${change.target}`)}</span>{' '}
                    {change.pupilId ? `${pupilName(change.pupilId)}: ` : ''}
                    {change.text}{' '}
                    {applied.has(change.id) ? (
                      <span className="badge badge-ok">✓ {t('debrief.forPlan.applied')}</span>
                    ) : phase === null ? (
                      <span className="muted small">{t('debrief.forPlan.noPhase')}</span>
                    ) : (
                      !readOnly && (
                        <button
                          type="button"
                          aria-label={t('debrief.forPlan.applyLabel', { text: change.text })}
                          onClick={() => apply(phase, row.label, change)}
                        >
                          {t('debrief.forPlan.apply')}
                        </button>
                      )
                    )}
                  </dd>
                );
              })}
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
