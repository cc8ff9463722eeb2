import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { canManageMembers, ROLES, type Role } from '../../model/roles.ts';
import type { TeamMember } from '../../model/roster.ts';
import { removeMember, updateMember } from '../../sync/api.ts';
import type { LocalMembership } from '../../sync/device.ts';
import type { PresenceEntry } from '../../sync/presence.ts';

type Props = {
  membership: LocalMembership;
  members: readonly TeamMember[];
  presence: readonly PresenceEntry[];
};

export function MemberList({ membership, members, presence }: Props) {
  const { t } = useTranslation();
  const [toRemove, setToRemove] = useState<TeamMember | null>(null);
  const online = new Set(presence.map((entry) => entry.memberId));
  const onlineCount = members.filter((member) => online.has(member.memberId)).length;
  const manage =
    canManageMembers(membership.role) &&
    membership.token !== null &&
    membership.status === 'active';
  const token = membership.token;

  async function changeRole(member: TeamMember, role: Role) {
    if (!token) return;
    try {
      await updateMember(membership.teamId, token, member.memberId, { role });
    } catch (caught) {
      showToast(errorMessage(t, caught));
    }
  }

  async function confirmRemove() {
    const member = toRemove;
    setToRemove(null);
    if (!member || !token) return;
    try {
      await removeMember(membership.teamId, token, member.memberId);
      showToast(t('team.members.removed', { name: member.displayName }));
    } catch (caught) {
      showToast(errorMessage(t, caught));
    }
  }

  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('team.members.title')}</h2>
      <p className="muted small" aria-live="polite">
        {t('team.members.onlineNow', { count: onlineCount })}
      </p>
      {members.length === 0 ? (
        <p className="muted">{t('team.members.empty')}</p>
      ) : (
        <ul className="member-list">
          {members.map((member) => {
            const isSelf = member.memberId === membership.memberId;
            const isOnline = online.has(member.memberId);
            return (
              <li key={member.memberId} className="member" data-member-id={member.memberId}>
                <span
                  className={`presence-dot ${isOnline ? 'is-online' : ''}`}
                  role="img"
                  aria-label={isOnline ? t('team.members.online') : t('team.members.offline')}
                />
                <span className="member-name">
                  {member.displayName}
                  {isSelf && <span className="muted"> ({t('common.you')})</span>}
                </span>
                {manage && !isSelf ? (
                  <>
                    <select
                      aria-label={t('team.members.changeRole', { name: member.displayName })}
                      value={member.role}
                      onChange={(event) => void changeRole(member, event.target.value as Role)}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`roles.${role}`)}
                        </option>
                      ))}
                    </select>
                    <button type="button" className="danger" onClick={() => setToRemove(member)}>
                      {t('team.members.remove')}
                    </button>
                  </>
                ) : (
                  <span className="badge">{t(`roles.${member.role}`)}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={toRemove !== null}
        message={t('team.members.removeConfirm', { name: toRemove?.displayName ?? '' })}
        confirmLabel={t('team.members.remove')}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setToRemove(null)}
      />
    </section>
  );
}
