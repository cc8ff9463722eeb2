import { useTranslation } from 'react-i18next';
import type { DocKind } from '../model/documentKinds.ts';
import { useSessionState } from '../sync/hooks.ts';
import { useOptionalSession } from '../sync/SessionContext.tsx';

/**
 * "Saved on this device" for the document of `kind` the screen works in, said
 * only once every edit made here is committed to IndexedDB; while a write is
 * under way "saving…", and while writes fail "not saved yet" (the storage
 * banner says why; the edits are kept and retried).
 */
export function DeviceSaveStatus({ kind }: { kind: DocKind }) {
  const { t } = useTranslation();
  const session = useOptionalSession(kind);
  const save = useSessionState(session, (state) => state.save);
  if (!session) return null;
  return (
    <span
      className={`device-save is-${save}`}
      data-testid="device-save"
      data-save-state={save}
      role="status"
    >
      <span aria-hidden="true">{save === 'saved' ? '✓ ' : save === 'failed' ? '⚠ ' : '… '}</span>
      {t(`app.deviceSave.${save}`)}
    </span>
  );
}
