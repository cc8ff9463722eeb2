import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.ts';
import { formatInviteCode, inviteLink } from '../../model/inviteCode.ts';
import type { LocalInvite } from '../../sync/device.ts';

const InviteQr = lazy(() => import('./InviteQr.tsx'));

/** A created invite as link, short code and QR code, with copy and share. */
export function InviteCard({ invite, teamName }: { invite: LocalInvite; teamName: string }) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState(false);
  const link = inviteLink(window.location.origin, invite.code);
  const code = formatInviteCode(invite.code);
  const shareText = t('team.invites.shareText', { team: teamName, link, code });

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard access can be refused; the link is selectable on screen.
    }
  }

  return (
    <div className="invite-card" data-testid="invite-card">
      <Suspense fallback={<div className="qr-placeholder" />}>
        <InviteQr text={link} alt={t('team.invites.qrAlt')} />
      </Suspense>
      <div className="stack">
        <div>
          <div className="muted small">{t('team.invites.code')}</div>
          <div className="invite-code" data-testid="invite-code">
            {code}
          </div>
        </div>
        <div>
          <label className="muted small" htmlFor={`link-${invite.inviteId}`}>
            {t('team.invites.link')}
          </label>
          <input
            id={`link-${invite.inviteId}`}
            className="invite-link"
            readOnly
            value={link}
            onFocus={(event) => event.target.select()}
            data-testid="invite-link"
          />
        </div>
        <div className="muted small">
          {t(`roles.${invite.role}`)} ·{' '}
          {t('team.invites.expiresAt', { date: formatDateTime(invite.expiresAt, i18n.language) })}
        </div>
        <div className="row">
          <button type="button" onClick={() => void copy()}>
            {copied ? t('common.copied') : t('common.copy')}
          </button>
          {'share' in navigator && (
            <button
              type="button"
              onClick={() =>
                void navigator.share({ title: 'Leskring', text: shareText }).catch(() => {})
              }
            >
              {t('common.share')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
