import * as v from 'valibot';
import type * as Y from 'yjs';
import type { ModelContext } from './cycleTypes.ts';
import { isMemberId, type MemberId } from './ids.ts';
import { isCalendarDay } from './schoolYear.ts';

/**
 * The team's meetings on a cycle (planning the research lesson, revising it,
 * a study session): when, how long, about what and who took part. They count
 * towards the participants' professional learning hours.
 *
 * Top-level map `meetings` of the cycle document: id → plain entry (last
 * writer wins per meeting; two colleagues adding meetings offline never
 * collide, each has its own id).
 */

export const CYCLE_MEETINGS = 'meetings';
export const MAX_MEETING_MINUTES = 8 * 60;
export const MAX_MEETING_TOPIC = 200;
export const DEFAULT_MEETING_MINUTES = 60;

export type Meeting = {
  readonly id: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly minutes: number;
  readonly topic: string;
  readonly attendees: readonly MemberId[];
};

export type MeetingInput = Omit<Meeting, 'id'>;

const MeetingSchema = v.object({
  date: v.pipe(v.string(), v.check(isCalendarDay)),
  minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_MEETING_MINUTES)),
  topic: v.pipe(v.string(), v.maxLength(MAX_MEETING_TOPIC)),
  attendees: v.pipe(v.array(v.custom<MemberId>(isMemberId)), v.maxLength(100)),
});

export const meetingsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(CYCLE_MEETINGS);

/** The meeting as it may be stored, or a RangeError saying what is wrong. */
function validMeeting(input: MeetingInput): MeetingInput {
  const parsed = v.safeParse(MeetingSchema, {
    ...input,
    topic: input.topic.trim(),
    attendees: [...new Set(input.attendees)],
  });
  if (!parsed.success) throw new RangeError(`invalid meeting: ${parsed.issues[0]?.message ?? ''}`);
  return parsed.output;
}

export function addMeeting(doc: Y.Doc, input: MeetingInput, ctx: ModelContext): string {
  const valid = validMeeting(input);
  const id = ctx.newId();
  doc.transact(() => meetingsMap(doc).set(id, valid), ctx.origin);
  return id;
}

export function updateMeeting(
  doc: Y.Doc,
  id: string,
  patch: Partial<MeetingInput>,
  ctx: ModelContext,
): void {
  const current = v.safeParse(MeetingSchema, meetingsMap(doc).get(id));
  if (!current.success) return;
  const next = validMeeting({ ...current.output, ...patch });
  doc.transact(() => meetingsMap(doc).set(id, next), ctx.origin);
}

export function removeMeeting(doc: Y.Doc, id: string, ctx: ModelContext): void {
  if (!meetingsMap(doc).has(id)) return;
  doc.transact(() => meetingsMap(doc).delete(id), ctx.origin);
}

/** The cycle's meetings, oldest first; malformed entries (from a peer) are left out. */
export function readMeetings(doc: Y.Doc): Meeting[] {
  const out: Meeting[] = [];
  for (const [id, raw] of meetingsMap(doc).entries()) {
    const parsed = v.safeParse(MeetingSchema, raw);
    if (parsed.success) out.push({ id, ...parsed.output });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
