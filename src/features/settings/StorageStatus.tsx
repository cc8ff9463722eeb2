import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../i18n/format.ts';
import { readStorageStatus, requestPersistentStorage } from '../../sync/device.ts';

type Status = Awaited<ReturnType<typeof readStorageStatus>>;

/** Persistent storage granted or not, space used, and a warning when space runs low (issue 4, point 7). */
export function StorageStatus() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<Status | null>(null);

  const refresh = useCallback(() => {
    void readStorageStatus().then(setStatus);
  }, []);
  useEffect(refresh, [refresh]);

  async function request() {
    await requestPersistentStorage();
    refresh();
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`} data-testid="storage-status">
      <h2 id={`${id}-title`}>{t('settings.storage.title')}</h2>
      {status === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          {status.persisted === true && <p>{t('settings.storage.persisted')}</p>}
          {status.persisted === false && (
            <>
              <p>{t('settings.storage.notPersisted')}</p>
              <button type="button" onClick={() => void request()}>
                {t('settings.storage.request')}
              </button>
            </>
          )}
          {status.persisted === null && (
            <p className="muted">{t('settings.storage.unsupported')}</p>
          )}
          {status.usage !== null && status.quota !== null ? (
            <>
              <p>
                {t('settings.storage.usage', {
                  used: formatBytes(status.usage, i18n.language),
                  quota: formatBytes(status.quota, i18n.language),
                })}
              </p>
              <meter min={0} max={status.quota} value={status.usage} high={status.quota * 0.8} />
            </>
          ) : (
            <p className="muted">{t('settings.storage.unknownUsage')}</p>
          )}
          {status.low && (
            <p role="alert" className="notice notice-error">
              {t('settings.storage.low')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
