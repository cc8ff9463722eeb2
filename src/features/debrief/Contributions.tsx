import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import { type EvidenceRef, MAX_DEBRIEF_TEXT } from '../../model/debrief.ts';
import type { MemberId } from '../../model/ids.ts';
import { useContributionDraft } from './contributionDraft.ts';
import { useDebriefScope } from './debriefScope.ts';
import { ChosenEvidence, EvidenceChip, EvidencePicker, evidenceKey } from './EvidenceChips.tsx';

/**
 * What was said in a step, each contribution with the evidence it starts
 * from. The recorder may note a contribution for the colleague who said it.
 */
export function Contributions({ stepId }: { stepId: string }) {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const { state, labels, readOnly, presenting } = scope;
  const said = state.contributions.filter((c) => c.stepId === stepId);

  function remove(id: string) {
    if (!scope.write({ kind: 'remove', target: id })) return;
    showToast(t('debrief.contributions.removed'));
  }

  return (
    <section className="stack debrief-contributions" aria-labelledby={`contributions-${stepId}`}>
      <h3 id={`contributions-${stepId}`}>{t('debrief.contributions.heading')}</h3>
      {said.length === 0 ? (
        <p className="muted">{t('debrief.contributions.empty')}</p>
      ) : (
        <ol className="contribution-list" data-testid="contributions">
          {said.map((contribution) => (
            <li key={contribution.id} className="contribution">
              <p className="contribution-who small">
                {labels.memberName((contribution.speakerId ?? contribution.by) as MemberId)}
                {contribution.evidence.length === 0 && (
                  <span className="badge badge-warn"> {t('debrief.evidence.opinion')}</span>
                )}
              </p>
              <p className="contribution-text">{contribution.text}</p>
              {contribution.evidence.length > 0 && (
                <ul className="evidence-chips">
                  {contribution.evidence.map((ref) => (
                    <li key={evidenceKey(ref)}>
                      <EvidenceChip reference={ref} />
                    </li>
                  ))}
                </ul>
              )}
              {!readOnly && !presenting && (
                <button
                  type="button"
                  className="link-button small"
                  onClick={() => remove(contribution.id)}
                >
                  {t('debrief.contributions.remove')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && !presenting && <ContributionForm stepId={stepId} />}
    </section>
  );
}

function ContributionForm({ stepId }: { stepId: string }) {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const [text, setText] = useState('');
  const draft = useContributionDraft();
  const [ownEvidence, setOwnEvidence] = useState<EvidenceRef[]>([]);
  const evidence = draft?.evidence ?? ownEvidence;
  const setEvidence = (next: EvidenceRef[] | ((list: EvidenceRef[]) => EvidenceRef[])) => {
    const value = typeof next === 'function' ? next([...evidence]) : next;
    if (draft) draft.setEvidence(value);
    else setOwnEvidence(value);
  };
  const [speaker, setSpeaker] = useState<MemberId>(scope.me);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError(t('debrief.contributions.needsText'));
    if (trimmed.length > MAX_DEBRIEF_TEXT) return setError(t('debrief.contributions.tooLong'));
    const written = scope.write({
      kind: 'contribution',
      stepId,
      text: trimmed,
      evidence: [...evidence],
      ...(speaker !== scope.me ? { speakerId: speaker } : {}),
    });
    if (!written) return;
    setText('');
    setEvidence([]);
    setError('');
    setPicking(false);
  }

  const id = `contribution-text-${stepId}`;
  return (
    <form className="stack contribution-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>{t('debrief.contributions.text')}</label>
        <textarea
          id={id}
          rows={2}
          value={text}
          maxLength={MAX_DEBRIEF_TEXT}
          placeholder={t('debrief.contributions.placeholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <ChosenEvidence evidence={evidence} onChange={setEvidence} />
      {picking && (
        <EvidencePicker
          chosen={evidence}
          onChange={setEvidence}
          onClose={() => setPicking(false)}
        />
      )}
      <div className="row">
        <button type="button" onClick={() => setPicking((on) => !on)} aria-expanded={picking}>
          {t('debrief.evidence.add')}
        </button>
        <label className="small" htmlFor={`${id}-speaker`}>
          {t('debrief.contributions.speaker')}
        </label>
        <select
          id={`${id}-speaker`}
          value={speaker}
          onChange={(event) => setSpeaker(event.target.value as MemberId)}
        >
          {scope.members.map((memberId) => (
            <option key={memberId} value={memberId}>
              {scope.labels.member(memberId)}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" data-testid="contribution-add">
          {t('debrief.contributions.add')}
        </button>
      </div>
    </form>
  );
}
