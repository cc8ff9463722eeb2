import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { downloadFile } from '../../app/download.ts';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog.tsx';
import { showToast } from '../../app/ui/toasts.ts';
import { errorMessage } from '../../i18n/errors.ts';
import type { CoachingTrackInfo } from '../../model/api.ts';
import { trackContents } from '../../model/coaching.ts';
import { readCycle } from '../../model/cycleDoc.ts';
import { observedRuns, readRunEvents } from '../../model/eventLog.ts';
import { deleteCoachingTrack, leaveCoachingTrack } from '../../sync/coaching.ts';
import type { LocalMembership } from '../../sync/device.ts';
import type { DocSession } from '../../sync/docSession.ts';

type Props = {
  readonly membership: LocalMembership;
  readonly info: CoachingTrackInfo;
  readonly shared: DocSession;
  readonly coach: DocSession | null;
  readonly otherName: string;
};

/** Taking the track along (either member), and ending it: the coach deletes it, the coachee leaves. */
export function TrackEnd({ membership, info, shared, coach, otherName }: Props) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [asking, setAsking] = useState(false);
  const isCoach = info.role === 'coach';

  function exportIt() {
    const cycle = readCycle(shared.doc);
    const file = {
      format: 'leskring-coaching-track',
      version: 1,
      exportedAt: new Date().toISOString(),
      track: { ...info },
      // The coach's own preparation and notes go only into the coach's file.
      ...trackContents(shared.doc, isCoach && coach ? coach.doc : null),
      runs: cycle.runs.map((run) => ({ id: run.id, date: run.date, teacherId: run.teacherId })),
      observations: observedRuns(shared.doc).map((runId) => ({
        runId,
        events: readRunEvents(shared.doc, runId),
      })),
    };
    downloadFile(
      new File(
        [JSON.stringify(file, null, 2)],
        `leskring-coaching-${info.createdAt.slice(0, 10)}.json`,
        {
          type: 'application/json',
        },
      ),
    );
    showToast(t('coaching.end.exported'));
  }

  async function end() {
    setAsking(false);
    try {
      if (isCoach) await deleteCoachingTrack(membership, info);
      else await leaveCoachingTrack(membership, info);
      showToast(t(isCoach ? 'coaching.end.deleted' : 'coaching.end.left'));
      navigate(`/teams/${membership.teamId}/coaching`);
    } catch (error) {
      showToast(t('coaching.end.failed', { reason: errorMessage(t, error) }));
    }
  }

  return (
    <section className="stack danger-zone">
      <div className="row">
        <button type="button" onClick={exportIt}>
          {t('coaching.end.export')}
        </button>
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          {isCoach ? t('coaching.end.delete') : t('coaching.end.leave')}
        </button>
      </div>
      <ConfirmDialog
        open={asking}
        message={t(isCoach ? 'coaching.end.deleteConfirm' : 'coaching.end.leaveConfirm', {
          name: otherName,
        })}
        confirmLabel={isCoach ? t('coaching.end.delete') : t('coaching.end.leave')}
        onConfirm={() => void end()}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}
