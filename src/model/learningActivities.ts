import type * as Y from 'yjs';
import type { ActivityKind, CycleSnapshot } from './cycleTypes.ts';
import { foldDebrief, readDebriefLog } from './debrief.ts';
import { protocolMinutes } from './debriefProtocol.ts';
import { logLength, runObservers } from './eventLog.ts';
import { isMemberId, type MemberId } from './ids.ts';
import { readMeetings } from './meetings.ts';

/**
 * What counts towards a teacher's professional learning hours, as the app
 * knows it: the team's meetings on a cycle, a research lesson taught or
 * observed, a debrief taken part in, coaching, and hours a member enters by
 * hand. Counted per activity, with the members who took part, so the PLG's
 * year can be drawn from the team document's summaries alone.
 */
export { ACTIVITY_KINDS, type ActivityKind } from './cycleTypes.ts';

export type LearningActivity = {
  readonly kind: ActivityKind;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly minutes: number;
  readonly memberIds: readonly MemberId[];
  /** The run of a lesson taught, so a coaching track can count that lesson's measures. */
  readonly runId?: string;
};

/**
 * The learning activities of one cycle up to `today` (YYYY-MM-DD): its
 * meetings; per run on or before today, the lesson taught (the run's
 * teacher) and observed (everyone with observations in it other than the
 * teacher), each the cycle's lesson length; per debrief that started, the
 * members who had a role in it or wrote in it, for its protocol's length.
 */
export function cycleActivities(
  doc: Y.Doc,
  cycle: CycleSnapshot,
  today: string,
): LearningActivity[] {
  const out: LearningActivity[] = [];
  for (const meeting of readMeetings(doc))
    if (meeting.date <= today && meeting.attendees.length > 0)
      out.push({
        kind: 'meeting',
        date: meeting.date,
        minutes: meeting.minutes,
        memberIds: meeting.attendees,
      });
  const lesson = cycle.meta.lessonMinutes;
  for (const run of cycle.runs) {
    if (run.date === '' || run.date > today) continue;
    if (run.teacherId !== null)
      out.push({
        kind: 'taught',
        date: run.date,
        minutes: lesson,
        memberIds: [run.teacherId],
        runId: run.id,
      });
    const observers = runObservers(doc, run.id).filter(
      (member) => member !== run.teacherId && logLength(doc, run.id, member) > 0,
    );
    if (observers.length > 0)
      out.push({ kind: 'observed', date: run.date, minutes: lesson, memberIds: observers });
    const { entries } = readDebriefLog(doc, run.id);
    if (entries.length === 0) continue;
    const state = foldDebrief(entries);
    const people = new Set<MemberId>();
    for (const { person } of state.roles.values())
      if ('memberId' in person) people.add(person.memberId);
    for (const entry of entries) if (isMemberId(entry.by)) people.add(entry.by);
    const first = entries.map((entry) => entry.at).sort()[0] ?? '';
    const date = first.slice(0, 10);
    if (date === '' || date > today) continue;
    out.push({
      kind: 'debrief',
      date,
      minutes: state.protocol ? protocolMinutes(state.protocol) : 0,
      memberIds: [...people].sort(),
    });
  }
  return out.filter((activity) => activity.minutes > 0);
}
