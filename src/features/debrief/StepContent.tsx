import { useTranslation } from 'react-i18next';
import { cycleTextPlain } from '../../model/cycleDoc.ts';
import type { ProtocolStep } from '../../model/debriefProtocol.ts';
import { useDebriefScope } from './debriefScope.ts';
import { FindingsStep } from './FindingsStep.tsx';
import { MatrixStep } from './MatrixStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { SummariesStep } from './SummariesStep.tsx';

/** The data a step shows, by its kind. */
export function StepContent({ step }: { step: ProtocolStep }) {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  switch (step.kind) {
    case 'review':
      return <ReviewStep />;
    case 'opening':
      return (
        <div className="debrief-texts">
          <CycleText label={t('debrief.runner.researchQuestion')} field="researchQuestion" />
          <CycleText label={t('debrief.runner.goals')} field="goals" />
        </div>
      );
    case 'teacher':
      return scope.run.teacherId ? (
        <p className="debrief-taught-by">
          {t('debrief.runner.taughtBy', { name: scope.labels.memberName(scope.run.teacherId) })}
        </p>
      ) : null;
    case 'rationale':
      return <CycleText label={t('debrief.runner.rationale')} field="rationale" />;
    case 'pupils':
      return <MatrixStep />;
    case 'patterns':
      return <SummariesStep />;
    case 'findings':
      return <FindingsStep />;
    default:
      return null;
  }
}

function CycleText({
  label,
  field,
}: {
  label: string;
  field: 'researchQuestion' | 'goals' | 'rationale';
}) {
  const { t } = useTranslation();
  const { session } = useDebriefScope();
  const text = cycleTextPlain(session.doc, field).trim();
  return (
    <section className="debrief-text">
      <h3>{label}</h3>
      {text ? (
        text.split('\n').map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a read-only text have no other identity
          <p key={index}>{line}</p>
        ))
      ) : (
        <p className="muted">{t('debrief.runner.emptyText')}</p>
      )}
    </section>
  );
}
