import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch } from 'wouter';
import { HomePage } from '../features/teams/HomePage.tsx';
import { startPhotoOutbox } from '../sync/photoOutbox.ts';
import { startRegistrationLoop } from '../sync/teams.ts';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { UnsyncedAtRiskBanner } from './HomeScreenGuide.tsx';
import { NavLink } from './NavLink.tsx';
import { StorageProblemBanner } from './StorageProblemBanner.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { Toasts } from './ui/Toasts.tsx';

// Routes other than the home page are split off to keep the initial bundle small.
const TeamPage = lazy(() => import('../features/team/TeamPage.tsx'));
const JoinPage = lazy(() => import('../features/join/JoinPage.tsx'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage.tsx'));
const MyDataPage = lazy(() => import('../features/settings/MyDataPage.tsx'));
const PrintView = lazy(() => import('../features/plan/PrintView.tsx'));
const CyclePage = lazy(() => import('../features/cycle/CyclePage.tsx'));
const TemplatesPage = lazy(() => import('../features/templates/TemplatesPage.tsx'));
const ObservePage = lazy(() => import('../features/observe/ObservePage.tsx'));
const TimelinePage = lazy(() => import('../features/timeline/TimelinePage.tsx'));
const DebriefPage = lazy(() => import('../features/debrief/DebriefPage.tsx'));
const CycleReport = lazy(() => import('../features/cycle/CycleReport.tsx'));
const PlgYearPage = lazy(() => import('../features/plg/PlgYearPage.tsx'));
const LeaderReport = lazy(() => import('../features/plg/LeaderReport.tsx'));
const CoachingPage = lazy(() => import('../features/coaching/CoachingPage.tsx'));
const TrackPage = lazy(() => import('../features/coaching/TrackPage.tsx'));

export function App() {
  const { t } = useTranslation();
  useEffect(() => startRegistrationLoop(), []);
  useEffect(() => startPhotoOutbox(), []);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </Link>
        <nav aria-label={t('app.nav.main')} className="app-nav">
          <NavLink href="/" match={/^\/(teams\/.*)?$/}>
            {t('app.nav.teams')}
          </NavLink>
          <NavLink href="/settings" match={/^\/settings(\/.*)?$/}>
            {t('app.nav.settings')}
          </NavLink>
        </nav>
        <ConnectionIndicator />
      </header>
      <StorageProblemBanner />
      <UnsyncedAtRiskBanner />
      <UpdatePrompt />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <Switch>
              <Route path="/" component={HomePage} />
              <Route path="/join" component={JoinPage} />
              <Route path="/teams/:teamId/cycles/:cycleId/print">
                {(params) => <PrintView teamId={params.teamId} cycleId={params.cycleId} />}
              </Route>
              <Route path="/teams/:teamId/cycles/:cycleId/report">
                {(params) => <CycleReport teamId={params.teamId} cycleId={params.cycleId} />}
              </Route>
              <Route path="/teams/:teamId/cycles/:cycleId/runs/:runId/observe">
                {(params) => <ObservePage {...params} />}
              </Route>
              <Route path="/teams/:teamId/cycles/:cycleId/runs/:runId/timeline">
                {(params) => <TimelinePage {...params} />}
              </Route>
              <Route path="/teams/:teamId/cycles/:cycleId/runs/:runId/debrief">
                {(params) => <DebriefPage {...params} />}
              </Route>
              <Route path="/teams/:teamId/cycles/:cycleId">
                {(params) => <CyclePage teamId={params.teamId} cycleId={params.cycleId} />}
              </Route>
              <Route path="/teams/:teamId/coaching/:trackId">
                {(params) => <TrackPage teamId={params.teamId} trackId={params.trackId} />}
              </Route>
              <Route path="/teams/:teamId/coaching">
                {(params) => <CoachingPage teamId={params.teamId} />}
              </Route>
              <Route path="/teams/:teamId/year/report">
                {(params) => <LeaderReport teamId={params.teamId} />}
              </Route>
              <Route path="/teams/:teamId/year">
                {(params) => <PlgYearPage teamId={params.teamId} />}
              </Route>
              <Route path="/teams/:teamId/kijkwijzers">
                {(params) => <TemplatesPage teamId={params.teamId} />}
              </Route>
              <Route path="/teams/:teamId">{(params) => <TeamPage teamId={params.teamId} />}</Route>
              <Route path="/settings" component={SettingsPage} />
              <Route path="/settings/my-data" component={MyDataPage} />
              <Route>
                <NotFound />
              </Route>
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
      <Toasts />
    </>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <p>{t('app.notFound')}</p>
      <Link href="/">{t('app.backHome')}</Link>
    </section>
  );
}
