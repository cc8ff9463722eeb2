import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentStep, type EvidenceRef, evidenceShare } from '../../model/debrief.ts';
import { Contributions } from './Contributions.tsx';
import { type ContributionDraft, ContributionDraftContext } from './contributionDraft.ts';
import { useDebriefScope } from './debriefScope.ts';
import { evidenceKey } from './EvidenceChips.tsx';
import { RolesPanel } from './RolesPanel.tsx';
import { StepContent } from './StepContent.tsx';
import { StepHeader } from './StepHeader.tsx';
import { StepNotes } from './StepNotes.tsx';
import { stepTitle } from './stepTitle.ts';

/** Marked when the running debrief first shows (read by the benchmarks: debrief-open-5000-events). */
export const DEBRIEF_READY_MARK = 'leskring:debrief-ready';

/** The running debrief: the protocol's steps, the current one with its data, notes and contributions. */
export function DebriefRunner() {
  const { t } = useTranslation();
  useEffect(() => {
    performance.mark(DEBRIEF_READY_MARK);
  }, []);
  const scope = useDebriefScope();
  const { state, presenting } = scope;
  const protocol = state.protocol ?? [];
  const current = currentStep(state, protocol);
  const stepId = current?.step.id ?? '';
  const [evidence, setEvidence] = useState<EvidenceRef[]>([]);
  // A new step starts a new contribution.
  // biome-ignore lint/correctness/useExhaustiveDependencies: stepId is the trigger
  useEffect(() => setEvidence([]), [stepId]);
  const cite = useCallback(
    (ref: EvidenceRef) => {
      setEvidence((list) =>
        list.some((each) => evidenceKey(each) === evidenceKey(ref)) ? list : [...list, ref],
      );
      document.getElementById(`contribution-text-${stepId}`)?.focus();
    },
    [stepId],
  );
  const draft = useMemo<ContributionDraft>(
    () => ({ evidence, setEvidence, cite }),
    [evidence, cite],
  );
  if (!current) return null;
  const chairs = [...state.roles.values()].filter((r) => r.role === 'chair');
  const iAmChair = chairs.some((r) => 'memberId' in r.person && r.person.memberId === scope.me);
  const canMove = !scope.readOnly && (chairs.length === 0 || iAmChair);
  const moveTo = (stepId: string) => scope.write({ kind: 'step', stepId });

  return (
    <div className="debrief-layout">
      <nav className="debrief-steps" aria-label={t('debrief.runner.steps')}>
        <EvidenceShareMeter />
        <ol>
          {protocol.map((step, index) => {
            const isCurrent = index === current.index;
            const title = stepTitle(t, step);
            return (
              <li key={step.id} className={isCurrent ? 'is-current' : ''}>
                <button
                  type="button"
                  className="debrief-step-link"
                  aria-current={isCurrent ? 'step' : undefined}
                  disabled={!canMove || isCurrent}
                  aria-label={t('debrief.runner.goTo', { number: index + 1, title })}
                  onClick={() => moveTo(step.id)}
                >
                  <span className="debrief-step-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="debrief-step-title">{title}</span>
                  <span className="muted small">
                    {t('debrief.runner.minutes', { count: step.minutes })}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
        {!presenting && <RolesPanel />}
      </nav>
      <section className="debrief-step stack" aria-labelledby="debrief-step-title">
        <StepHeader
          step={current.step}
          index={current.index}
          count={protocol.length}
          since={current.since}
          canMove={canMove}
          chairNames={chairs.map((r) =>
            'memberId' in r.person ? scope.labels.memberName(r.person.memberId) : r.person.name,
          )}
          onMove={moveTo}
          previous={protocol[current.index - 1]?.id ?? null}
          next={protocol[current.index + 1]?.id ?? null}
        />
        <ContributionDraftContext.Provider value={draft}>
          <StepContent step={current.step} />
          <StepNotes stepId={current.step.id} />
          <Contributions stepId={current.step.id} />
        </ContributionDraftContext.Provider>
      </section>
    </div>
  );
}

/** How much of the discussion so far rests on evidence, for the chair to steer by. */
function EvidenceShareMeter() {
  const { t } = useTranslation();
  const { state } = useDebriefScope();
  const share = evidenceShare(state.contributions);
  return (
    <div className="evidence-share" data-testid="evidence-share">
      <span id="evidence-share-label" className="visually-hidden">
        {t('debrief.evidence.shareLabel')}
      </span>
      <meter
        aria-labelledby="evidence-share-label"
        min={0}
        max={1}
        low={0.5}
        high={0.75}
        optimum={1}
        value={share.share ?? 0}
      />
      <span className="small">
        {share.share === null
          ? t('debrief.evidence.shareNone')
          : t('debrief.evidence.share', {
              withEvidence: share.withEvidence,
              total: share.total,
              percent: Math.round(share.share * 100),
            })}
      </span>
    </div>
  );
}
