import { useTranslation } from 'react-i18next';
import '../../i18n/debriefTexts.ts';
import { Link } from 'wouter';
import type { CycleSnapshot, ResearchLesson } from '../../model/cycleTypes.ts';
import {
  changesForLesson,
  findingsOfLesson,
  type LinkedChange,
  previousLesson,
} from '../../model/findingChecks.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { useSession } from '../../sync/SessionContext.tsx';

type Props = { cycle: CycleSnapshot; rl: ResearchLesson; cyclePath: string };

/**
 * Preparing RL2 (or RL3) starts from the findings of the previous lesson's
 * debrief: each finding with the changes it asks for, placed at the phase
 * they concern (the phase this lesson copied from it), and a way back to
 * the debrief and its evidence.
 */
export function FindingsForLesson({ cycle, rl, cyclePath }: Props) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const previous = previousLesson(cycle, rl.id);
  const earlier =
    useYSnapshot(
      session.doc,
      (doc) => (previous ? findingsOfLesson(doc, cycle, previous.id) : []),
      [cycle, previous],
    ) ?? [];
  if (!previous || earlier.length === 0) return null;
  const changes = changesForLesson(rl, earlier);
  const phaseName = (index: number, title: string) =>
    title.trim() || t('plan.phases.untitled', { number: index + 1 });
  const rows: Array<{ key: string; label: string; changes: readonly LinkedChange[] }> = [];
  rl.phases.forEach((phase, index) => {
    const linked = changes.byPhase.get(phase.id);
    if (linked) rows.push({ key: phase.id, label: phaseName(index, phase.title), changes: linked });
  });
  if (changes.general.length > 0)
    rows.push({ key: '', label: t('debrief.forPlan.general'), changes: changes.general });

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
              {row.changes.map(({ finding, change }) => (
                <dd key={`${finding.id}-${change.id}`}>
                  <span className="badge">{t(`debrief.findings.targets.${change.target}`)}</span>{' '}
                  {change.text}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
