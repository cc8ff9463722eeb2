import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePupil, ResearchLesson } from '../../model/cycleTypes.ts';
import { diffResearchLessons, type PhaseDiff } from '../../model/researchLessons.ts';
import { TextDiff } from './TextDiff.tsx';

type Props = {
  lessons: readonly ResearchLesson[];
  pupils: readonly CasePupil[];
};

/** What changed between two versions of the research lesson, phase by phase. */
export function VersionDiff({ lessons, pupils }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const last = lessons[lessons.length - 1];
  const previous = lessons[lessons.length - 2];
  const [fromId, setFromId] = useState<string | null>(null);
  const [toId, setToId] = useState<string | null>(null);

  if (!last || !previous) {
    return (
      <section className="stack" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('plan.versions.compare.heading')}</h2>
        <p className="muted">{t('plan.versions.compare.needTwo')}</p>
      </section>
    );
  }
  const before = lessons.find((lesson) => lesson.id === fromId) ?? previous;
  const after = lessons.find((lesson) => lesson.id === toId) ?? last;
  const name = (lesson: ResearchLesson) => t('plan.rl.long', { number: lesson.number });

  const picker = (label: string, value: ResearchLesson, onChange: (id: string) => void) => (
    <label className="field inline-field">
      <span>{label}</span>
      <select value={value.id} onChange={(event) => onChange(event.target.value)}>
        {lessons.map((lesson) => (
          <option key={lesson.id} value={lesson.id}>
            {name(lesson)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('plan.versions.compare.heading')}</h2>
      <div className="row">
        {picker(t('plan.versions.compare.from'), before, setFromId)}
        <span aria-hidden="true">→</span>
        {picker(t('plan.versions.compare.to'), after, setToId)}
      </div>
      {before.id === after.id ? (
        <p className="muted">{t('plan.versions.compare.same')}</p>
      ) : (
        <DiffBody before={before} after={after} pupils={pupils} />
      )}
    </section>
  );
}

function DiffBody({
  before,
  after,
  pupils,
}: {
  before: ResearchLesson;
  after: ResearchLesson;
  pupils: readonly CasePupil[];
}) {
  const { t } = useTranslation();
  const diff = diffResearchLessons(before, after, pupils);
  const count = (kind: PhaseDiff['kind']) => diff.phases.filter((p) => p.kind === kind).length;
  const moved = diff.phases.filter((p) => p.moved).length;
  const shown = diff.phases.filter((p) => p.kind !== 'unchanged' || p.moved);
  const unchanged = diff.phases.length - shown.length;
  return (
    <div className="stack" aria-live="polite">
      <p>
        <strong>
          {t('plan.versions.compare.summary', {
            added: count('added'),
            removed: count('removed'),
            changed: count('changed'),
            moved,
          })}
        </strong>
        <br />
        {t('plan.versions.compare.minutes', diff.totalMinutes)}
      </p>
      {shown.length === 0 && <p className="muted">{t('plan.versions.compare.noChanges')}</p>}
      <ol className="diff-list">
        {shown.map((phase) => (
          <PhaseDiffItem
            key={(phase.after ?? phase.before)?.id}
            diff={phase}
            after={after}
            before={before}
          />
        ))}
      </ol>
      {unchanged > 0 && (
        <p className="muted small">{t('plan.versions.compare.unchanged', { count: unchanged })}</p>
      )}
    </div>
  );
}

function PhaseDiffItem({
  diff,
  before,
  after,
}: {
  diff: PhaseDiff;
  before: ResearchLesson;
  after: ResearchLesson;
}) {
  const { t } = useTranslation();
  const phase = diff.after ?? diff.before;
  if (!phase) return null;
  const lesson = diff.after ? after : before;
  const number = lesson.phases.findIndex((p) => p.id === phase.id) + 1;
  const title = phase.title.trim() || t('plan.phases.untitled', { number });
  const badges: string[] = [];
  if (diff.kind !== 'unchanged') badges.push(t(`plan.versions.compare.${diff.kind}`));
  if (diff.moved) badges.push(t('plan.versions.compare.moved'));
  return (
    <li className={`card diff-phase diff-${diff.kind}`}>
      <h3 className="row row-baseline">
        <span>
          {t('plan.phases.number', { number })}: {title}
        </span>
        {badges.map((badge) => (
          <span key={badge} className="diff-badge">
            {badge}
          </span>
        ))}
      </h3>
      {diff.kind === 'added' && diff.after && <PhaseSummary phase={diff.after} />}
      {diff.kind === 'removed' && diff.before && <PhaseSummary phase={diff.before} />}
      {diff.fields.length > 0 && (
        <dl className="diff-fields">
          {diff.fields.map((field) => (
            <div key={field.field} className="diff-field">
              <dt>{t(`plan.versions.compare.fields.${field.field}`)}</dt>
              <dd>
                <TextDiff before={field.before} after={field.after} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {diff.predictions.length > 0 && (
        <>
          <h4>{t('plan.versions.compare.predictions')}</h4>
          <dl className="diff-fields">
            {diff.predictions.map((prediction) => (
              <div key={prediction.pupilId} className="diff-field">
                <dt>{prediction.pseudonym}</dt>
                <dd>
                  <TextDiff before={prediction.before} after={prediction.after} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </li>
  );
}

function PhaseSummary({ phase }: { phase: ResearchLesson['phases'][number] }) {
  const { t } = useTranslation();
  const rows = [
    ['minutes', String(phase.minutes)],
    ['teacherActions', phase.teacherActions],
    ['pupilActivities', phase.pupilActivities],
    ['observerFocus', phase.observerFocus],
  ] as const;
  return (
    <dl className="diff-fields">
      {rows
        .filter(([, value]) => value.trim() !== '')
        .map(([field, value]) => (
          <div key={field} className="diff-field">
            <dt>{t(`plan.versions.compare.fields.${field}`)}</dt>
            <dd className="pre-line">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
