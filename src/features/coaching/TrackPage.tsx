import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import '../../i18n/coachingTexts.ts';
import { formatDate } from '../../i18n/format.ts';
import { type MemberId, parseTeamId, type TeamId } from '../../model/ids.ts';
import { useCoachingTracks } from '../../sync/coaching.ts';
import { type LocalMembership, useMembership } from '../../sync/device.ts';
import { useRoster } from '../../sync/roster.ts';
import { SharedConversations } from './SharedConversations.tsx';
import { TrackConversation } from './TrackConversation.tsx';
import { TrackEnd } from './TrackEnd.tsx';
import { TrackPreparation } from './TrackPreparation.tsx';
import { TrackRuns } from './TrackRuns.tsx';
import { useTrack } from './useTrack.ts';
import './coaching.css';

type Props = { teamId: string; trackId: string };

/**
 * One coaching track (issue 14): the coachee's observed lessons, the coach's
 * private preparation and conversation, and what both see: the shared
 * summaries, the coachee's reflections and the goals.
 */
export default function TrackPage({ teamId: rawTeamId, trackId }: Props) {
  const { t } = useTranslation();
  const teamId = parseTeamId(rawTeamId);
  const membership = useMembership(teamId);
  const { tracks } = useCoachingTracks(membership);
  const info = tracks?.find((track) => track.trackId === trackId) ?? null;

  if (membership === undefined || (membership && tracks === null))
    return <p className="muted">{t('coaching.track.loading')}</p>;
  if (teamId === null || membership === null || info === null) {
    return (
      <section className="stack">
        <p>{t('coaching.track.notFound')}</p>
        <Link href={teamId ? `/teams/${teamId}/coaching` : '/'}>
          {teamId ? t('coaching.backToTracks') : t('app.backHome')}
        </Link>
      </section>
    );
  }
  return <Track teamId={teamId} membership={membership} info={info} />;
}

function Track({
  teamId,
  membership,
  info,
}: {
  teamId: TeamId;
  membership: LocalMembership;
  info: NonNullable<ReturnType<typeof useCoachingTracks>['tracks']>[number];
}) {
  const { t, i18n } = useTranslation();
  const { roster } = useRoster(membership);
  const state = useTrack(teamId, membership, info);
  const { shared, coach, track, preparation } = state;
  const isCoach = info.role === 'coach';
  const followUp = track?.conversations.at(-1)?.followUp ?? '';
  const nameOf = (memberId: string) => roster?.names.get(memberId as MemberId) ?? '';
  const coacheeName = nameOf(info.coacheeId);
  const focus = useMemo(() => {
    const labels = new Map(state.trends.map((trend) => [trend.key, trend.label]));
    return new Map(
      (preparation?.nextFocus ?? []).flatMap((key) => {
        const label = labels.get(key);
        return label ? [[key, label] as const] : [];
      }),
    );
  }, [state.trends, preparation]);

  const back = (
    <p>
      <Link className="back-link" href={`/teams/${teamId}/coaching`}>
        {t('coaching.backToTracks')}
      </Link>
    </p>
  );
  if (state.status === 'deleted') {
    return (
      <section className="stack">
        {back}
        <p>{t('coaching.track.deleted')}</p>
      </section>
    );
  }
  if (!shared || !track || state.status === 'loading') {
    return (
      <section className="stack">
        {back}
        <p className="muted" role="status">
          {t('coaching.track.loading')}
        </p>
      </section>
    );
  }

  return (
    <div className="stack coaching-page">
      {back}
      <h1>
        {isCoach
          ? t('coaching.track.title', { coachee: coacheeName })
          : t('coaching.track.titleCoachee', { coach: nameOf(info.coachId) })}
      </h1>
      <p className="muted">{isCoach ? t('coaching.privacy') : t('coaching.privacyCoachee')}</p>
      {followUp && (
        <p className="notice" data-testid="track-follow-up">
          {t('coaching.track.nextFollowUp', { date: formatDate(followUp, i18n.language) })}
        </p>
      )}
      <TrackRuns
        teamId={teamId}
        shared={shared}
        runs={state.runs}
        coacheeId={info.coacheeId}
        focus={focus}
        mayPlan={isCoach}
        cycleLessons={state.cycleLessons}
      />
      {isCoach && coach && preparation && (
        <>
          <TrackPreparation
            coach={coach}
            preparation={preparation}
            trends={state.trends}
            proposals={state.proposals}
            conversations={track.conversations}
            runs={state.runs}
            notes={state.notes}
          />
          <TrackConversation
            coach={coach}
            shared={shared}
            preparation={preparation}
            trends={state.trends}
            coacheeName={coacheeName}
          />
        </>
      )}
      <SharedConversations
        shared={shared}
        track={track}
        me={membership.memberId}
        isCoach={isCoach}
        coacheeName={coacheeName}
      />
      <TrackEnd
        membership={membership}
        info={info}
        shared={shared}
        coach={coach}
        otherName={isCoach ? coacheeName : nameOf(info.coachId)}
      />
    </div>
  );
}
