import { describe, expect, it } from 'vitest';
import type { MemberId } from '../../../src/model/ids.ts';
import {
  addMeeting,
  CYCLE_MEETINGS,
  DEFAULT_MEETING_MINUTES,
  MAX_MEETING_MINUTES,
  MAX_MEETING_TOPIC,
  type MeetingInput,
  meetingsMap,
  readMeetings,
  removeMeeting,
  updateMeeting,
} from '../../../src/model/meetings.ts';
import { newCycle, replica, sync, testCtx } from './cycleTestUtils.ts';

const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const CAS = 'cas0000000000000' as MemberId;

const input = (overrides: Partial<MeetingInput> = {}): MeetingInput => ({
  date: '2026-09-10',
  minutes: 60,
  topic: 'Onderzoeksles ontwerpen',
  attendees: [ANS, BRAM],
  ...overrides,
});

function setup() {
  const ctx = testCtx();
  const doc = newCycle(ctx);
  return { ctx, doc };
}

describe('meetings of a cycle', () => {
  it('has none in a new cycle', () => {
    const { doc } = setup();
    expect(readMeetings(doc)).toEqual([]);
  });

  it('adds a meeting under a fresh id and reads it back', () => {
    const { ctx, doc } = setup();
    const id = addMeeting(doc, input(), ctx);
    expect(readMeetings(doc)).toEqual([{ id, ...input() }]);
    expect(doc.getMap(CYCLE_MEETINGS).get(id)).toEqual(input());
  });

  it('writes under the context origin', () => {
    const { ctx, doc } = setup();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    const id = addMeeting(doc, input(), ctx);
    updateMeeting(doc, id, { minutes: 30 }, ctx);
    removeMeeting(doc, id, ctx);
    expect(origins).toEqual([ctx.origin, ctx.origin, ctx.origin]);
  });

  it('trims the topic and drops repeated attendees', () => {
    const { ctx, doc } = setup();
    const id = addMeeting(
      doc,
      input({ topic: '  Nabespreking voorbereiden  ', attendees: [ANS, BRAM, ANS, BRAM, CAS] }),
      ctx,
    );
    expect(readMeetings(doc)).toEqual([
      {
        id,
        date: '2026-09-10',
        minutes: 60,
        topic: 'Nabespreking voorbereiden',
        attendees: [ANS, BRAM, CAS],
      },
    ]);
  });

  it('accepts an empty topic and no attendees', () => {
    const { ctx, doc } = setup();
    addMeeting(doc, input({ topic: '   ', attendees: [] }), ctx);
    expect(readMeetings(doc)).toMatchObject([{ topic: '', attendees: [] }]);
  });

  it('accepts the shortest and the longest meeting', () => {
    const { ctx, doc } = setup();
    addMeeting(doc, input({ date: '2026-09-01', minutes: 1 }), ctx);
    addMeeting(doc, input({ date: '2026-09-02', minutes: MAX_MEETING_MINUTES }), ctx);
    expect(readMeetings(doc).map((m) => m.minutes)).toEqual([1, MAX_MEETING_MINUTES]);
    expect(MAX_MEETING_MINUTES).toBe(480);
    expect(DEFAULT_MEETING_MINUTES).toBe(60);
  });

  it('refuses a bad date, minutes outside 1–480, a long topic or a bad attendee', () => {
    const { ctx, doc } = setup();
    const bad: Partial<MeetingInput>[] = [
      { date: '' },
      { date: '10-09-2026' },
      { date: '2026-9-10' },
      { date: '2026-13-01' },
      { date: '2026-09-32' },
      { date: '2026-09-00' },
      { date: '2026-09-10T08:00:00.000Z' },
      { minutes: 0 },
      { minutes: -5 },
      { minutes: 1.5 },
      { minutes: MAX_MEETING_MINUTES + 1 },
      { minutes: Number.NaN },
      { topic: 'x'.repeat(MAX_MEETING_TOPIC + 1) },
      { attendees: ['iemand' as MemberId] },
      { attendees: [ANS, 'ANS0000000000000' as MemberId] },
    ];
    for (const overrides of bad)
      expect(() => addMeeting(doc, input(overrides), ctx), JSON.stringify(overrides)).toThrow(
        RangeError,
      );
    expect(meetingsMap(doc).size).toBe(0);
  });

  it('accepts a topic of exactly the maximum length after trimming', () => {
    const { ctx, doc } = setup();
    const topic = 'x'.repeat(MAX_MEETING_TOPIC);
    addMeeting(doc, input({ topic: `  ${topic}  ` }), ctx);
    expect(readMeetings(doc)[0]?.topic).toBe(topic);
  });

  it('names the problem in the error', () => {
    const { ctx, doc } = setup();
    expect(() => addMeeting(doc, input({ minutes: 0 }), ctx)).toThrow(/^invalid meeting: /);
  });

  it('lists meetings by date, then by id', () => {
    const { ctx, doc } = setup();
    const late = addMeeting(doc, input({ date: '2026-11-01', topic: 'laat' }), ctx);
    const early = addMeeting(doc, input({ date: '2026-09-01', topic: 'vroeg' }), ctx);
    const a = addMeeting(doc, input({ date: '2026-10-01', topic: 'a' }), ctx);
    const b = addMeeting(doc, input({ date: '2026-10-01', topic: 'b' }), ctx);
    const [first, second] = [a, b].sort();
    expect(readMeetings(doc).map((m) => m.id)).toEqual([early, first, second, late]);
  });

  it('updates the given fields and validates the result', () => {
    const { ctx, doc } = setup();
    const id = addMeeting(doc, input(), ctx);
    updateMeeting(doc, id, { minutes: 90, attendees: [CAS, CAS, ANS] }, ctx);
    expect(readMeetings(doc)).toEqual([{ id, ...input(), minutes: 90, attendees: [CAS, ANS] }]);
    updateMeeting(doc, id, { topic: '  Herontwerp  ' }, ctx);
    expect(readMeetings(doc)[0]?.topic).toBe('Herontwerp');
    expect(() => updateMeeting(doc, id, { minutes: 0 }, ctx)).toThrow(RangeError);
    expect(() => updateMeeting(doc, id, { date: '2026-02-3' }, ctx)).toThrow(RangeError);
    expect(() => updateMeeting(doc, id, { minutes: MAX_MEETING_MINUTES + 1 }, ctx)).toThrow(
      RangeError,
    );
    expect(readMeetings(doc)[0]).toMatchObject({ minutes: 90, date: '2026-09-10' });
  });

  it('does not update a meeting that is gone or malformed', () => {
    const { ctx, doc } = setup();
    const updates: unknown[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    updateMeeting(doc, 'nothing000000000', { minutes: 30 }, ctx);
    meetingsMap(doc).set('broken', { date: 'gisteren' });
    updates.length = 0;
    updateMeeting(doc, 'broken', { date: '2026-09-10', minutes: 30 }, ctx);
    expect(updates).toHaveLength(0);
    expect(meetingsMap(doc).get('broken')).toEqual({ date: 'gisteren' });
    expect(meetingsMap(doc).has('nothing000000000')).toBe(false);
  });

  it('removes a meeting, and does nothing for an unknown id', () => {
    const { ctx, doc } = setup();
    const keep = addMeeting(doc, input({ topic: 'blijft' }), ctx);
    const gone = addMeeting(doc, input({ topic: 'weg' }), ctx);
    removeMeeting(doc, gone, ctx);
    expect(readMeetings(doc).map((m) => m.id)).toEqual([keep]);
    const updates: unknown[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    removeMeeting(doc, gone, ctx);
    removeMeeting(doc, 'unknown', ctx);
    expect(updates).toHaveLength(0);
    expect(readMeetings(doc).map((m) => m.id)).toEqual([keep]);
  });

  it('skips malformed entries a peer wrote and drops unknown fields', () => {
    const { ctx, doc } = setup();
    const good = addMeeting(doc, input(), ctx);
    const map = meetingsMap(doc);
    map.set('a', 'rubbish');
    map.set('b', null);
    map.set('c', { ...input(), minutes: 0 });
    map.set('d', { ...input(), date: '2026-09-10T10:00' });
    map.set('e', { ...input(), attendees: ['nobody'] });
    map.set('f', { ...input(), topic: 7 });
    map.set('g', { date: '2026-09-10', minutes: 60, topic: 'x' }); // no attendees
    map.set('h', { ...input(), attendees: 'ans0000000000000' });
    map.set('peer', { ...input({ date: '2026-09-11' }), secret: 'x' });
    expect(readMeetings(doc)).toEqual([
      { id: good, ...input() },
      { id: 'peer', ...input({ date: '2026-09-11' }) },
    ]);
  });

  it('keeps meetings two colleagues added offline', () => {
    const a = newCycle(testCtx(1));
    const b = replica(a);
    const idA = addMeeting(a, input({ topic: 'van A' }), testCtx(2));
    const idB = addMeeting(b, input({ date: '2026-09-11', topic: 'van B' }), testCtx(3));
    sync(a, b);
    expect(readMeetings(a)).toEqual(readMeetings(b));
    expect(readMeetings(a).map((m) => m.id)).toEqual([idA, idB]);
  });
});
