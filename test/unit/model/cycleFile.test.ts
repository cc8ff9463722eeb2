import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCasePupil } from '../../../src/model/casePupils.ts';
import { cycleMetaMap, initCycleDoc, readCycle } from '../../../src/model/cycleDoc.ts';
import {
  CYCLE_FILE_VERSION,
  checkCycleFile,
  exportCycleFile,
  importCycleState,
} from '../../../src/model/cycleFile.ts';
import { appendEvent, readRunEvents, startObservation } from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { addPhase } from '../../../src/model/phases.ts';
import { planRun } from '../../../src/model/runs.ts';
import { newCycle, RL1, testCtx } from './cycleTestUtils.ts';

const ANS = 'ans0000000000000' as MemberId;
const CAS = 'cas0000000000000' as MemberId;

function observedCycle() {
  const ctx = testCtx();
  const doc = newCycle(ctx);
  const phase = addPhase(doc, RL1, { title: 'Instructie' }, ctx);
  addCasePupil(doc, { pseudonym: 'Leerling A' }, ctx);
  const run = planRun(doc, { researchLessonId: RL1, date: '2026-10-01' }, ctx);
  startObservation(doc, run, ANS, { phaseId: phase }, ctx);
  appendEvent(doc, run, ANS, { kind: 'note', t: 5, phaseId: phase, text: 'Rustig' }, ctx);
  return { doc, run };
}

describe('a cycle file', () => {
  it('names what it holds and imports into a new cycle with everything in it', () => {
    const { doc, run } = observedCycle();
    const text = exportCycleFile(doc, '2026-12-01T10:00:00.000Z');
    const json = JSON.parse(text);
    expect(json).toMatchObject({
      format: 'leskring-cycle',
      version: CYCLE_FILE_VERSION,
      title: 'Breuken vergelijken',
      researchLessons: 1,
      runs: 1,
      events: 2,
    });
    const checked = checkCycleFile(text);
    if (!checked.ok) throw new Error(checked.reason);
    const copy = new Y.Doc();
    const ctx = { ...testCtx(7), now: () => '2026-12-02T08:00:00.000Z' };
    importCycleState(copy, checked.state, CAS, ctx);
    initCycleDoc(copy, { title: checked.title, subject: '', yearGroup: '', createdBy: CAS }, ctx);
    const cycle = readCycle(copy);
    expect(cycle.meta.title).toBe('Breuken vergelijken');
    expect(cycle.meta.createdAt).toBe('2026-12-02T08:00:00.000Z');
    expect(cycle.meta.createdBy).toBe(CAS);
    expect(cycle.researchLessons).toHaveLength(1);
    expect(cycle.casePupils.map((pupil) => pupil.pseudonym)).toEqual(['Leerling A']);
    expect(readRunEvents(copy, run).map((event) => event.text ?? event.kind)).toEqual([
      'start',
      'Rustig',
    ]);
  });

  it('becomes another cycle: its own creation, so the source cycle’s log files do not fit it', () => {
    const { doc } = observedCycle();
    const checked = checkCycleFile(exportCycleFile(doc, '2026-12-01T10:00:00.000Z'));
    if (!checked.ok) throw new Error(checked.reason);
    const copy = new Y.Doc();
    importCycleState(copy, checked.state, CAS, testCtx(8));
    const ours = cycleMetaMap(copy)._map.get('createdAt')?.id;
    const theirs = cycleMetaMap(doc)._map.get('createdAt')?.id;
    expect(ours?.client === theirs?.client && ours?.clock === theirs?.clock).toBe(false);
  });

  it('refuses bad files with a reason', () => {
    const { doc } = observedCycle();
    const good = JSON.parse(exportCycleFile(doc, '2026-12-01T10:00:00.000Z'));
    const reason = (text: string) => {
      const checked = checkCycleFile(text);
      return checked.ok ? 'ok' : checked.reason;
    };
    expect(reason('')).toBe('empty');
    expect(reason('{"format":')).toBe('not-json');
    expect(reason('{"name":"Kijkwijzer"}')).toBe('not-a-cycle');
    expect(reason(JSON.stringify({ ...good, version: CYCLE_FILE_VERSION + 1 }))).toBe(
      'newer-version',
    );
    expect(reason(JSON.stringify({ ...good, state: 'AAAA' }))).toBe('corrupt');
    expect(reason(JSON.stringify({ ...good, state: good.state.slice(0, 40) }))).toBe('corrupt');
    expect(reason(JSON.stringify({ ...good, state: 'not base64!' }))).toBe('not-a-cycle');
    const empty = new Y.Doc();
    expect(
      reason(
        JSON.stringify({
          ...good,
          state: btoa(String.fromCharCode(...Y.encodeStateAsUpdate(empty))),
        }),
      ),
    ).toBe('corrupt');
    expect(reason(JSON.stringify(good))).toBe('ok');
  });
});
