import { describe, expect, it } from 'vitest';
import type {
  CasePupil,
  CasePupilId,
  QuestionId,
  Run,
  RunId,
} from '../../../src/model/cycleTypes.ts';
import {
  appendEvent,
  foldEvents,
  MAX_EVENT_TEXT,
  readLog,
  readRunEvents,
} from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import {
  answerKey,
  interviewClock,
  interviewEventFor,
  interviewItemId,
  interviewPupils,
  interviewQuestionOf,
  isInterviewEvent,
  isInterviewItemId,
  ownAnswer,
  readInterviewAnswers,
  recordInterviewAnswer,
} from '../../../src/model/interviews.ts';
import { newCycle, replica, sync, testCtx } from './cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const Q1 = 'q000000000000001' as QuestionId;
const Q2 = 'q000000000000002' as QuestionId;
const PA = 'pvpa000000000000' as CasePupilId;
const PB = 'pvpb000000000000' as CasePupilId;

const answer = (questionId: QuestionId, pupilId: CasePupilId, text: string) => ({
  questionId,
  pupilId,
  text,
});

describe('interview item ids', () => {
  it('names a question and recognises only well-formed interview ids', () => {
    expect(interviewItemId(Q1)).toBe('interview:q000000000000001');
    expect(interviewQuestionOf(interviewItemId(Q1))).toBe(Q1);
    expect(isInterviewItemId(interviewItemId(Q1))).toBe(true);
    expect(isInterviewItemId('interview:nope')).toBe(false);
    expect(isInterviewItemId('q000000000000001')).toBe(false);
    expect(isInterviewItemId(undefined)).toBe(false);
  });
});

describe('recordInterviewAnswer', () => {
  it('appends a note to the member’s own log, then edits it, then undoes it when cleared', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const first = recordInterviewAnswer(doc, RUN, ANS, answer(Q1, PA, '  Met de strook.  '), ctx);
    expect(first).toMatchObject({
      kind: 'note',
      observer: ANS,
      t: 0,
      phaseId: null,
      itemId: interviewItemId(Q1),
      pupilId: PA,
      text: 'Met de strook.',
    });
    if (first === null) throw new Error('no answer written');
    expect(isInterviewEvent(first)).toBe(true);

    expect(recordInterviewAnswer(doc, RUN, ANS, answer(Q1, PA, 'Met de strook.'), ctx)).toBeNull();
    const edit = recordInterviewAnswer(doc, RUN, ANS, answer(Q1, PA, 'Met de getallenlijn.'), ctx);
    expect(edit).toMatchObject({ kind: 'edit', target: first.id, text: 'Met de getallenlijn.' });

    let answers = readInterviewAnswers(readRunEvents(doc, RUN));
    expect(answers.get(answerKey(Q1, PA))).toEqual([
      expect.objectContaining({ eventId: first.id, observer: ANS, text: 'Met de getallenlijn.' }),
    ]);

    const undo = recordInterviewAnswer(doc, RUN, ANS, answer(Q1, PA, '   '), ctx);
    expect(undo).toMatchObject({ kind: 'undo', target: first.id });
    answers = readInterviewAnswers(readRunEvents(doc, RUN));
    expect(answers.get(answerKey(Q1, PA))).toBeUndefined();
    // Nothing was rewritten: the corrections are events after the answer.
    expect(readLog(doc, RUN, ANS).map((e) => e.kind)).toEqual(['note', 'edit', 'undo']);

    // Answering again after clearing starts a new answer.
    const again = recordInterviewAnswer(doc, RUN, ANS, answer(Q1, PA, 'Weet ik niet.'), ctx);
    expect(again).toMatchObject({ kind: 'note', text: 'Weet ik niet.' });
  });

  it('records at the member’s latest lesson clock', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    appendEvent(doc, RUN, ANS, { kind: 'start', t: 0, phaseId: null }, ctx);
    appendEvent(doc, RUN, ANS, { kind: 'end', t: 2_700_000, phaseId: null }, ctx);
    appendEvent(doc, RUN, BRAM, { kind: 'end', t: 3_000_000, phaseId: null }, ctx);
    const event = recordInterviewAnswer(doc, RUN, ANS, answer(Q1, PA, 'Ja'), ctx);
    expect(event?.t).toBe(2_700_000);
    expect(interviewClock([])).toBe(0);
  });

  it('keeps every member’s answer when two answer the same question offline, and each corrects only their own', () => {
    const ctx = testCtx(1);
    const annaDoc = newCycle(ctx);
    const bramDoc = replica(annaDoc);
    const bramCtx = testCtx(2);
    const annas = recordInterviewAnswer(
      annaDoc,
      RUN,
      ANS,
      answer(Q1, PA, 'Anna hoorde: delen.'),
      ctx,
    );
    const brams = recordInterviewAnswer(
      bramDoc,
      RUN,
      BRAM,
      answer(Q1, PA, 'Bram hoorde: keer.'),
      bramCtx,
    );
    recordInterviewAnswer(bramDoc, RUN, BRAM, answer(Q1, PA, 'Bram hoorde: keer 2.'), bramCtx);
    recordInterviewAnswer(annaDoc, RUN, ANS, answer(Q2, PB, 'Leuk.'), ctx);
    sync(annaDoc, bramDoc);

    for (const doc of [annaDoc, bramDoc]) {
      const answers = readInterviewAnswers(readRunEvents(doc, RUN));
      const q1 = answers.get(answerKey(Q1, PA)) ?? [];
      expect(q1.map((a) => [a.observer, a.text]).sort()).toEqual([
        [ANS, 'Anna hoorde: delen.'],
        [BRAM, 'Bram hoorde: keer 2.'],
      ]);
      expect(ownAnswer(q1, BRAM)?.eventId).toBe(brams?.id);
      expect(ownAnswer(q1, ANS)?.eventId).toBe(annas?.id);
      expect(answers.get(answerKey(Q2, PB))?.map((a) => a.text)).toEqual(['Leuk.']);
      expect(answers.get(answerKey(Q2, PA))).toBeUndefined();
    }
  });

  it('refuses an answer longer than an event text may be', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    expect(() =>
      recordInterviewAnswer(doc, RUN, ANS, answer(Q1, PA, 'x'.repeat(MAX_EVENT_TEXT + 1)), ctx),
    ).toThrow(RangeError);
    expect(readLog(doc, RUN, ANS)).toEqual([]);
  });
});

describe('readInterviewAnswers', () => {
  it('ignores kijkwijzer notes and gives the same answers for raw and folded events', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    appendEvent(doc, RUN, ANS, { kind: 'note', t: 5, phaseId: null, text: 'Rumoer' }, ctx);
    appendEvent(
      doc,
      RUN,
      ANS,
      { kind: 'note', t: 5, phaseId: null, itemId: 'kw-note', pupilId: PA, text: 'Kijkt rond' },
      ctx,
    );
    recordInterviewAnswer(doc, RUN, BRAM, answer(Q1, PB, 'Moeilijk'), ctx);
    recordInterviewAnswer(doc, RUN, BRAM, answer(Q1, PB, 'Best moeilijk'), ctx);
    const raw = readRunEvents(doc, RUN);
    const fromRaw = readInterviewAnswers(raw);
    expect([...fromRaw.keys()]).toEqual([answerKey(Q1, PB)]);
    expect(fromRaw.get(answerKey(Q1, PB))?.map((a) => a.text)).toEqual(['Best moeilijk']);
    expect(readInterviewAnswers(foldEvents(raw).effective)).toEqual(fromRaw);
  });
});

describe('interviewEventFor', () => {
  it('does nothing for an empty first answer', () => {
    expect(interviewEventFor(null, answer(Q1, PA, ' '), 0)).toBeNull();
  });
});

describe('interviewPupils', () => {
  const pupil = (id: CasePupilId, pseudonym: string): CasePupil => ({
    id,
    pseudonym,
    profile: '',
    position: pseudonym,
  });
  const pupils = [pupil(PA, 'Leerling A'), pupil(PB, 'Leerling B')];
  const run = (followed: CasePupilId[][]): Run => ({
    id: RUN,
    researchLessonId: 'rl1' as Run['researchLessonId'],
    date: '',
    className: '',
    teacherId: null,
    observers: followed.map((casePupilIds, i) => ({
      memberId: (i === 0 ? ANS : BRAM) as MemberId,
      casePupilIds,
    })),
    interviewQuestions: [],
    createdAt: '',
  });

  it('asks the pupils the observers follow, in the cycle’s order', () => {
    expect(interviewPupils(run([[PB], [PB]]), pupils).map((p) => p.id)).toEqual([PB]);
    expect(interviewPupils(run([[PB], [PA]]), pupils).map((p) => p.id)).toEqual([PA, PB]);
  });

  it('asks every case pupil when nobody follows one', () => {
    expect(interviewPupils(run([]), pupils).map((p) => p.id)).toEqual([PA, PB]);
    expect(interviewPupils(run([[], []]), pupils).map((p) => p.id)).toEqual([PA, PB]);
  });
});
