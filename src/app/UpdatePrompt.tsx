import { useRegisterSW } from 'virtual:pwa-register/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onDatabaseVersionChange } from '../sync/device.ts';
import { useConnectionState } from '../sync/hooks.ts';

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

let reloading = false;
/** Reloads once, whichever of vite-plugin-pwa and our own listener asks first. */
function reloadOnce(): void {
  if (reloading) return;
  reloading = true;
  window.location.reload();
}

/**
 * Offers a new version when one is deployed. It never reloads on its own, and
 * refuses to while changes are not yet confirmed by the server (issue 4, point 5).
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const { unsyncedChanges } = useConnectionState();
  const [otherTabUpgraded, setOtherTabUpgraded] = useState(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onNeedReload: reloadOnce,
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update();
      }, UPDATE_CHECK_INTERVAL_MS);
    },
  });

  useEffect(() => onDatabaseVersionChange(() => setOtherTabUpgraded(true)), []);

  const blocked = unsyncedChanges > 0;

  function apply() {
    // vite-plugin-pwa reloads only if a worker already controlled the page when it loaded; in
    // the session that installed the first worker the new one would take over without a reload.
    navigator.serviceWorker?.addEventListener('controllerchange', reloadOnce, { once: true });
    void updateServiceWorker(true);
  }

  if (otherTabUpgraded) {
    return (
      <div className="banner" role="status">
        <p>{t('app.otherTabUpgraded')}</p>
        {blocked ? (
          <p className="muted">{t('app.update.waitForSync', { count: unsyncedChanges })}</p>
        ) : (
          <button type="button" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </button>
        )}
      </div>
    );
  }

  if (needRefresh) {
    return (
      <div className="banner" role="status" data-testid="update-banner">
        <p>{t('app.update.available')}</p>
        {blocked && (
          <p className="muted">{t('app.update.waitForSync', { count: unsyncedChanges })}</p>
        )}
        <div className="row">
          <button type="button" className="primary" disabled={blocked} onClick={apply}>
            {t('app.update.apply')}
          </button>
          <button type="button" onClick={() => setNeedRefresh(false)}>
            {t('app.update.later')}
          </button>
        </div>
      </div>
    );
  }

  if (offlineReady) {
    return (
      <div className="banner banner-quiet" role="status">
        <p>{t('app.update.offlineReady')}</p>
        <button type="button" onClick={() => setOfflineReady(false)}>
          {t('app.update.dismiss')}
        </button>
      </div>
    );
  }
  return null;
}
