import { useTranslation } from 'react-i18next';
import { useStorageProblem } from '../sync/storageProblems.ts';

/**
 * Says so when changes cannot be written to this device (a full disk, storage
 * taken away): they are kept in the page and retried, and the teacher should
 * not close it. Gone once every waiting change is written.
 */
export function StorageProblemBanner() {
  const { t } = useTranslation();
  const problem = useStorageProblem();
  if (problem === null) return null;
  const key = problem.kind === 'QuotaExceededError' ? 'quota' : 'other';
  return (
    <div className="banner" role="alert" data-testid="storage-problem">
      <p>
        {t(`app.storageProblem.${key}`, {
          count: Math.max(1, problem.waiting),
          kind: problem.kind,
        })}
      </p>
    </div>
  );
}
