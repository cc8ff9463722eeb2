import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CycleId, RunId } from '../../model/cycleTypes.ts';
import { teamDocName } from '../../model/docName.ts';
import { parseTeamId } from '../../model/ids.ts';
import { canEdit } from '../../model/roles.ts';
import { useMembership } from '../../store/hooks.ts';
import { useDoc } from '../../sync/hooks.ts';
import { useCycleDoc } from '../cycle/useCycleDoc.ts';
import { LiveObservation } from './LiveObservation.tsx';
import './observe.css';

type Props = { teamId: string; cycleId: string; runId: string };

/**
 * The live observation screen of one run (issue 6 points 3–6): opened from
 * the runs tab, works without any network once the app is on the device.
 */
export default function ObservePage({ teamId, cycleId, runId }: Props) {
  const { t } = useTranslation();
  const team = parseTeamId(teamId);
  const membership = useMembership(team);
  const member = membership ?? null;
  const { handle, cycle, ctx, status, docName } = useCycleDoc(member ? teamId : null, cycleId);
  const teamHandle = useDoc(member && team ? teamDocName(team) : null);
  const backHref = `/teams/${teamId}/cycles/${cycleId}?tab=runs`;

  if (membership === undefined || (member && status === 'loading')) {
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  const run = cycle?.runs.find((each) => each.id === runId);
  if (!member || status === 'missing' || !cycle || !handle || !docName || !run) {
    return (
      <section className="stack">
        <p>{t('observe.notFound')}</p>
        <Link href={member ? backHref : '/'}>{member ? t('observe.back') : t('app.backHome')}</Link>
      </section>
    );
  }
  const readOnly = !canEdit(member.role) || member.status === 'removed';
  return (
    <LiveObservation
      key={`${docName}/${runId}`}
      doc={handle.doc}
      docName={docName}
      teamId={member.teamId}
      cycleId={cycleId as CycleId}
      cycle={cycle}
      run={run}
      runId={run.id as RunId}
      member={member}
      teamDoc={teamHandle?.doc ?? null}
      ctx={ctx}
      readOnly={readOnly}
      backHref={backHref}
      timelineHref={`/teams/${teamId}/cycles/${cycleId}/runs/${runId}/timeline`}
    />
  );
}
