import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { useMemberships } from '../../sync/device.ts';
import { CreateTeamForm } from './CreateTeamForm.tsx';
import { JoinCodeForm } from './JoinCodeForm.tsx';
import { TeamList } from './TeamList.tsx';

/** Start screen: the teams on this device, create a team, join one. */
export function HomePage() {
  const { t } = useTranslation();
  const memberships = useMemberships();
  // Set by "My data" after it deleted the account and wiped this device.
  const accountDeleted = new URLSearchParams(useSearch()).get('account') === 'deleted';

  return (
    <div className="stack">
      {accountDeleted && (
        <p className="notice" role="status">
          {t('home.accountDeleted')}
        </p>
      )}
      <section aria-labelledby="teams-title">
        <h1 id="teams-title">{t('home.title')}</h1>
        {memberships === undefined ? (
          <p className="muted">{t('app.loading')}</p>
        ) : memberships.length === 0 ? (
          <div className="empty-state">
            <h2>{t('home.empty.title')}</h2>
            <p>{t('home.empty.body')}</p>
          </div>
        ) : (
          <TeamList memberships={memberships} />
        )}
      </section>
      <div className="columns">
        <section className="card" aria-labelledby="create-team-title">
          <h2 id="create-team-title">{t('createTeam.title')}</h2>
          <CreateTeamForm />
        </section>
        <section className="card" aria-labelledby="join-title">
          <h2 id="join-title">{t('join.title')}</h2>
          <JoinCodeForm />
          <p className="muted small">
            <Link className="tap-link" href="/join">
              {t('join.scan')}
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}
