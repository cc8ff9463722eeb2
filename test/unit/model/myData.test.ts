import { describe, expect, it } from 'vitest';
import type { CycleId, CycleSummary } from '../../../src/model/cycleTypes.ts';
import { appendEvent, startObservation } from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import type { LearningActivity } from '../../../src/model/learningActivities.ts';
import { addMeeting } from '../../../src/model/meetings.ts';
import {
  myActivities,
  myCycleData,
  myDataFileName,
  myHoursByHand,
} from '../../../src/model/myData.ts';
import { addPhase } from '../../../src/model/phases.ts';
import { planRun } from '../../../src/model/runs.ts';
import { newCycle, RL1, testCtx } from './cycleTestUtils.ts';

const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const CAS = 'cas0000000000000' as MemberId;

const activity = (
  kind: LearningActivity['kind'],
  date: string,
  memberIds: MemberId[],
): LearningActivity => ({ kind, date, minutes: 50, memberIds });

const summary = (cycleId: string, title: string, activities: LearningActivity[]): CycleSummary => ({
  cycleId: cycleId as CycleId,
  title,
  stage: 'teach',
  researchLessons: 1,
  runsTaught: 1,
  lastActivityAt: '2026-10-01T08:00:00.000Z',
  createdAt: '2026-09-01T08:00:00.000Z',
  lessonsTaught: 1,
  lessonMinutes: 50,
  baselines: [],
  activities,
  measures: [],
});

describe('myActivities', () => {
  it('keeps the activities the member took part in, oldest first, with their cycle', () => {
    const summaries = [
      summary('cyc0000000000002', 'Spelling', [
        activity('observed', '2026-11-02', [ANS, BRAM]),
        activity('taught', '2026-11-02', [CAS]),
      ]),
      summary('cyc0000000000001', 'Breuken', [activity('meeting', '2026-09-20', [BRAM])]),
    ];
    expect(myActivities(summaries, BRAM)).toEqual([
      {
        cycleId: 'cyc0000000000001',
        cycleTitle: 'Breuken',
        kind: 'meeting',
        date: '2026-09-20',
        minutes: 50,
      },
      {
        cycleId: 'cyc0000000000002',
        cycleTitle: 'Spelling',
        kind: 'observed',
        date: '2026-11-02',
        minutes: 50,
      },
    ]);
    expect(myActivities(summaries, 'nobody0000000000' as MemberId)).toEqual([]);
  });
});

describe('myHoursByHand', () => {
  it('keeps only the member’s own entries, oldest first, without the member id', () => {
    const entry = (id: string, memberId: MemberId, date: string) => ({
      id,
      memberId,
      date,
      minutes: 90,
      description: 'Studiedag',
    });
    expect(
      myHoursByHand(
        [
          entry('h2', BRAM, '2026-11-01'),
          entry('h1', ANS, '2026-10-01'),
          entry('h0', BRAM, '2026-09-01'),
        ],
        BRAM,
      ),
    ).toEqual([
      { id: 'h0', date: '2026-09-01', minutes: 90, description: 'Studiedag' },
      { id: 'h2', date: '2026-11-01', minutes: 90, description: 'Studiedag' },
    ]);
  });
});

describe('myCycleData', () => {
  function cycle() {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const phase = addPhase(doc, RL1, { title: 'Instructie' }, ctx);
    const taught = planRun(
      doc,
      { researchLessonId: RL1, date: '2026-10-01', className: '6a', teacherId: CAS },
      ctx,
    );
    startObservation(doc, taught, BRAM, { phaseId: phase }, ctx);
    appendEvent(doc, taught, BRAM, { kind: 'tally', t: 1000, phaseId: phase, itemId: 'hulp' }, ctx);
    startObservation(doc, taught, ANS, { phaseId: phase }, ctx);
    appendEvent(doc, taught, ANS, { kind: 'note', t: 2000, phaseId: phase, text: 'Stil' }, ctx);
    addMeeting(
      doc,
      { date: '2026-09-20', minutes: 60, topic: 'Ontwerpen', attendees: [ANS, BRAM] },
      ctx,
    );
    return { doc, taught };
  }

  it('gathers the member’s own observations, lessons taught and meetings attended', () => {
    const { doc, taught } = cycle();
    const bram = myCycleData(doc, 'cyc0000000000001', BRAM);
    expect(bram?.title).toBe('Breuken vergelijken');
    expect(bram?.meetingsAttended).toEqual([
      { date: '2026-09-20', minutes: 60, topic: 'Ontwerpen' },
    ]);
    expect(bram?.lessonsTaught).toEqual([]);
    expect(bram?.observations.map((o) => o.runId)).toEqual([taught]);
    const events = bram?.observations[0]?.events ?? [];
    expect(events.map((event) => event.kind)).toEqual(['start', 'tally']);
    expect(events.every((event) => event.observer === BRAM)).toBe(true);

    const cas = myCycleData(doc, 'cyc0000000000001', CAS);
    expect(cas?.lessonsTaught).toEqual([{ runId: taught, date: '2026-10-01', className: '6a' }]);
    expect(cas?.observations).toEqual([]);
  });

  it('is null for a member who contributed nothing', () => {
    expect(myCycleData(cycle().doc, 'cyc0000000000001', 'dex0000000000000' as MemberId)).toBeNull();
  });
});

describe('myDataFileName', () => {
  it('names the file after the day of the export', () => {
    expect(myDataFileName('2026-12-06T10:00:00.000Z')).toBe('leskring-my-data-2026-12-06.json');
  });
});
