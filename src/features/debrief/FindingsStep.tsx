import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import type { CasePupilId, PhaseId } from '../../model/cycleTypes.ts';
import {
  CHANGE_TARGETS,
  type ChangeTarget,
  type EvidenceRef,
  type Finding,
  type FindingCheck,
  MAX_CHANGES,
  MAX_DEBRIEF_TEXT,
  type PlannedChange,
} from '../../model/debrief.ts';
import { newId } from '../../model/ids.ts';
import { useDebriefScope } from './debriefScope.ts';
import { EarlierFindingChecks } from './EarlierFindingChecks.tsx';
import { ChosenEvidence, EvidenceChip, EvidencePicker, evidenceKey } from './EvidenceChips.tsx';

/**
 * The findings the team agrees: each rests on evidence, names the changes it
 * causes in the next research lesson, and the measure that next lesson's
 * debrief checks it with.
 */
export function FindingsStep() {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const { state, readOnly, presenting } = scope;
  const [editing, setEditing] = useState<string | null>(null);

  function remove(finding: Finding) {
    if (scope.write({ kind: 'remove', target: finding.id }))
      showToast(t('debrief.findings.removed'));
  }

  return (
    <section className="stack debrief-findings" aria-labelledby="debrief-findings-heading">
      <EarlierFindingChecks />
      <h3 id="debrief-findings-heading">{t('debrief.findings.heading')}</h3>
      {state.findings.length === 0 && <p className="muted">{t('debrief.findings.empty')}</p>}
      <ol className="finding-list" data-testid="findings">
        {state.findings.map((finding) =>
          editing === finding.id ? (
            <li key={finding.id}>
              <FindingEditor finding={finding} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={finding.id} className="card stack finding">
              <FindingView finding={finding} />
              {!readOnly && !presenting && (
                <div className="row">
                  <button type="button" onClick={() => setEditing(finding.id)}>
                    {t('debrief.findings.edit')}
                  </button>
                  <button type="button" onClick={() => remove(finding)}>
                    {t('debrief.findings.remove')}
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ol>
      {!readOnly &&
        !presenting &&
        (editing === 'new' ? (
          <FindingEditor finding={null} onDone={() => setEditing(null)} />
        ) : (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('debrief.findings.add')}
          </button>
        ))}
    </section>
  );
}

export function FindingView({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const { labels } = useDebriefScope();
  return (
    <>
      <p className="finding-text">
        {finding.text}
        {finding.openQuestion && (
          <span className="badge"> {t('debrief.findings.openQuestion')}</span>
        )}
      </p>
      {finding.evidence.length > 0 && (
        <div>
          <span className="small muted">{t('debrief.findings.evidence')}: </span>
          <ul className="evidence-chips">
            {finding.evidence.map((ref) => (
              <li key={evidenceKey(ref)}>
                <EvidenceChip reference={ref} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {finding.changes.length > 0 && (
        <div>
          <span className="small muted">{t('debrief.findings.changes')}:</span>
          <ul className="finding-changes">
            {finding.changes.map((change) => (
              <li key={change.id}>
                <span className="badge">{t(`debrief.findings.targets.${change.target}`)}</span>{' '}
                {change.phaseId ? `${labels.phase(change.phaseId)}: ` : ''}
                {change.pupilId ? `${labels.pupil(change.pupilId)}: ` : ''}
                {change.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {finding.check && (
        <p className="small muted">
          {t('debrief.findings.check')}:{' '}
          {labels.itemLabel({ itemId: finding.check.itemId, kind: 'tally' })}
          {' · '}
          {finding.check.pupilId
            ? labels.pupil(finding.check.pupilId)
            : t('debrief.findings.wholeClass')}
        </p>
      )}
    </>
  );
}

type DraftChange = {
  id: string;
  target: ChangeTarget;
  phaseId: PhaseId | '';
  /** For a prediction: the case pupil it is about ('' = the class). */
  pupilId: CasePupilId | '';
  text: string;
};

function FindingEditor({ finding, onDone }: { finding: Finding | null; onDone: () => void }) {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const [text, setText] = useState(finding?.text ?? '');
  const [evidence, setEvidence] = useState<EvidenceRef[]>([...(finding?.evidence ?? [])]);
  const [changes, setChanges] = useState<DraftChange[]>(
    (finding?.changes ?? []).map((c) => ({
      ...c,
      phaseId: c.phaseId ?? '',
      pupilId: c.pupilId ?? '',
    })),
  );
  const [checkItem, setCheckItem] = useState(finding?.check?.itemId ?? '');
  const [checkPupil, setCheckPupil] = useState<string>(finding?.check?.pupilId ?? '');
  const [openQuestion, setOpenQuestion] = useState(finding?.openQuestion ?? false);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState('');
  const phases = scope.rl?.phases ?? [];
  const measurable = [...scope.labels.items.values()].filter((item) => item.kind !== 'note');

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError(t('debrief.findings.needsText'));
    const planned: PlannedChange[] = changes
      .filter((c) => c.text.trim() !== '')
      .map((c) => ({
        id: c.id,
        target: c.target,
        phaseId: c.phaseId === '' ? null : c.phaseId,
        ...(c.target === 'prediction' && c.pupilId !== '' ? { pupilId: c.pupilId } : {}),
        text: c.text.trim(),
      }));
    const check: FindingCheck | null =
      checkItem === ''
        ? null
        : { itemId: checkItem, ...(checkPupil ? { pupilId: checkPupil as CasePupilId } : {}) };
    const ok = scope.write({
      kind: 'finding',
      findingId: finding?.id ?? newId(),
      text: trimmed.slice(0, MAX_DEBRIEF_TEXT),
      evidence,
      changes: planned,
      check,
      openQuestion,
    });
    if (!ok) return;
    showToast(t('debrief.findings.saved'));
    onDone();
  }

  const id = finding?.id ?? 'new';
  return (
    <form className="card stack finding-editor" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`finding-${id}`}>{t('debrief.findings.text')}</label>
        <textarea
          id={`finding-${id}`}
          rows={3}
          value={text}
          maxLength={MAX_DEBRIEF_TEXT}
          placeholder={t('debrief.findings.placeholder')}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div>
        <span className="small">{t('debrief.findings.evidence')}</span>
        <ChosenEvidence evidence={evidence} onChange={setEvidence} />
        <button type="button" onClick={() => setPicking((on) => !on)} aria-expanded={picking}>
          {t('debrief.evidence.add')}
        </button>
        {picking && (
          <EvidencePicker
            chosen={evidence}
            onChange={setEvidence}
            onClose={() => setPicking(false)}
          />
        )}
      </div>
      <fieldset className="stack">
        <legend>{t('debrief.findings.changes')}</legend>
        {changes.map((change, index) => (
          <div key={change.id} className="row finding-change">
            <select
              aria-label={t('debrief.findings.changeTarget')}
              value={change.target}
              onChange={(event) =>
                setChanges((list) =>
                  list.map((c, i) =>
                    i === index ? { ...c, target: event.target.value as ChangeTarget } : c,
                  ),
                )
              }
            >
              {CHANGE_TARGETS.map((target) => (
                <option key={target} value={target}>
                  {t(`debrief.findings.targets.${target}`)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('debrief.findings.changePhase')}
              value={change.phaseId}
              onChange={(event) =>
                setChanges((list) =>
                  list.map((c, i) =>
                    i === index ? { ...c, phaseId: event.target.value as PhaseId | '' } : c,
                  ),
                )
              }
            >
              <option value="">{t('debrief.findings.wholeLesson')}</option>
              {phases.map((phase) => (
                <option key={phase.id} value={phase.id}>
                  {scope.labels.phase(phase.id)}
                </option>
              ))}
            </select>
            {change.target === 'prediction' && (
              <select
                aria-label={t('debrief.findings.changePupil')}
                value={change.pupilId}
                onChange={(event) =>
                  setChanges((list) =>
                    list.map((c, i) =>
                      i === index ? { ...c, pupilId: event.target.value as CasePupilId | '' } : c,
                    ),
                  )
                }
              >
                <option value="">{t('debrief.findings.wholeClass')}</option>
                {scope.cycle.casePupils.map((pupil) => (
                  <option key={pupil.id} value={pupil.id}>
                    {scope.labels.pupil(pupil.id)}
                  </option>
                ))}
              </select>
            )}
            <input
              type="text"
              aria-label={t('debrief.findings.changeText')}
              placeholder={t('debrief.findings.changeText')}
              value={change.text}
              maxLength={MAX_DEBRIEF_TEXT}
              onChange={(event) =>
                setChanges((list) =>
                  list.map((c, i) => (i === index ? { ...c, text: event.target.value } : c)),
                )
              }
            />
            <button
              type="button"
              className="icon-button"
              aria-label={t('debrief.findings.removeChange')}
              onClick={() => setChanges((list) => list.filter((_, i) => i !== index))}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          disabled={changes.length >= MAX_CHANGES}
          onClick={() =>
            setChanges((list) => [
              ...list,
              { id: newId(), target: 'phase', phaseId: '', pupilId: '', text: '' },
            ])
          }
        >
          {t('debrief.findings.addChange')}
        </button>
      </fieldset>
      <div className="row">
        <label className="small" htmlFor={`finding-check-${id}`}>
          {t('debrief.findings.check')}
        </label>
        <select
          id={`finding-check-${id}`}
          value={checkItem}
          onChange={(event) => setCheckItem(event.target.value)}
        >
          <option value="">{t('debrief.findings.noCheck')}</option>
          {measurable.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </select>
        <label className="small" htmlFor={`finding-pupil-${id}`}>
          {t('debrief.findings.checkPupil')}
        </label>
        <select
          id={`finding-pupil-${id}`}
          value={checkPupil}
          disabled={checkItem === ''}
          onChange={(event) => setCheckPupil(event.target.value)}
        >
          <option value="">{t('debrief.findings.wholeClass')}</option>
          {scope.cycle.casePupils.map((pupil) => (
            <option key={pupil.id} value={pupil.id}>
              {pupil.pseudonym}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={openQuestion}
          onChange={(event) => setOpenQuestion(event.target.checked)}
        />
        <span>{t('debrief.findings.openQuestion')}</span>
      </label>
      <div className="row">
        <button type="submit" className="primary" data-testid="finding-save">
          {t('debrief.findings.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('debrief.findings.cancel')}
        </button>
      </div>
    </form>
  );
}
