import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay } from '../../app/localDay.ts';
import '../../i18n/plgTexts.ts';
import { showToast } from '../../app/ui/toasts.ts';
import type { MemberId } from '../../model/ids.ts';
import {
  addMeeting,
  DEFAULT_MEETING_MINUTES,
  MAX_MEETING_MINUTES,
  MAX_MEETING_TOPIC,
  meetingsMap,
  readMeetings,
  removeMeeting,
} from '../../model/meetings.ts';
import type { TeamMember } from '../../model/roster.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { changeWithUndo } from '../plan/changeWithUndo.ts';
import { formatDay } from '../plan/format.ts';

type Props = {
  me: MemberId;
  members: readonly TeamMember[];
  readOnly: boolean;
};

/** The team's meetings on this cycle; they count towards the learning hours of who was there. */
export function CycleMeetings({ me, members, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const session = useSession('cycle');
  const meetings = useYSnapshot(session.doc, readMeetings) ?? [];
  const nameOf = (id: MemberId) => members.find((member) => member.memberId === id)?.displayName;

  function remove(id: string) {
    void changeWithUndo(session, meetingsMap(session.doc), () =>
      session.change((doc, ctx) => removeMeeting(doc, id, ctx)),
    ).then((undo) => showToast(t('plg.meetings.removed'), { label: t('common.undo'), run: undo }));
  }

  return (
    <section
      className="card stack"
      aria-labelledby="cycle-meetings-heading"
      data-testid="cycle-meetings"
    >
      <h2 id="cycle-meetings-heading">{t('plg.meetings.heading')}</h2>
      <p className="muted small">{t('plg.meetings.intro')}</p>
      {meetings.length === 0 ? (
        <p className="muted">{t('plg.meetings.empty')}</p>
      ) : (
        <ul className="plg-meetings">
          {meetings.map((meeting) => (
            <li key={meeting.id}>
              <span>
                {t('plg.meetings.line', {
                  date: formatDay(meeting.date, i18n.language),
                  minutes: meeting.minutes,
                  topic: meeting.topic || '–',
                })}
                <br />
                <span className="muted small">
                  {meeting.attendees.map((id) => nameOf(id) ?? '…').join(', ')}
                </span>
              </span>
              {!readOnly && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('plg.meetings.remove', {
                    date: formatDay(meeting.date, i18n.language),
                  })}
                  onClick={() => remove(meeting.id)}
                >
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && <MeetingForm me={me} members={members} />}
    </section>
  );
}

function MeetingForm({ me, members }: { me: MemberId; members: readonly TeamMember[] }) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const [date, setDate] = useState(() => localDay());
  const [minutes, setMinutes] = useState(String(DEFAULT_MEETING_MINUTES));
  const [topic, setTopic] = useState('');
  const [attendees, setAttendees] = useState<ReadonlySet<MemberId>>(() => new Set([me]));
  const [error, setError] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const length = Number(minutes);
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(date) &&
      Number.isInteger(length) &&
      length >= 1 &&
      length <= MAX_MEETING_MINUTES &&
      attendees.size > 0;
    if (!valid) return setError(t('plg.meetings.invalid'));
    try {
      // The model refuses what the form cannot see (a 30 February), before anything is written.
      void session
        .change((doc, ctx) =>
          addMeeting(doc, { date, minutes: length, topic, attendees: [...attendees] }, ctx),
        )
        .then(() => showToast(t('plg.meetings.added')));
    } catch {
      return setError(t('plg.meetings.invalid'));
    }
    setError('');
    setTopic('');
  }

  function toggle(id: MemberId) {
    setAttendees((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="plg-manual-form">
        <div className="field">
          <label htmlFor="meeting-date">{t('plg.meetings.date')}</label>
          <input
            id="meeting-date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="meeting-minutes">{t('plg.meetings.minutes')}</label>
          <input
            id="meeting-minutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_MEETING_MINUTES}
            step={5}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="field plg-manual-description">
          <label htmlFor="meeting-topic">{t('plg.meetings.topic')}</label>
          <input
            id="meeting-topic"
            type="text"
            maxLength={MAX_MEETING_TOPIC}
            placeholder={t('plg.meetings.topicPlaceholder')}
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
          />
        </div>
      </div>
      <fieldset className="plg-follow-items">
        <legend>{t('plg.meetings.attendees')}</legend>
        {members.map((member) => (
          <label key={member.memberId} className="check-row">
            <input
              type="checkbox"
              checked={attendees.has(member.memberId)}
              onChange={() => toggle(member.memberId)}
            />
            {member.displayName}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('plg.meetings.add')}
      </button>
    </form>
  );
}
