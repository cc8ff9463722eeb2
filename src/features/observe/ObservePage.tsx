import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CycleId, RunId } from '../../model/cycleTypes.ts';
import { canEdit } from '../../model/roles.ts';
import { CyclePageSessions, cyclePageFallback, useCyclePage } from '../cycle/useCyclePage.tsx';
import { LiveObservation } from './LiveObservation.tsx';
import './observe.css';

type Props = { teamId: string; cycleId: string; runId: string };

/**
 * The live observation screen of one run (issue 6 points 3–6): opened from
 * the runs tab, works without any network once the app is on the device.
 */
export default function ObservePage({ teamId, cycleId, runId }: Props) {
  const { t } = useTranslation();
  const page = useCyclePage(teamId, cycleId);
  const { member, session, cycle, status, docName } = page;
  const backHref = page.trackParties
    ? `/teams/${teamId}/coaching/${page.trackParties.trackId}`
    : `/teams/${teamId}/cycles/${cycleId}?tab=runs`;

  const fallback = cyclePageFallback(page, cycleId);
  if (fallback) return fallback;
  const run = cycle?.runs.find((each) => each.id === runId);
  if (!member || status !== 'ready' || !cycle || !session || !docName || !run) {
    return (
      <section className="stack">
        <p>{t('observe.notFound')}</p>
        <Link href={member ? backHref : '/'}>{member ? t('observe.back') : t('app.backHome')}</Link>
      </section>
    );
  }
  const readOnly = !canEdit(member.role) || member.status === 'removed';
  return (
    <CyclePageSessions page={page}>
      <LiveObservation
        key={`${docName}/${runId}`}
        teamId={member.teamId}
        cycleId={cycleId as CycleId}
        cycle={cycle}
        run={run}
        runId={run.id as RunId}
        member={member}
        readOnly={readOnly}
        backHref={backHref}
        coaching={page.trackParties !== null}
        timelineHref={`/teams/${teamId}/cycles/${cycleId}/runs/${runId}/timeline`}
      />
    </CyclePageSessions>
  );
}
