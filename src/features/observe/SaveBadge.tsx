import { useTranslation } from 'react-i18next';
import type { SaveState } from './useRecorder.ts';

/** "Saving…" until the write committed, then "Saved": never before (issue 6 point 4). */
export function SaveBadge({ state }: { state: SaveState | undefined }) {
  const { t } = useTranslation();
  const shown = state ?? 'saved';
  return (
    <span className={`observe-save is-${shown}`} data-save-state={shown}>
      <span aria-hidden="true">{shown === 'saved' ? '✓ ' : shown === 'failed' ? '⚠ ' : '… '}</span>
      {t(`observe.saved.${shown}`)}
    </span>
  );
}
