import { describe, expect, it } from 'vitest';
import {
  CLASS_ONLY,
  FREE_NOTES,
  formatClock,
  lessonRecords,
  NO_FILTER,
  PHOTOS,
  timelineRows,
} from '../../../src/features/timeline/timelineRows.ts';
import type { CasePupilId, PhaseId, QuestionId, RunId } from '../../../src/model/cycleTypes.ts';
import {
  appendEvent,
  type EventInput,
  foldEvents,
  readRunEvents,
} from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { recordInterviewAnswer } from '../../../src/model/interviews.ts';
import { newCycle, testCtx } from '../model/cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const P1 = 'phase00000000001' as PhaseId;
const P2 = 'phase00000000002' as PhaseId;
const OFF_PLAN = 'phase00000000009' as PhaseId;
const PA = 'pvpa000000000000' as CasePupilId;
const Q1 = 'q000000000000001' as QuestionId;
const PHOTO_HASH = 'a'.repeat(64);
const S = 1000;

/** A recorded lesson, as the timeline reads it. */
function lesson() {
  const ctx = testCtx();
  const doc = newCycle(ctx);
  const add = (who: MemberId, input: EventInput) => appendEvent(doc, RUN, who, input, ctx);
  add(ANS, { kind: 'start', t: 0, phaseId: P1 });
  add(BRAM, { kind: 'start', t: 0, phaseId: P1 });
  const tally = add(ANS, { kind: 'tally', t: 30 * S, phaseId: P1, itemId: 'questions' });
  add(BRAM, { kind: 'check', t: 20 * S, phaseId: P1, itemId: 'goal', value: true });
  add(ANS, { kind: 'phase', t: 60 * S, phaseId: P2 });
  add(ANS, { kind: 'note', t: 70 * S, phaseId: P2, pupilId: PA, text: 'Tekent een strook' });
  const undone = add(BRAM, { kind: 'rating', t: 80 * S, phaseId: P2, itemId: 'climate', value: 3 });
  add(BRAM, { kind: 'undo', t: 81 * S, phaseId: P2, target: undone.id });
  add(BRAM, { kind: 'photo', t: 90 * S, phaseId: OFF_PLAN, photo: PHOTO_HASH });
  add(ANS, { kind: 'note', t: 5 * S, phaseId: null, text: 'Voor de les: rumoerig' });
  recordInterviewAnswer(doc, RUN, ANS, { questionId: Q1, pupilId: PA, text: 'Met de strook' }, ctx);
  add(ANS, { kind: 'end', t: 120 * S, phaseId: P2 });
  return { records: lessonRecords(foldEvents(readRunEvents(doc, RUN)).effective), tally };
}

const shape = (rows: ReturnType<typeof timelineRows>) =>
  rows.map((row) =>
    row.type === 'phase'
      ? `# ${row.phaseId ?? 'none'} (${row.count})`
      : `${formatClock(row.event.t)} ${row.event.kind}`,
  );

describe('timelineRows', () => {
  it('lists records under their phase in plan order, by lesson clock, without clock events, undone records or interviews', () => {
    const { records } = lesson();
    expect(shape(timelineRows(records, NO_FILTER, [P1, P2]))).toEqual([
      `# ${P1} (2)`,
      '00:20 check',
      '00:30 tally',
      `# ${P2} (1)`,
      '01:10 note',
      `# ${OFF_PLAN} (1)`,
      '01:30 photo',
      '# none (1)',
      '00:05 note',
    ]);
  });

  it('narrows the rows by observer, case pupil and item', () => {
    const { records, tally } = lesson();
    const rows = (filter: Partial<typeof NO_FILTER>) =>
      shape(timelineRows(records, { ...NO_FILTER, ...filter }, [P1, P2]));
    expect(rows({ observer: BRAM })).toEqual([
      `# ${P1} (1)`,
      '00:20 check',
      `# ${OFF_PLAN} (1)`,
      '01:30 photo',
    ]);
    expect(rows({ pupil: PA })).toEqual([`# ${P2} (1)`, '01:10 note']);
    expect(rows({ pupil: CLASS_ONLY, observer: ANS })).toEqual([
      `# ${P1} (1)`,
      '00:30 tally',
      '# none (1)',
      '00:05 note',
    ]);
    expect(rows({ item: 'questions' })).toEqual([`# ${P1} (1)`, '00:30 tally']);
    expect(rows({ item: FREE_NOTES })).toEqual([
      `# ${P2} (1)`,
      '01:10 note',
      '# none (1)',
      '00:05 note',
    ]);
    expect(rows({ item: PHOTOS, observer: ANS })).toEqual([]);
    expect(timelineRows(records, NO_FILTER, [P1])[2]).toMatchObject({ event: { id: tally.id } });
  });
});

describe('formatClock', () => {
  it('shows minutes and seconds, and hours from an hour on', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(65_999)).toBe('01:05');
    expect(formatClock(3_600_000 + 61_000)).toBe('1:01:01');
    expect(formatClock(-5)).toBe('00:00');
  });
});
