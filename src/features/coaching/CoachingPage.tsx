import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import '../../i18n/coachingTexts.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { type MemberId, parseTeamId } from '../../model/ids.ts';
import { canEdit } from '../../model/roles.ts';
import { startCoachingTrack, useCoachingTracks } from '../../sync/coaching.ts';
import { useMembership } from '../../sync/device.ts';
import { useConnectionState } from '../../sync/hooks.ts';
import { useRoster } from '../../sync/roster.ts';
import './coaching.css';

/**
 * The member's coaching tracks in a team (issue 14), and starting one as
 * coach. The list comes from the server, which alone decides who is in a
 * track; the device keeps a copy for offline use.
 */
export default function CoachingPage({ teamId: rawTeamId }: { teamId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [, navigate] = useLocation();
  const teamId = parseTeamId(rawTeamId);
  const membership = useMembership(teamId);
  const { roster } = useRoster(membership);
  const { tracks, problem } = useCoachingTracks(membership);
  const connection = useConnectionState();
  const [coachee, setCoachee] = useState<MemberId | ''>('');
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (membership === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (teamId === null || membership === null) {
    return (
      <section>
        <p>{t('team.notFound')}</p>
        <Link className="back-link" href="/">
          {t('app.backHome')}
        </Link>
      </section>
    );
  }
  const names = roster?.names;
  const nameOf = (memberId: string) => names?.get(memberId as MemberId) ?? '';
  const colleagues = (roster?.members ?? []).filter(
    (member) => member.memberId !== membership.memberId && canEdit(member.role),
  );
  const mayStart = canEdit(membership.role) && membership.status === 'active';
  const offline = connection.status === 'offline';

  async function start() {
    if (!membership || coachee === '') return;
    setStarting(true);
    setFailure(null);
    try {
      const track = await startCoachingTrack(membership, coachee);
      navigate(`/teams/${membership.teamId}/coaching/${track.trackId}`);
    } catch (error) {
      setFailure(t('coaching.start.failed', { reason: errorMessage(t, error) }));
      setStarting(false);
    }
  }

  return (
    <div className="stack coaching-page">
      <p>
        <Link className="back-link" href={`/teams/${teamId}`}>
          {t('coaching.back')}
        </Link>
      </p>
      <h1>{t('coaching.title')}</h1>
      <p>{t('coaching.intro')}</p>
      <p className="muted">{t('coaching.privacy')}</p>
      <section className="card stack" aria-labelledby={`${id}-mine`}>
        <h2 id={`${id}-mine`}>{t('coaching.mine')}</h2>
        {problem === 'network' && <p className="muted small">{t('coaching.offlineList')}</p>}
        {tracks === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : tracks.length === 0 ? (
          <p className="muted">{t('coaching.none')}</p>
        ) : (
          <ul className="coaching-tracks">
            {tracks.map((track) => (
              <li key={track.trackId}>
                <Link className="tap-link" href={`/teams/${teamId}/coaching/${track.trackId}`}>
                  {track.role === 'coach'
                    ? t('coaching.asCoach', { name: nameOf(track.coacheeId) })
                    : t('coaching.asCoachee', { name: nameOf(track.coachId) })}
                </Link>
                {track.coacheeLeftAt !== null && (
                  <span className="muted small">
                    {' '}
                    {t('coaching.coacheeLeft', { name: nameOf(track.coacheeId) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card stack" aria-labelledby={`${id}-start`}>
        <h2 id={`${id}-start`}>{t('coaching.start.title')}</h2>
        {!mayStart ? (
          <p className="muted">{t('coaching.start.guest')}</p>
        ) : colleagues.length === 0 ? (
          <p className="muted">{t('coaching.start.noColleagues')}</p>
        ) : (
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              void start();
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-coachee`}>{t('coaching.start.coachee')}</label>
              <select
                id={`${id}-coachee`}
                value={coachee}
                onChange={(event) => setCoachee(event.target.value as MemberId | '')}
                required
              >
                <option value="">{t('coaching.start.choose')}</option>
                {colleagues.map((member) => (
                  <option key={member.memberId} value={member.memberId}>
                    {member.displayName}
                  </option>
                ))}
              </select>
            </div>
            {offline && <p className="notice">{t('coaching.start.offline')}</p>}
            {failure && (
              <p className="notice notice-error" role="alert">
                {failure}
              </p>
            )}
            <div className="row">
              <button
                type="submit"
                className="primary"
                disabled={starting || offline || coachee === ''}
              >
                {t('coaching.start.button')}
              </button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
