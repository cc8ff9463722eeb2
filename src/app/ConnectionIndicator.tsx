import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../sync/hooks.ts';

const LABEL_KEYS = {
  online: 'connection.online',
  offline: 'connection.offline',
  connecting: 'connection.connecting',
  syncing: 'connection.syncing',
  denied: 'connection.denied',
  refused: 'connection.refused',
  busy: 'connection.busy',
  'local-only': 'connection.localOnly',
} as const;

/**
 * The header badge: online / offline / syncing, with the number of changes the
 * server has not confirmed, and why the server refused a document or a change,
 * or slowed this device down.
 */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectionState();
  const pending = state.unsyncedChanges;
  const count =
    pending > 0
      ? t('connection.unsynced', { count: pending })
      : state.status === 'online'
        ? t('connection.allSaved')
        : state.status === 'offline'
          ? t('connection.offlineHint')
          : '';
  const reason = state.refusal
    ? t(`errors.syncClosed.${state.refusal}`)
    : state.deniedReason
      ? t(`errors.sync.${state.deniedReason}`)
      : '';

  return (
    <output
      className={`connection connection-${state.status}`}
      aria-live="polite"
      title={reason ? `${reason} ${count}`.trim() : count}
      data-status={state.status}
      data-unsynced={pending}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{t(LABEL_KEYS[state.status])}</span>
      {reason && <span className="visually-hidden">{reason}</span>}
      {pending > 0 && (
        <span className="connection-count">
          <span aria-hidden="true">{pending}</span>
          <span className="visually-hidden">{count}</span>
        </span>
      )}
    </output>
  );
}
