import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../sync/hooks.ts';

const LABEL_KEYS = {
  online: 'connection.online',
  offline: 'connection.offline',
  connecting: 'connection.connecting',
  syncing: 'connection.syncing',
  denied: 'connection.denied',
  'local-only': 'connection.localOnly',
} as const;

/** The header badge: online / offline / syncing, with the number of changes the server has not confirmed. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectionState();
  const pending = state.unsyncedChanges;
  const detail =
    pending > 0
      ? t('connection.unsynced', { count: pending })
      : state.status === 'online'
        ? t('connection.allSaved')
        : state.status === 'offline'
          ? t('connection.offlineHint')
          : '';

  return (
    <output
      className={`connection connection-${state.status}`}
      aria-live="polite"
      title={detail}
      data-status={state.status}
      data-unsynced={pending}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{t(LABEL_KEYS[state.status])}</span>
      {pending > 0 && (
        <span className="connection-count">
          <span aria-hidden="true">{pending}</span>
          <span className="visually-hidden">{detail}</span>
        </span>
      )}
    </output>
  );
}
