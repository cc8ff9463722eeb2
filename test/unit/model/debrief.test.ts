import { describe, expect, it } from 'vitest';
import type { CasePupilId, PhaseId, RunId } from '../../../src/model/cycleTypes.ts';
import {
  appendDebriefEntry,
  cellKey,
  currentStep,
  type DebriefInput,
  debriefLogName,
  evidenceShare,
  foldDebrief,
  onDebriefChange,
  parseDebriefEntry,
  readDebriefLog,
  stepElapsedSeconds,
} from '../../../src/model/debrief.ts';
import { defaultProtocol } from '../../../src/model/debriefProtocol.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { newCycle, replica, sync, testCtx } from './cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const P1 = 'phase00000000001' as PhaseId;
const PUPIL = 'pvp1000000000000' as CasePupilId;
const EVENT = 'evt0000000000001';

function setup() {
  const ctx = testCtx();
  const doc = newCycle(ctx);
  const write = (input: DebriefInput, by: MemberId = ANS, c = ctx) =>
    appendDebriefEntry(doc, RUN, by, input, c);
  const state = () => foldDebrief(readDebriefLog(doc, RUN).entries);
  return { ctx, doc, write, state };
}

describe('the debrief log', () => {
  it('starts empty, with no protocol and no current step', () => {
    const { state } = setup();
    const s = state();
    expect(s.started).toBe(false);
    expect(s.protocol).toBeNull();
    expect(s.current).toBeNull();
    expect(currentStep(s, defaultProtocol())).toMatchObject({ index: 0, since: null });
  });

  it('refuses malformed entries and skips those a peer wrote', () => {
    const { doc, write } = setup();
    expect(() =>
      write({ kind: 'contribution', stepId: 'step-review', text: '', evidence: [] }),
    ).toThrow(RangeError);
    expect(() => write({ kind: 'role', role: 'chair' })).toThrow(RangeError); // nobody named
    expect(() => write({ kind: 'protocol', steps: [] })).toThrow(RangeError);
    expect(() =>
      write({ kind: 'judgement', pupilId: PUPIL, phaseId: P1, value: 'great' as never, text: '' }),
    ).toThrow(RangeError);
    doc.getArray(debriefLogName(RUN)).push([{ kind: 'step' }, 'rubbish', null]);
    write({ kind: 'step', stepId: 'step-teacher' });
    const log = readDebriefLog(doc, RUN);
    expect(log.skipped).toBe(3);
    expect(log.entries).toHaveLength(1);
  });

  it('drops unknown fields of a peer entry', () => {
    const entry = parseDebriefEntry({
      id: EVENT,
      by: ANS,
      at: '2026-09-01T08:00:00.000Z',
      n: 3,
      kind: 'step',
      stepId: 'step-pupils',
      secret: 'x',
    });
    expect(entry).toEqual({
      id: EVENT,
      by: ANS,
      at: '2026-09-01T08:00:00.000Z',
      n: 3,
      kind: 'step',
      stepId: 'step-pupils',
    });
  });

  it('folds protocol, step, roles, contributions, flags, judgements, findings and removals', () => {
    const { write, state } = setup();
    write({ kind: 'protocol', steps: defaultProtocol() });
    write({ kind: 'step', stepId: 'step-review' });
    write({ kind: 'role', memberId: ANS, role: 'chair' });
    write({ kind: 'role', memberId: BRAM, role: 'recorder' });
    write({ kind: 'role', name: 'Dr. Jansen', role: 'guest' });
    write({ kind: 'role', memberId: BRAM, role: 'observer' });
    const flag = write({ kind: 'flag', evidence: { type: 'event', id: EVENT } });
    write({ kind: 'step', stepId: 'step-pupils' });
    const said = write({
      kind: 'contribution',
      stepId: 'step-pupils',
      text: 'Leerling A gebruikte de strook',
      evidence: [{ type: 'event', id: EVENT }],
      pupilId: PUPIL,
      phaseId: P1,
    });
    const opinion = write({
      kind: 'contribution',
      stepId: 'step-pupils',
      text: 'Ik vond het goed',
      evidence: [],
    });
    write({
      kind: 'judgement',
      pupilId: PUPIL,
      phaseId: P1,
      value: 'worse',
      text: 'minder dan verwacht',
    });
    write({
      kind: 'judgement',
      pupilId: PUPIL,
      phaseId: P1,
      value: 'as-predicted',
      text: 'toch zoals voorspeld',
    });
    const finding = write({
      kind: 'finding',
      findingId: 'fnd0000000000001',
      text: 'De strook helpt',
      evidence: [{ type: 'cell', pupilId: PUPIL, phaseId: P1 }],
      changes: [
        { id: 'chg0000000000001', target: 'phase', phaseId: P1, text: 'Strook eerder aanbieden' },
      ],
      check: { itemId: 'strook', pupilId: PUPIL },
      openQuestion: false,
    });
    write({ kind: 'remove', target: opinion.id });
    write({ kind: 'remove', target: flag.id });

    const s = state();
    expect(s.started).toBe(true);
    expect(s.protocol?.map((step) => step.kind)).toEqual(
      defaultProtocol().map((step) => step.kind),
    );
    expect(s.current?.stepId).toBe('step-pupils');
    expect([...s.roles.values()].map((r) => r.role)).toEqual(['chair', 'observer', 'guest']);
    expect(s.roles.get('guest:Dr. Jansen')?.person).toEqual({ name: 'Dr. Jansen' });
    expect(s.contributions.map((c) => c.id)).toEqual([said.id]);
    expect(s.flags).toEqual([]);
    expect(s.judgements.get(cellKey(PUPIL, P1))).toMatchObject({
      value: 'as-predicted',
      text: 'toch zoals voorspeld',
    });
    expect(s.findings).toHaveLength(1);
    expect(s.findings[0]).toMatchObject({ id: 'fnd0000000000001', createdAt: finding.at, by: ANS });
  });

  it('keeps who first wrote a finding when a colleague rewords it, and clears a role and a judgement', () => {
    const { write, state } = setup();
    const first = write({
      kind: 'finding',
      findingId: 'fnd0000000000001',
      text: 'eerste',
      evidence: [],
      changes: [],
      check: null,
      openQuestion: false,
    });
    write(
      {
        kind: 'finding',
        findingId: 'fnd0000000000001',
        text: 'beter verwoord',
        evidence: [],
        changes: [],
        check: null,
        openQuestion: true,
      },
      BRAM,
    );
    write({ kind: 'role', memberId: ANS, role: 'chair' });
    write({ kind: 'role', memberId: ANS, role: null });
    write({ kind: 'judgement', pupilId: PUPIL, phaseId: P1, value: 'better', text: '' });
    write({ kind: 'judgement', pupilId: PUPIL, phaseId: P1, value: null, text: '' });
    const s = state();
    expect(s.findings[0]).toMatchObject({
      text: 'beter verwoord',
      openQuestion: true,
      by: ANS,
      createdAt: first.at,
    });
    expect(s.roles.size).toBe(0);
    expect(s.judgements.size).toBe(0);
  });

  it('tells listeners about changes of its log, not of its notes or other types', () => {
    const { doc, write } = setup();
    let calls = 0;
    const stop = onDebriefChange(doc, RUN, () => calls++);
    write({ kind: 'step', stepId: 'step-review' });
    doc.getText(`debriefNotes:${RUN}:step-review`).insert(0, 'notitie');
    doc.getMap('meta').set('title', 'iets anders');
    stop();
    write({ kind: 'step', stepId: 'step-opening' });
    expect(calls).toBe(1);
  });
});

describe('two devices', () => {
  it('two chairs advancing at once end in one agreed step on both devices', () => {
    const { doc, write } = setup();
    write({ kind: 'protocol', steps: defaultProtocol() });
    write({ kind: 'step', stepId: 'step-teacher' });
    const laptop = doc;
    const tablet = replica(doc);
    // Both move on while offline, each from its own view.
    appendDebriefEntry(laptop, RUN, ANS, { kind: 'step', stepId: 'step-rationale' }, testCtx(2));
    appendDebriefEntry(tablet, RUN, BRAM, { kind: 'step', stepId: 'step-pupils' }, testCtx(3));
    sync(laptop, tablet);
    const onLaptop = foldDebrief(readDebriefLog(laptop, RUN).entries);
    const onTablet = foldDebrief(readDebriefLog(tablet, RUN).entries);
    expect(onLaptop.current).toEqual(onTablet.current);
    expect(['step-rationale', 'step-pupils']).toContain(onLaptop.current?.stepId);
  });

  it('a chair whose clock runs behind still moves the step on after a colleague did', () => {
    const { doc, write } = setup(); // clock at 08:00:0x
    write({ kind: 'protocol', steps: defaultProtocol() });
    write({ kind: 'step', stepId: 'step-teacher' });
    const late = { ...testCtx(8), now: () => '2026-09-01T07:58:00.000Z' }; // two minutes behind
    appendDebriefEntry(doc, RUN, BRAM, { kind: 'step', stepId: 'step-rationale' }, late);
    expect(foldDebrief(readDebriefLog(doc, RUN).entries).current?.stepId).toBe('step-rationale');
  });

  it('judgements written offline on two devices merge without loss', () => {
    const { doc, write } = setup();
    write({ kind: 'protocol', steps: defaultProtocol() });
    const tablet = replica(doc);
    const P2 = 'phase00000000002' as PhaseId;
    appendDebriefEntry(
      doc,
      RUN,
      ANS,
      { kind: 'judgement', pupilId: PUPIL, phaseId: P1, value: 'better', text: 'a' },
      testCtx(4),
    );
    appendDebriefEntry(
      tablet,
      RUN,
      BRAM,
      { kind: 'judgement', pupilId: PUPIL, phaseId: P2, value: 'worse', text: 'b' },
      testCtx(5),
    );
    // The same cell on both: one wins everywhere, the other stays in the log.
    appendDebriefEntry(
      doc,
      RUN,
      ANS,
      { kind: 'contribution', stepId: 'step-pupils', text: 'laptop', evidence: [] },
      testCtx(6),
    );
    appendDebriefEntry(
      tablet,
      RUN,
      BRAM,
      { kind: 'contribution', stepId: 'step-pupils', text: 'tablet', evidence: [] },
      testCtx(7),
    );
    sync(doc, tablet);
    const a = foldDebrief(readDebriefLog(doc, RUN).entries);
    const b = foldDebrief(readDebriefLog(tablet, RUN).entries);
    expect(a.judgements.get(cellKey(PUPIL, P1))?.value).toBe('better');
    expect(a.judgements.get(cellKey(PUPIL, P2))?.value).toBe('worse');
    expect([...a.judgements]).toEqual([...b.judgements]);
    expect(a.contributions.map((c) => c.text).sort()).toEqual(['laptop', 'tablet']);
    expect(a.contributions).toEqual(b.contributions);
    expect(readDebriefLog(doc, RUN).entries).toHaveLength(5);
  });
});

describe('the step timer', () => {
  it('counts seconds since the chair moved, never below zero', () => {
    const since = '2026-09-01T08:00:00.000Z';
    expect(stepElapsedSeconds(null, Date.parse(since))).toBeNull();
    expect(stepElapsedSeconds(since, Date.parse(since) + 90_500)).toBe(90);
    expect(stepElapsedSeconds(since, Date.parse(since) - 5_000)).toBe(0);
    expect(stepElapsedSeconds('geen datum', 0)).toBeNull();
  });

  it('falls back to the first step when the chair’s step is not in the protocol', () => {
    const { write, state } = setup();
    write({ kind: 'step', stepId: 'step-gone' });
    const protocol = defaultProtocol();
    expect(currentStep(state(), protocol)).toMatchObject({ index: 0, since: null });
  });
});

describe('evidence share', () => {
  it('counts the contributions that carry evidence, in all and per step', () => {
    const { write, state } = setup();
    expect(evidenceShare(state().contributions)).toEqual({
      total: 0,
      withEvidence: 0,
      share: null,
    });
    write({ kind: 'contribution', stepId: 'step-teacher', text: 'mening', evidence: [] });
    write({
      kind: 'contribution',
      stepId: 'step-pupils',
      text: 'feit',
      evidence: [{ type: 'event', id: EVENT }],
    });
    write({
      kind: 'contribution',
      stepId: 'step-pupils',
      text: 'cijfer',
      evidence: [{ type: 'summary', key: 'rating:r1' }],
    });
    write({ kind: 'contribution', stepId: 'step-pupils', text: 'gevoel', evidence: [] });
    const contributions = state().contributions;
    expect(evidenceShare(contributions)).toEqual({ total: 4, withEvidence: 2, share: 0.5 });
    expect(evidenceShare(contributions, 'step-pupils')).toEqual({
      total: 3,
      withEvidence: 2,
      share: 2 / 3,
    });
    expect(evidenceShare(contributions, 'step-teacher').share).toBe(0);
  });
});
