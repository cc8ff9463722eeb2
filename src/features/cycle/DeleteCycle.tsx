import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { showToast } from '../../app/ui/toasts.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { CycleId } from '../../model/cycleTypes.ts';
import type { TeamId } from '../../model/ids.ts';
import { type RosterSnapshot, readCycleTombstone } from '../../model/roster.ts';
import {
  CycleDeleteError,
  type DeleteFailure,
  deleteCycleForTeam,
} from '../../sync/commands/cycle.ts';
import type { LocalMembership } from '../../sync/device.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { useOptionalSession } from '../../sync/SessionContext.tsx';

type Props = {
  membership: LocalMembership;
  cycleId: CycleId;
  title: string;
};

const FAILURE_KEYS: Record<DeleteFailure, string> = {
  offline: 'photos.cycleDeletion.offline',
  forbidden: 'photos.cycleDeletion.forbidden',
  failed: 'photos.cycleDeletion.failed',
};

/**
 * "Delete cycle" for facilitators: a dialog that names the cycle, says what is
 * deleted for whom, and asks for an explicit tick before the button works.
 * Needs the server (nothing is deleted offline); on success the team page
 * opens with a toast.
 */
export function DeleteCycle({ membership, cycleId, title }: Props) {
  const { t } = useTranslation();
  const team = useOptionalSession('team');
  const [, navigate] = useLocation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeleteFailure | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  if (membership.role !== 'facilitator' || membership.status === 'removed') return null;
  const name = title.trim() || t('cycle.untitled');

  function openDialog() {
    setUnderstood(false);
    setFailure(null);
    setOpen(true);
  }

  function close() {
    if (busy) return;
    setOpen(false);
  }

  async function confirm() {
    setBusy(true);
    setFailure(null);
    try {
      await deleteCycleForTeam(membership, cycleId, team);
      setOpen(false);
      showToast(t('photos.cycleDeletion.done', { title: name }));
      navigate(`/teams/${membership.teamId}`);
    } catch (error) {
      if (!(error instanceof CycleDeleteError)) console.error('cycle: delete failed', error);
      setFailure(error instanceof CycleDeleteError ? error.reason : 'failed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="danger-zone stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('photos.cycleDeletion.title')}</h2>
      <p className="muted">{t('photos.cycleDeletion.intro')}</p>
      <div>
        <button type="button" className="danger" onClick={openDialog}>
          {t('photos.cycleDeletion.button')}
        </button>
      </div>
      <dialog
        ref={dialogRef}
        className="dialog stack"
        aria-labelledby={`${ids}-dialog-title`}
        aria-describedby={`${ids}-consequences`}
        onCancel={(event) => {
          event.preventDefault();
          close();
        }}
        onClose={() => setOpen(false)}
        data-testid="delete-cycle-dialog"
      >
        <h2 id={`${ids}-dialog-title`}>{t('photos.cycleDeletion.dialogTitle', { title: name })}</h2>
        <p id={`${ids}-consequences`}>{t('photos.cycleDeletion.consequences')}</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={understood}
            disabled={busy}
            onChange={(event) => setUnderstood(event.target.checked)}
          />
          <span>{t('photos.cycleDeletion.check', { title: name })}</span>
        </label>
        {failure && (
          <p className="notice notice-error" role="alert">
            {t(FAILURE_KEYS[failure])}
          </p>
        )}
        <div className="row row-end">
          <button type="button" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => void confirm()}
            disabled={!understood || busy}
            aria-busy={busy}
          >
            {busy ? t('photos.cycleDeletion.busy') : t('photos.cycleDeletion.confirm')}
          </button>
        </div>
      </dialog>
    </section>
  );
}

/** What the cycle page shows instead of a deleted cycle. */
export function CycleDeleted({
  teamId,
  roster,
  cycleId,
}: {
  teamId: TeamId;
  roster: RosterSnapshot | null;
  cycleId: string;
}) {
  const { t, i18n } = useTranslation();
  const rosterDoc = useOptionalSession('roster')?.doc ?? null;
  const tombstone = useYSnapshot(rosterDoc, (doc) => readCycleTombstone(doc, cycleId), [cycleId]);
  // Removed members keep their name in the roster: who deleted it stays known.
  const by = tombstone?.deletedBy ? roster?.names.get(tombstone.deletedBy) : undefined;
  const date = tombstone?.deletedAt ? formatDateTime(tombstone.deletedAt, i18n.language) : null;
  return (
    <section className="stack" data-testid="cycle-deleted">
      <h1>{t('photos.cycleDeletion.deletedTitle')}</h1>
      <p>{t('photos.cycleDeletion.deletedBody')}</p>
      {date && (
        <p className="muted">
          {by
            ? t('photos.cycleDeletion.deletedByWhen', { name: by, date })
            : t('photos.cycleDeletion.deletedWhen', { date })}
        </p>
      )}
      <p>
        <Link href={`/teams/${teamId}`}>{t('cycle.page.backToTeam')}</Link>
      </p>
    </section>
  );
}
