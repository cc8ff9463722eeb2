import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { InviteInfo } from '../../model/api.ts';
import { ROLES, type Role } from '../../model/roles.ts';
import { ApiError, createInvite, listInvites, revokeInvite } from '../../sync/api.ts';
import {
  deleteLocalInvite,
  type LocalInvite,
  type LocalMembership,
  putLocalInvite,
  useLocalInvites,
} from '../../sync/device.ts';
import { useConnectionState } from '../../sync/hooks.ts';
import { InviteCard } from './InviteCard.tsx';

const EXPIRY_DAYS = [1, 3, 7, 14, 30] as const;

type ServerInvites =
  | { state: 'loading' }
  | { state: 'ready'; invites: readonly InviteInfo[] }
  | { state: 'unavailable'; message: string };

/** Create, show again and revoke invites. Creating needs the server; codes shown stay on this device. */
type Props = {
  membership: LocalMembership;
  /** Someone joining uses an invite: refresh the list when the member count changes. */
  memberCount: number;
};

export function InvitePanel({ membership, memberCount }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [role, setRole] = useState<Role>('teacher');
  const [days, setDays] = useState<number>(7);
  const [singleUse, setSingleUse] = useState(false);
  const [busy, setBusy] = useState(false);
  const [latest, setLatest] = useState<LocalInvite | null>(null);
  const [server, setServer] = useState<ServerInvites>({ state: 'loading' });
  const [toRevoke, setToRevoke] = useState<InviteInfo | null>(null);
  const localInvites = useLocalInvites(membership.teamId) ?? [];
  const { teamId, token } = membership;
  const offline = useConnectionState().status === 'offline';

  const refresh = useCallback(() => {
    if (!token) return;
    listInvites(teamId, token).then(
      (list) => setServer({ state: 'ready', invites: list.invites }),
      (caught: unknown) =>
        setServer({
          state: 'unavailable',
          message:
            caught instanceof ApiError && caught.code === 'network'
              ? t('team.invites.offline')
              : errorMessage(t, caught),
        }),
    );
  }, [teamId, token, t]);

  // Ask the server only when it can answer: offline, say why the list is missing instead of
  // failing a request on every roster change; back online, ask again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: memberCount is a deliberate trigger
  useEffect(() => {
    if (offline) {
      setServer({ state: 'unavailable', message: t('team.invites.offlineList') });
      return;
    }
    refresh();
  }, [refresh, memberCount, offline, t]);

  if (!token) {
    return (
      <section className="card" aria-labelledby="invites-title">
        <h2 id="invites-title">{t('team.invites.title')}</h2>
        <p className="muted">{t('team.invites.pendingTeam')}</p>
      </section>
    );
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    if (!token) return;
    setBusy(true);
    try {
      const created = await createInvite(teamId, token, { role, expiresInDays: days, singleUse });
      const local: LocalInvite = { ...created, teamId };
      await putLocalInvite(local);
      setLatest(local);
      refresh();
    } catch (caught) {
      showToast(
        caught instanceof ApiError && caught.code === 'network'
          ? t('team.invites.offline')
          : errorMessage(t, caught),
      );
    } finally {
      setBusy(false);
    }
  }

  async function confirmRevoke() {
    const invite = toRevoke;
    setToRevoke(null);
    if (!invite || !token) return;
    try {
      await revokeInvite(teamId, token, invite.inviteId);
      await deleteLocalInvite(invite.inviteId);
      if (latest?.inviteId === invite.inviteId) setLatest(null);
      showToast(t('team.invites.revoked'));
      refresh();
    } catch (caught) {
      showToast(errorMessage(t, caught));
    }
  }

  const codes = new Map(localInvites.map((invite) => [invite.inviteId, invite.code]));
  const now = Date.now();
  const open =
    server.state === 'ready'
      ? server.invites.filter(
          (invite) =>
            invite.revokedAt === null &&
            Date.parse(invite.expiresAt) > now &&
            !(invite.singleUse && invite.uses > 0),
        )
      : [];

  return (
    <section className="card stack" aria-labelledby="invites-title">
      <h2 id="invites-title">{t('team.invites.title')}</h2>
      <form onSubmit={create} className="form">
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('team.invites.role')}</label>
            <select
              id={`${id}-role`}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {t(`roles.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-days`}>{t('team.invites.expiresIn')}</label>
            <select
              id={`${id}-days`}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
            >
              {EXPIRY_DAYS.map((option) => (
                <option key={option} value={option}>
                  {t('team.invites.days', { count: option })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={singleUse}
            onChange={(event) => setSingleUse(event.target.checked)}
          />
          {t('team.invites.singleUse')}
        </label>
        <button type="submit" className="primary" disabled={busy || offline}>
          {t('team.invites.create')}
        </button>
        {offline && server.state !== 'unavailable' && (
          <p className="muted small">{t('team.invites.offline')}</p>
        )}
      </form>

      {latest && <InviteCard invite={latest} teamName={membership.teamName} />}

      <h3>{t('team.invites.active')}</h3>
      {server.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {server.state === 'unavailable' && <p className="muted">{server.message}</p>}
      {server.state === 'ready' && open.length === 0 && (
        <p className="muted">{t('team.invites.noneActive')}</p>
      )}
      {open.length > 0 && (
        <ul className="invite-list">
          {open.map((invite) => {
            const code = codes.get(invite.inviteId);
            return (
              <li key={invite.inviteId} className="invite">
                <span>
                  {t(`roles.${invite.role}`)} ·{' '}
                  {t('team.invites.expiresAt', {
                    date: formatDateTime(invite.expiresAt, i18n.language),
                  })}{' '}
                  · {t('team.invites.used', { count: invite.uses })}
                </span>
                {code ? (
                  <button
                    type="button"
                    onClick={() => {
                      const local = localInvites.find((item) => item.inviteId === invite.inviteId);
                      if (local) setLatest(local);
                    }}
                  >
                    {t('team.invites.code')}
                  </button>
                ) : (
                  <span className="muted small">{t('team.invites.notOnThisDevice')}</span>
                )}
                <button type="button" className="danger" onClick={() => setToRevoke(invite)}>
                  {t('team.invites.revoke')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={toRevoke !== null}
        message={t('team.invites.revokeConfirm')}
        confirmLabel={t('team.invites.revoke')}
        onConfirm={() => void confirmRevoke()}
        onCancel={() => setToRevoke(null)}
      />
    </section>
  );
}
