import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../../i18n/errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { LocalMembership } from '../../sync/device.ts';

export function TeamList({ memberships }: { memberships: readonly LocalMembership[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...memberships].sort((a, b) =>
    (b.lastOpenedAt ?? b.createdAt).localeCompare(a.lastOpenedAt ?? a.createdAt),
  );
  return (
    <ul className="team-list">
      {sorted.map((membership) => (
        <li key={membership.teamId}>
          <Link href={`/teams/${membership.teamId}`} className="team-link">
            <span className="team-link-name">{membership.teamName}</span>
            <span className="team-link-meta">
              {t(`roles.${membership.role}`)}
              {membership.lastOpenedAt &&
                ` · ${t('home.lastOpened', { date: formatDateTime(membership.lastOpenedAt, i18n.language) })}`}
            </span>
            {membership.status === 'pending' && !membership.registrationError && (
              <span className="badge badge-warn">{t('home.pending')}</span>
            )}
            {membership.registrationError && (
              <span className="badge badge-error">
                {t('home.registrationFailed', {
                  reason: errorMessage(t, membership.registrationError),
                })}
              </span>
            )}
            {membership.status === 'removed' && (
              <span className="badge badge-error">{t('home.removed')}</span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
