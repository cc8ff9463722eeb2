import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import {
  MAX_PROTOCOL_STEPS,
  MAX_STEP_MINUTES,
  MAX_STEP_TITLE,
  moveStep,
  type ProtocolStep,
  parseProtocol,
  protocolMinutes,
  resetTeamProtocol,
  saveTeamProtocol,
} from '../../model/debriefProtocol.ts';
import { newId } from '../../model/ids.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { stepTitle } from './stepTitle.ts';

type Props = { steps: readonly ProtocolStep[]; onClose: () => void };

/**
 * Editing the team's own protocol: titles, minutes, order, own steps. Saved
 * into the team document as a whole (the team's protocol is one value); a
 * draft that breaks the rules is never saved.
 */
export function ProtocolEditor({ steps, onClose }: Props) {
  const { t } = useTranslation();
  const team = useSession('team');
  const [draft, setDraft] = useState<ProtocolStep[]>(() => [...steps]);
  const valid = parseProtocol(draft) !== null;

  const patch = (id: string, change: Partial<ProtocolStep>) =>
    setDraft((current) => current.map((step) => (step.id === id ? { ...step, ...change } : step)));

  function save() {
    if (!valid) return;
    team
      .change((doc) => saveTeamProtocol(doc, draft))
      .then(() => showToast(t('debrief.protocolEditor.saved')))
      .catch(() => showToast(t('debrief.refused')));
    onClose();
  }

  function reset() {
    team
      .change((doc) => resetTeamProtocol(doc))
      .then(() => showToast(t('debrief.protocolEditor.resetDone')))
      .catch(() => showToast(t('debrief.refused')));
    onClose();
  }

  return (
    <section className="card stack protocol-editor" aria-labelledby="protocol-editor-heading">
      <h3 id="protocol-editor-heading">{t('debrief.protocolEditor.heading')}</h3>
      <p className="muted small">{t('debrief.protocolEditor.intro')}</p>
      <ol className="protocol-steps">
        {draft.map((step, index) => {
          const number = index + 1;
          return (
            <li key={step.id} className="protocol-step">
              <input
                type="text"
                aria-label={t('debrief.protocolEditor.stepTitle', { number })}
                value={step.title}
                placeholder={stepTitle(t, { ...step, title: '' })}
                maxLength={MAX_STEP_TITLE}
                onChange={(event) => patch(step.id, { title: event.target.value })}
              />
              <input
                type="number"
                inputMode="numeric"
                className="protocol-minutes"
                aria-label={t('debrief.protocolEditor.minutes', { number })}
                min={1}
                max={MAX_STEP_MINUTES}
                value={Number.isFinite(step.minutes) ? step.minutes : ''}
                onChange={(event) => patch(step.id, { minutes: event.target.valueAsNumber })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('debrief.protocolEditor.moveUp', { number })}
                disabled={index === 0}
                onClick={() => setDraft((current) => moveStep(current, step.id, index - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('debrief.protocolEditor.moveDown', { number })}
                disabled={index === draft.length - 1}
                onClick={() => setDraft((current) => moveStep(current, step.id, index + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('debrief.protocolEditor.remove', { number })}
                disabled={draft.length === 1}
                onClick={() => setDraft((current) => current.filter((each) => each.id !== step.id))}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      <div className="row">
        <button
          type="button"
          disabled={draft.length >= MAX_PROTOCOL_STEPS}
          onClick={() =>
            setDraft((current) => [
              ...current,
              {
                id: `step-${newId()}`,
                kind: 'custom',
                title: t('debrief.protocolEditor.newStep'),
                minutes: 5,
              },
            ])
          }
        >
          {t('debrief.protocolEditor.add')}
        </button>
        <span className="muted small">
          {t('debrief.protocolEditor.total', {
            minutes: valid ? protocolMinutes(draft) : '–',
          })}
        </span>
      </div>
      {!valid && (
        <p className="field-error" role="alert">
          {t('debrief.protocolEditor.invalid')}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={!valid} onClick={save}>
          {t('debrief.protocolEditor.save')}
        </button>
        <button type="button" onClick={reset}>
          {t('debrief.protocolEditor.reset')}
        </button>
        <button type="button" onClick={onClose}>
          {t('debrief.protocolEditor.cancel')}
        </button>
      </div>
    </section>
  );
}
