import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../sync/hooks.ts';
import { useAtRiskOfEviction, useGuideDismissed } from './homeScreen.ts';

const STEPS = ['share', 'choose', 'add', 'open'] as const;

/** The four steps of "Zet op beginscherm" in Safari. */
export function HomeScreenSteps() {
  const { t } = useTranslation();
  return (
    <ol className="home-screen-steps">
      {STEPS.map((step) => (
        <li key={step}>{t(`app.homeScreen.steps.${step}`)}</li>
      ))}
    </ol>
  );
}

/**
 * On an iPad or iPhone in Safari: why and how to put Leskring on the home
 * screen, where Safari keeps its data. Shown where losing data would hurt
 * most (a new team, the start of an observation) until the teacher closes it.
 */
export function HomeScreenGuide() {
  const { t } = useTranslation();
  const headingId = useId();
  const atRisk = useAtRiskOfEviction();
  const [dismissed, dismiss] = useGuideDismissed();
  if (!atRisk || dismissed) return null;
  return (
    <section className="home-screen-guide notice" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('app.homeScreen.title')}</h2>
      <p>{t('app.homeScreen.why')}</p>
      <HomeScreenSteps />
      <button type="button" onClick={dismiss}>
        {t('app.homeScreen.dismiss')}
      </button>
    </section>
  );
}

/**
 * While changes wait on an iPad or iPhone that runs Leskring in Safari (the
 * device is offline, or the server does not take them yet), they are one
 * week away from being deleted: say so plainly, with the way out.
 * Not dismissible: it goes when the changes are sent or the app is installed.
 */
export function UnsyncedAtRiskBanner() {
  const { t } = useTranslation();
  const atRisk = useAtRiskOfEviction();
  const { status, unsyncedChanges } = useConnectionState();
  // While connected, a change is on the server within moments: no need to flash a warning.
  const waiting = unsyncedChanges > 0 && status !== 'online' && status !== 'syncing';
  if (!atRisk || !waiting) return null;
  return (
    <div className="banner" role="alert" data-testid="unsynced-at-risk">
      <div className="stack">
        <p>{t('app.homeScreen.unsynced', { count: unsyncedChanges })}</p>
        <details>
          <summary>{t('app.homeScreen.how')}</summary>
          <HomeScreenSteps />
        </details>
      </div>
    </div>
  );
}
