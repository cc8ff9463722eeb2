import { describe, expect, it } from 'vitest';
import { addCasePupil } from '../../src/model/casePupils.ts';
import { initCycleDoc, readCycle } from '../../src/model/cycleDoc.ts';
import type {
  CasePupilId,
  ModelContext,
  PhaseId,
  ResearchLessonId,
} from '../../src/model/cycleTypes.ts';
import {
  appendDebriefEntry,
  cellKey,
  debriefNotes,
  foldDebrief,
  readDebriefLog,
} from '../../src/model/debrief.ts';
import { defaultProtocol } from '../../src/model/debriefProtocol.ts';
import { teamScopedDocName } from '../../src/model/docName.ts';
import { type MemberId, newDocId, newId } from '../../src/model/ids.ts';
import { addPhase } from '../../src/model/phases.ts';
import { planRun } from '../../src/model/runs.ts';
import {
  isSettled,
  newProvider,
  startTestServer,
  type TestProvider,
  teamWithMember,
  waitFor,
} from './helpers.ts';

/**
 * Issue 12 quality bar, with the real server and real providers: the chair's
 * laptop and the recorder's tablet run one debrief. Two chairs advancing the
 * protocol at once end in one agreed step on both; judgements, contributions
 * and notes written offline on both devices all arrive on both.
 */

const RL1 = 'rl1' as ResearchLessonId;

const ctxFor = (user: string): ModelContext => ({
  origin: { user },
  newId,
  now: () => new Date().toISOString(),
});

async function twoDevices() {
  const { url, wsUrl } = await startTestServer();
  const { owner, member } = await teamWithMember(url);
  const name = teamScopedDocName(owner.teamId, newDocId());
  const laptop = newProvider(wsUrl, { name, token: owner.token });
  const tablet = newProvider(wsUrl, { name, token: member.token });
  await waitFor(() => expect([laptop, tablet].every(isSettled)).toBe(true));
  const ctx = ctxFor(owner.memberId);
  initCycleDoc(
    laptop.doc,
    { title: 'Breuken', subject: 'Rekenen', yearGroup: 'Groep 6', createdBy: owner.memberId },
    ctx,
  );
  const phases = [1, 2].map((n) => addPhase(laptop.doc, RL1, { title: `Fase ${n}` }, ctx));
  const pupil = addCasePupil(laptop.doc, { pseudonym: 'Leerling A' }, ctx) as CasePupilId;
  const runId = planRun(laptop.doc, { researchLessonId: RL1, date: '2026-10-01' }, ctx);
  appendDebriefEntry(
    laptop.doc,
    runId,
    owner.memberId,
    { kind: 'protocol', steps: defaultProtocol() },
    ctx,
  );
  appendDebriefEntry(
    laptop.doc,
    runId,
    owner.memberId,
    { kind: 'step', stepId: 'step-review' },
    ctx,
  );
  await waitFor(() => expect(readDebriefLog(tablet.doc, runId).entries).toHaveLength(2));
  expect(readCycle(tablet.doc).runs).toHaveLength(1);
  return {
    owner: owner.memberId as MemberId,
    member: member.memberId as MemberId,
    laptop,
    tablet,
    runId,
    phases: phases as PhaseId[],
    pupil,
    ctx,
    reconnect: (device: TestProvider, token: string) =>
      newProvider(wsUrl, { name, token, doc: device.doc }),
    tokens: { owner: owner.token, member: member.token },
  };
}

describe('a debrief on two devices through the server', () => {
  it('two chairs advancing at once end in one agreed step', async () => {
    const { laptop, tablet, runId, owner, member } = await twoDevices();
    // Both press "next" at the same moment, each from step 0.
    appendDebriefEntry(
      laptop.doc,
      runId,
      owner,
      { kind: 'step', stepId: 'step-opening' },
      ctxFor(owner),
    );
    appendDebriefEntry(
      tablet.doc,
      runId,
      member,
      { kind: 'step', stepId: 'step-teacher' },
      ctxFor(member),
    );
    await waitFor(() => {
      expect(readDebriefLog(laptop.doc, runId).entries).toHaveLength(4);
      expect(readDebriefLog(tablet.doc, runId).entries).toHaveLength(4);
    });
    const onLaptop = foldDebrief(readDebriefLog(laptop.doc, runId).entries).current;
    const onTablet = foldDebrief(readDebriefLog(tablet.doc, runId).entries).current;
    expect(onLaptop).toEqual(onTablet);
    expect(['step-opening', 'step-teacher']).toContain(onLaptop?.stepId);
    // The next move, made after seeing the agreed step, wins on both.
    appendDebriefEntry(
      tablet.doc,
      runId,
      member,
      { kind: 'step', stepId: 'step-rationale' },
      ctxFor(member),
    );
    await waitFor(() =>
      expect(foldDebrief(readDebriefLog(laptop.doc, runId).entries).current?.stepId).toBe(
        'step-rationale',
      ),
    );
    laptop.destroy();
    tablet.destroy();
  });

  it('judgements, contributions and notes written offline on both devices merge without loss', async () => {
    const setup = await twoDevices();
    const { laptop, tablet, runId, owner, member, phases, pupil } = setup;
    laptop.destroy();
    tablet.destroy();
    const [p1, p2] = phases as [PhaseId, PhaseId];
    const write = (
      device: TestProvider,
      by: MemberId,
      input: Parameters<typeof appendDebriefEntry>[3],
    ) => appendDebriefEntry(device.doc, runId, by, input, ctxFor(by));
    write(laptop, owner, {
      kind: 'judgement',
      pupilId: pupil,
      phaseId: p1,
      value: 'better',
      text: 'laptop',
    });
    write(tablet, member, {
      kind: 'judgement',
      pupilId: pupil,
      phaseId: p2,
      value: 'worse',
      text: 'tablet',
    });
    for (let i = 0; i < 20; i++) {
      write(laptop, owner, {
        kind: 'contribution',
        stepId: 'step-pupils',
        text: `laptop ${i}`,
        evidence: [],
      });
      write(tablet, member, {
        kind: 'contribution',
        stepId: 'step-pupils',
        text: `tablet ${i}`,
        evidence: [],
      });
    }
    debriefNotes(laptop.doc, runId, 'step-pupils').insert(0, 'Laptop: strook werkt. ');
    debriefNotes(tablet.doc, runId, 'step-pupils').insert(0, 'Tablet: tempo te hoog. ');

    const again = [
      setup.reconnect(laptop, setup.tokens.owner),
      setup.reconnect(tablet, setup.tokens.member),
    ];
    await waitFor(
      () => {
        expect(again.every(isSettled)).toBe(true);
        for (const device of again)
          expect(readDebriefLog(device.doc, runId).entries).toHaveLength(44);
      },
      { timeout: 15_000 },
    );
    const states = again.map((device) => foldDebrief(readDebriefLog(device.doc, runId).entries));
    for (const state of states) {
      expect(state.judgements.get(cellKey(pupil, p1))?.text).toBe('laptop');
      expect(state.judgements.get(cellKey(pupil, p2))?.text).toBe('tablet');
      expect(state.contributions).toHaveLength(40);
    }
    expect(states[0]?.contributions).toEqual(states[1]?.contributions);
    const notes = again.map((device) => debriefNotes(device.doc, runId, 'step-pupils').toString());
    expect(notes[0]).toBe(notes[1]);
    expect(notes[0]).toContain('Laptop: strook werkt.');
    expect(notes[0]).toContain('Tablet: tempo te hoog.');
    for (const device of again) device.destroy();
  });
});
