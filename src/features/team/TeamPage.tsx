import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DeviceSaveStatus } from '../../app/DeviceSaveStatus.tsx';
import { HomeScreenGuide } from '../../app/HomeScreenGuide.tsx';
import { teamDocName } from '../../model/docName.ts';
import { parseTeamId } from '../../model/ids.ts';
import { canEdit, canInvite } from '../../model/roles.ts';
import { readTeam } from '../../model/teamDoc.ts';
import { type LocalMembership, updateMembership, useMembership } from '../../sync/device.ts';
import { useOpenSession, usePresence, useYSnapshot } from '../../sync/hooks.ts';
import { useRoster } from '../../sync/roster.ts';
import { SessionProvider } from '../../sync/SessionContext.tsx';
import { CycleList } from '../cycle/CycleList.tsx';
import { usePurgeDeletedCycles } from '../cycle/cycleDeletion.ts';
import { InvitePanel } from './InvitePanel.tsx';
import { LeaveTeam } from './LeaveTeam.tsx';
import { MemberList } from './MemberList.tsx';
import { TeamName } from './TeamName.tsx';

/** One team: its name, who is in it and who is online, and inviting colleagues. */
export default function TeamPage({ teamId: rawTeamId }: { teamId: string }) {
  const { t } = useTranslation();
  const teamId = parseTeamId(rawTeamId);
  const membership = useMembership(teamId);
  const docName = teamId ? teamDocName(teamId) : null;
  const session = useOpenSession(membership ? docName : null);
  const team = useYSnapshot(session?.doc ?? null, readTeam);
  const { session: rosterSession, roster } = useRoster(membership);
  const presence = usePresence(membership ? docName : null);
  // Cycles deleted while this device was away leave nothing behind on it.
  usePurgeDeletedCycles(membership ? teamId : null, rosterSession);

  // Keep this device's copy in step: the team's name as colleagues renamed it (for the
  // start screen) and the role a facilitator gave us, from the roster (for what we may do).
  const selfRole = roster?.members.find((member) => member.memberId === membership?.memberId)?.role;
  useEffect(() => {
    if (!teamId || !membership) return;
    const patch: Partial<LocalMembership> = {};
    if (team?.name && team.name !== membership.teamName) patch.teamName = team.name;
    if (selfRole && selfRole !== membership.role) patch.role = selfRole;
    if (Object.keys(patch).length > 0) void updateMembership(teamId, patch);
  }, [teamId, membership, team?.name, selfRole]);

  if (membership === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (teamId === null || membership === null) {
    return (
      <section>
        <p>{t('team.notFound')}</p>
        <Link href="/">{t('app.backHome')}</Link>
      </section>
    );
  }

  const removed = membership.status === 'removed';
  const editable = canEdit(membership.role) && !removed;

  return (
    <SessionProvider
      sessions={{
        ...(session ? { team: session } : {}),
        ...(rosterSession ? { roster: rosterSession } : {}),
      }}
    >
      <div className="stack">
        <TeamName name={team?.name || membership.teamName} editable={editable} />
        <DeviceSaveStatus kind="team" />
        {membership.role === 'guest' && <p className="notice">{t('team.readOnly')}</p>}
        {removed && (
          <p className="notice notice-error" role="alert">
            {t('team.removedNotice')}
          </p>
        )}
        {membership.status === 'pending' && <p className="notice">{t('home.pending')}</p>}
        <HomeScreenGuide />
        <CycleList
          membership={membership}
          deletedCycles={roster?.deletedCycles ?? null}
          editable={editable}
        />
        <ul className="team-links">
          <li>
            <Link href={`/teams/${teamId}/kijkwijzers`}>{t('templatesUi.teamLink')}</Link>
          </li>
          <li>
            <Link href={`/teams/${teamId}/year`}>{t('team.yearLink')}</Link>
          </li>
          <li>
            <Link href={`/teams/${teamId}/coaching`}>{t('team.coachingLink')}</Link>
          </li>
        </ul>
        <div className="columns">
          <MemberList membership={membership} members={roster?.members ?? []} presence={presence} />
          {canInvite(membership.role) && !removed && (
            <InvitePanel membership={membership} memberCount={roster?.members.length ?? 0} />
          )}
        </div>
        <LeaveTeam membership={membership} />
      </div>
    </SessionProvider>
  );
}
