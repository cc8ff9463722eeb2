import { type ChangeEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import '../../i18n/plgTexts.ts';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import {
  type CycleFileCheck,
  checkCycleFile,
  MAX_CYCLE_FILE_BYTES,
} from '../../model/cycleFile.ts';
import { createCycle } from '../../sync/commands/cycle.ts';
import type { LocalMembership } from '../../sync/device.ts';
import type { DocSession } from '../../sync/docSession.ts';

type Props = { membership: LocalMembership; team: DocSession };

/** A cycle file (JSON) of another team becomes a new cycle here, after it is checked and confirmed. */
export function ImportCycleButton({ membership, team }: Props) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [checked, setChecked] = useState<Extract<CycleFileCheck, { ok: true }> | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function picked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError('');
    const result =
      file.size > MAX_CYCLE_FILE_BYTES
        ? ({ ok: false, reason: 'too-large' } as const)
        : checkCycleFile(await file.text());
    if (!result.ok) return setError(t(`plg.exchange.errors.${result.reason}`));
    setChecked(result);
  }

  async function importIt() {
    const file = checked;
    setChecked(null);
    if (!file || busy) return;
    setBusy(true);
    try {
      const cycleId = await createCycle(team, {
        teamId: membership.teamId,
        memberId: membership.memberId,
        title: file.title,
        imported: file.state,
      });
      showToast(t('plg.exchange.imported', { title: file.title }));
      navigate(`/teams/${membership.teamId}/cycles/${cycleId}`);
    } catch (failure) {
      console.error('cycle: could not import', failure);
      showToast(t('plg.exchange.failed'));
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="cycle-import-input"
        onChange={(event) => void picked(event)}
      />
      <button
        type="button"
        disabled={busy}
        aria-describedby={hintId}
        onClick={() => input.current?.click()}
      >
        {t('plg.exchange.import')}
      </button>
      <p id={hintId} className="muted small">
        {t('plg.exchange.importHint')}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={checked !== null}
        tone="primary"
        message={
          checked
            ? t('plg.exchange.confirm', {
                title: checked.title,
                researchLessons: checked.researchLessons,
                runs: checked.runs,
                events: checked.events,
              })
            : ''
        }
        confirmLabel={t('plg.exchange.confirmImport')}
        onConfirm={() => void importIt()}
        onCancel={() => setChecked(null)}
      />
    </div>
  );
}
