import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import '../../i18n/myDataTexts.ts';
import { downloadFile } from '../../app/download.ts';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { myDataFileName } from '../../model/myData.ts';
import { useMemberships } from '../../sync/device.ts';
import { useConnectionState } from '../../sync/hooks.ts';
import { collectMyData, deleteAccount, type TeamDeletion } from '../../sync/myData.ts';

/** Where the app goes once the account is gone: a fresh start page that says so. */
export const ACCOUNT_DELETED_URL = '/?account=deleted';

/**
 * "My data": everything of this device's person in one file, and deleting
 * their account in every team on this device, saying exactly what goes and
 * what stays.
 */
export default function MyDataPage() {
  const { t } = useTranslation();
  const id = useId();
  const memberships = useMemberships();
  const connection = useConnectionState();
  const [exporting, setExporting] = useState(false);
  const [asking, setAsking] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [failures, setFailures] = useState<readonly TeamDeletion[]>([]);
  const offline = connection.status === 'offline';
  const teams = memberships ?? [];

  async function exportIt() {
    setExporting(true);
    try {
      const file = await collectMyData();
      downloadFile(
        new File([JSON.stringify(file, null, 2)], myDataFileName(file.exportedAt), {
          type: 'application/json',
        }),
      );
      const partial = file.teams.some((team) => 'missing' in team.server);
      showToast(t(partial ? 'myData.export.partial' : 'myData.export.done'));
    } catch (error) {
      showToast(t('myData.export.failed', { reason: errorMessage(t, error) }));
    } finally {
      setExporting(false);
    }
  }

  async function deleteIt() {
    setAsking(false);
    setDeleting(true);
    try {
      const outcomes = await deleteAccount();
      const failed = outcomes.filter((outcome) => outcome.failure !== null);
      if (failed.length === 0) {
        // The device's databases are gone: start the app afresh rather than run on without them.
        window.location.replace(ACCOUNT_DELETED_URL);
        return;
      }
      setFailures(failed);
    } catch (error) {
      showToast(errorMessage(t, error));
    }
    setDeleting(false);
  }

  const reason = (failure: TeamDeletion['failure']) =>
    failure === 'conflict' ? t('myData.delete.lastFacilitator') : errorMessage(t, failure);

  return (
    <div className="stack narrow">
      <p>
        <Link className="back-link" href="/settings">
          {t('myData.back')}
        </Link>
      </p>
      <h1>{t('myData.title')}</h1>
      <p>{t('myData.intro')}</p>
      <section className="card stack" aria-labelledby={`${id}-teams`}>
        <h2 id={`${id}-teams`}>{t('myData.teams')}</h2>
        {memberships === undefined ? (
          <p className="muted">{t('app.loading')}</p>
        ) : teams.length === 0 ? (
          <p className="muted">{t('myData.noTeams')}</p>
        ) : (
          <ul>
            {teams.map((membership) => (
              <li key={membership.teamId}>
                {t('myData.teamLine', {
                  team: membership.teamName,
                  name: membership.displayName,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card stack" aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>{t('myData.export.title')}</h2>
        <p>{t('myData.export.what')}</p>
        <p className="muted">{t('myData.export.never')}</p>
        <div className="row">
          <button
            type="button"
            className="primary"
            onClick={() => void exportIt()}
            disabled={exporting || deleting}
          >
            {exporting ? t('myData.export.busy') : t('myData.export.button')}
          </button>
        </div>
      </section>
      {teams.length > 0 && (
        <section className="card stack" aria-labelledby={`${id}-delete`}>
          <h2 id={`${id}-delete`}>{t('myData.delete.title')}</h2>
          <h3>{t('myData.delete.goesTitle')}</h3>
          <ul>
            <li>{t('myData.delete.goesName')}</li>
            <li>{t('myData.delete.goesAccess')}</li>
            <li>{t('myData.delete.goesDevice')}</li>
          </ul>
          <h3>{t('myData.delete.staysTitle')}</h3>
          <ul>
            <li>{t('myData.delete.staysTeam')}</li>
            <li>{t('myData.delete.staysText')}</li>
            <li>{t('myData.delete.staysRemoved')}</li>
          </ul>
          {connection.unsyncedChanges > 0 && (
            <p className="notice" role="status">
              {t('myData.delete.unsynced')}
            </p>
          )}
          {offline && (
            <p className="notice" role="status">
              {t('myData.delete.offline')}
            </p>
          )}
          {failures.length > 0 && (
            <div className="notice notice-error" role="alert">
              <p>{t('myData.delete.failed')}</p>
              <ul>
                {failures.map((outcome) => (
                  <li key={outcome.teamId}>
                    {t('myData.delete.failedTeam', {
                      team: outcome.teamName,
                      reason: reason(outcome.failure),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="row">
            <button
              type="button"
              className="danger"
              onClick={() => setAsking(true)}
              disabled={deleting || exporting || offline}
            >
              {deleting ? t('myData.delete.busy') : t('myData.delete.button')}
            </button>
          </div>
        </section>
      )}
      <ConfirmDialog
        open={asking}
        message={t('myData.delete.confirm', { count: teams.length })}
        confirmLabel={t('myData.delete.confirmButton')}
        onConfirm={() => void deleteIt()}
        onCancel={() => setAsking(false)}
      />
    </div>
  );
}
