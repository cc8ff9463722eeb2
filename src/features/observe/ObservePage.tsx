import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CycleId, RunId } from '../../model/cycleTypes.ts';
import { teamDocName } from '../../model/docName.ts';
import { parseTeamId } from '../../model/ids.ts';
import { canEdit } from '../../model/roles.ts';
import { readTeam } from '../../model/teamDoc.ts';
import { useMembership } from '../../store/hooks.ts';
import { useDoc, useYSnapshot } from '../../sync/hooks.ts';
import { useCycleDeleted } from '../cycle/cycleDeletion.ts';
import { CycleDeleted } from '../cycle/DeleteCycle.tsx';
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
  const teamHandle = useDoc(member && team ? teamDocName(team) : null);
  const teamSnapshot = useYSnapshot(teamHandle?.doc ?? null, readTeam);
  // A deleted cycle is not opened (nor its copy kept) on this device.
  const deleted = useCycleDeleted(member ? teamId : null, cycleId, teamHandle?.doc ?? null);
  const { handle, cycle, ctx, status, docName } = useCycleDoc(
    member && !deleted ? teamId : null,
    cycleId,
  );
  const backHref = `/teams/${teamId}/cycles/${cycleId}?tab=runs`;

  if (deleted && member) {
    return (
      <CycleDeleted
        teamId={member.teamId}
        teamDoc={teamHandle?.doc ?? null}
        team={teamSnapshot}
        cycleId={cycleId}
      />
    );
  }
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
