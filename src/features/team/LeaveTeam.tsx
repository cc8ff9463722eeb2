import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import { errorMessage } from '../../i18n/errors.ts';
import type { LocalMembership } from '../../sync/device.ts';
import { leaveTeam } from '../../sync/teams.ts';

export function LeaveTeam({ membership }: { membership: LocalMembership }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [asking, setAsking] = useState(false);

  async function leave() {
    setAsking(false);
    try {
      await leaveTeam(membership.teamId);
      showToast(t('team.leave.done'));
      navigate('/');
    } catch (caught) {
      showToast(errorMessage(t, caught));
    }
  }

  return (
    <section className="danger-zone">
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('team.leave.button')}
      </button>
      <ConfirmDialog
        open={asking}
        message={t('team.leave.confirm', { team: membership.teamName })}
        confirmLabel={t('team.leave.button')}
        onConfirm={() => void leave()}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}
