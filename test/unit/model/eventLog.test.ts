import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PhaseId, RunId } from '../../../src/model/cycleTypes.ts';
import {
  appendEvent,
  type EventInput,
  extendFold,
  foldEvents,
  foldKey,
  logLength,
  type ObservationEvent,
  observationLogName,
  observedRuns,
  onRunLogChange,
  parseObservationLogName,
  readLog,
  readRunEvents,
  readRunLog,
  runObservers,
  startObservation,
  touchesOnlyObservationLogs,
} from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { readRunTemplate } from '../../../src/model/runTemplate.ts';
import { newCycle, replica, sync, testCtx } from './cycleTestUtils.ts';

const RUN = 'rvn0000000000000' as RunId;
const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;
const P1 = 'phase00000000001' as PhaseId;
const P2 = 'phase00000000002' as PhaseId;
const PUPIL = 'pvp1000000000000';

const tap = (input: Partial<EventInput> & Pick<EventInput, 'kind'>): EventInput => ({
  t: 1000,
  phaseId: P1,
  ...input,
});

describe('appendEvent', () => {
  it('assigns unique ids, the wall clock and a seq that counts per observer', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const a0 = appendEvent(doc, RUN, ANS, tap({ kind: 'start', t: 0 }), ctx);
    const a1 = appendEvent(doc, RUN, ANS, tap({ kind: 'tally', itemId: 'q' }), ctx);
    const b0 = appendEvent(doc, RUN, BRAM, tap({ kind: 'start', t: 0 }), ctx);
    const a2 = appendEvent(doc, RUN, ANS, tap({ kind: 'note', text: 'kijkt mee' }), ctx);
    expect([a0.seq, a1.seq, a2.seq, b0.seq]).toEqual([0, 1, 2, 0]);
    expect(new Set([a0.id, a1.id, a2.id, b0.id]).size).toBe(4);
    expect(a1).toEqual({
      id: a1.id,
      observer: ANS,
      seq: 1,
      t: 1000,
      at: '2026-09-01T08:00:02.000Z',
      phaseId: P1,
      kind: 'tally',
      itemId: 'q',
    });
    expect(readLog(doc, RUN, ANS)).toEqual([a0, a1, a2]);
    expect(readLog(doc, RUN, BRAM)).toEqual([b0]);
    expect(runObservers(doc, RUN)).toEqual([ANS, BRAM]);
    expect(observedRuns(doc)).toEqual([RUN]);
  });

  it('writes one transaction per event', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    let updates = 0;
    doc.on('update', () => updates++);
    appendEvent(doc, RUN, ANS, tap({ kind: 'check', itemId: 'c', value: true }), ctx);
    expect(updates).toBe(1);
  });

  it.each<[string, EventInput]>([
    ['phase without a phase', { kind: 'phase', t: 0, phaseId: null }],
    ['tally without an item', tap({ kind: 'tally' })],
    ['tally with a fractional step', tap({ kind: 'tally', itemId: 'q', value: 0.5 })],
    ['check without a boolean', tap({ kind: 'check', itemId: 'c', value: 1 })],
    ['rating of 5', tap({ kind: 'rating', itemId: 'r', value: 5 })],
    ['rating of 0', tap({ kind: 'rating', itemId: 'r', value: 0 })],
    ['interval without a count', tap({ kind: 'interval', itemId: 'i' })],
    ['negative interval count', tap({ kind: 'interval', itemId: 'i', value: -1 })],
    ['empty note', tap({ kind: 'note', text: '   ' })],
    ['too long note', tap({ kind: 'note', text: 'x'.repeat(5001) })],
    ['photo without a hash', tap({ kind: 'photo' })],
    ['undo without a target', tap({ kind: 'undo' })],
    ['undo of a malformed target', tap({ kind: 'undo', target: 'nope' })],
    ['edit without a value or text', tap({ kind: 'edit', target: 'abcdefghjkmnpqrs' })],
    ['negative t', tap({ kind: 'start', t: -1 })],
    ['t not a number', tap({ kind: 'start', t: Number.NaN })],
    ['an unknown kind', tap({ kind: 'wave' as 'start' })],
    ['a malformed pupil id', tap({ kind: 'tally', itemId: 'q', pupilId: 'Jan' })],
  ])('refuses %s and writes nothing', (_, input) => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    expect(() => appendEvent(doc, RUN, ANS, input, ctx)).toThrow(RangeError);
    expect(readLog(doc, RUN, ANS)).toEqual([]);
  });

  it('refuses a malformed observer or run id', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    expect(() => appendEvent(doc, RUN, 'x' as MemberId, tap({ kind: 'start' }), ctx)).toThrow(
      RangeError,
    );
    expect(() => appendEvent(doc, 'a:b' as RunId, ANS, tap({ kind: 'start' }), ctx)).toThrow(
      RangeError,
    );
  });

  it('accepts every kind with its required fields', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const start = appendEvent(doc, RUN, ANS, tap({ kind: 'start', t: 0 }), ctx);
    const inputs: EventInput[] = [
      tap({ kind: 'phase', phaseId: P2 }),
      tap({ kind: 'tally', itemId: 'q', pupilId: PUPIL }),
      tap({ kind: 'tally', itemId: 'q', value: -1 }),
      tap({ kind: 'check', itemId: 'c', value: false }),
      tap({ kind: 'rating', itemId: 'r', value: 4 }),
      tap({ kind: 'interval', itemId: 'i', value: 23 }),
      tap({ kind: 'note', text: 'vraagt hulp' }),
      tap({ kind: 'photo', photo: 'a'.repeat(64), text: 'schrift' }),
      tap({ kind: 'edit', target: start.id, text: 'later' }),
      tap({ kind: 'undo', target: start.id }),
      tap({ kind: 'end', t: 3_000_000 }),
    ];
    for (const input of inputs) appendEvent(doc, RUN, ANS, input, ctx);
    expect(readLog(doc, RUN, ANS)).toHaveLength(inputs.length + 1);
  });
});

describe('startObservation', () => {
  it('writes a start event and keeps the first template version of the run', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const template = { id: 'tpl', version: 2, name: 'EDI' };
    const start = startObservation(doc, RUN, ANS, { phaseId: P1, template }, ctx);
    expect(start).toMatchObject({ kind: 'start', t: 0, seq: 0, phaseId: P1 });
    startObservation(doc, RUN, BRAM, { phaseId: P1, template: { id: 'tpl', version: 3 } }, ctx);
    expect(readRunTemplate(doc, RUN)).toMatchObject(template);
    expect(readRunTemplate(doc, 'thr0000000000000' as RunId)).toBeNull();
  });
});

describe('observation log names', () => {
  it('round-trips and rejects other names', () => {
    const name = observationLogName(RUN, ANS);
    expect(parseObservationLogName(name)).toEqual({ runId: RUN, observer: ANS });
    expect(parseObservationLogName('meta')).toBeNull();
    expect(parseObservationLogName(`${name}:x`)).toBeNull();
    expect(parseObservationLogName('observations:x:y')).toBeNull();
  });
});

describe('readRunEvents', () => {
  it('merges the observers of a run, sorted by wall clock, observer and seq', () => {
    const base = newCycle(testCtx(1));
    const a = replica(base);
    const b = replica(base);
    const ctxA = testCtx(2);
    const ctxB = testCtx(3);
    const a0 = appendEvent(a, RUN, ANS, tap({ kind: 'start', t: 0 }), ctxA);
    const b0 = appendEvent(b, RUN, BRAM, tap({ kind: 'start', t: 0 }), ctxB);
    const b1 = appendEvent(b, RUN, BRAM, tap({ kind: 'tally', itemId: 'q' }), ctxB);
    const a1 = appendEvent(a, RUN, ANS, tap({ kind: 'tally', itemId: 'q' }), ctxA);
    appendEvent(a, 'thr0000000000000' as RunId, ANS, tap({ kind: 'start' }), ctxA);
    sync(a, b);
    // Same clock ticks on both: ties break on the observer.
    expect(readRunEvents(a, RUN)).toEqual([a0, b0, a1, b1]);
    expect(readRunEvents(b, RUN)).toEqual(readRunEvents(a, RUN));
  });

  it('skips and counts malformed entries and entries under another observer', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const good = appendEvent(doc, RUN, ANS, tap({ kind: 'tally', itemId: 'q' }), ctx);
    const log = doc.getArray(observationLogName(RUN, ANS));
    log.push([
      { ...good, id: 'abcdefghjkmnpqrs', kind: 'rating', value: 9 },
      { ...good, id: 'abcdefghjkmnpqr0', observer: BRAM },
      'garbage',
      null,
      { ...good, id: 'abcdefghjkmnpqr1', t: -5 },
    ]);
    doc.getMap('observations:notARun:x').set('a', 1);
    const { events, skipped } = readRunLog(doc, RUN);
    expect(events).toEqual([good]);
    expect(skipped).toBe(5);
  });

  it('keeps an event that reached two logs once', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const good = appendEvent(doc, RUN, ANS, tap({ kind: 'tally', itemId: 'q' }), ctx);
    doc.getArray(observationLogName(RUN, ANS)).push([good]);
    const { events, duplicates } = readRunLog(doc, RUN);
    expect(events).toEqual([good]);
    expect(duplicates).toBe(1);
  });

  it('returns nothing for a run without logs', () => {
    expect(readRunEvents(new Y.Doc(), RUN)).toEqual([]);
  });
});

describe('onRunLogChange', () => {
  it('fires for local and remote changes of the run only', () => {
    const ctx = testCtx();
    const a = newCycle(ctx);
    const b = replica(a);
    let calls = 0;
    const off = onRunLogChange(b, RUN, () => calls++);
    appendEvent(b, RUN, BRAM, tap({ kind: 'start' }), ctx);
    expect(calls).toBe(1);
    appendEvent(a, RUN, ANS, tap({ kind: 'start' }), ctx);
    appendEvent(a, 'thr0000000000000' as RunId, ANS, tap({ kind: 'start' }), ctx);
    sync(a, b);
    expect(calls).toBe(2);
    off();
    appendEvent(b, RUN, BRAM, tap({ kind: 'end' }), ctx);
    expect(calls).toBe(2);
  });
});

describe('foldEvents', () => {
  const ctx = testCtx(9);
  const doc = newCycle(ctx);
  const add = (input: Partial<EventInput> & Pick<EventInput, 'kind'>): ObservationEvent =>
    appendEvent(doc, RUN, ANS, tap(input), ctx);

  it('keeps an undone tap out of the tally and restores it when the undo is undone', () => {
    const t1 = add({ kind: 'tally', itemId: 'q', pupilId: PUPIL });
    const t2 = add({ kind: 'tally', itemId: 'q', pupilId: PUPIL });
    const undo = add({ kind: 'undo', target: t2.id });
    const key = foldKey(t1);
    expect(key).toBe(`q|${PUPIL}|${P1}`);
    const once = foldEvents([t1, t2, undo]);
    expect(once.tallies.get(key)).toBe(1);
    expect(once.effective).toEqual([t1]);
    const redo = add({ kind: 'undo', target: undo.id });
    expect(foldEvents([t1, t2, undo, redo]).tallies.get(key)).toBe(2);
    const again = add({ kind: 'undo', target: redo.id });
    expect(foldEvents([t1, t2, undo, redo, again]).tallies.get(key)).toBe(1);
  });

  it('applies an edit to the value or text of its target; the last edit wins', () => {
    const rating = add({ kind: 'rating', itemId: 'r', value: 2 });
    const note = add({ kind: 'note', text: 'eerst' });
    const e1 = add({ kind: 'edit', target: rating.id, value: 3 });
    const e2 = add({ kind: 'edit', target: rating.id, value: 4 });
    const e3 = add({ kind: 'edit', target: note.id, text: 'daarna' });
    const folded = foldEvents([rating, note, e1, e2, e3]);
    expect(folded.ratings.get(foldKey(rating))).toEqual([4]);
    expect(folded.notes.map((n) => n.text)).toEqual(['daarna']);
    expect(folded.effective.map((e) => e.id)).toEqual([rating.id, note.id]);
    // Undoing the last edit falls back to the one before.
    const undo = add({ kind: 'undo', target: e2.id });
    expect(foldEvents([rating, note, e1, e2, e3, undo]).ratings.get(foldKey(rating))).toEqual([3]);
  });

  it('ignores corrections of unknown targets, edits of corrections and invalid edits', () => {
    const check = add({ kind: 'check', itemId: 'c', value: true });
    const ghost = 'ghst000000000000';
    const undoGhost = add({ kind: 'undo', target: ghost });
    const editGhost = add({ kind: 'edit', target: ghost, value: 1 });
    const bad = add({ kind: 'edit', target: check.id, value: 7 });
    const editUndo = add({ kind: 'edit', target: undoGhost.id, text: 'x' });
    const folded = foldEvents([check, undoGhost, editGhost, bad, editUndo]);
    expect(folded.effective).toEqual([check]);
    expect(folded.checks.get(foldKey(check))).toBe(true);
  });

  it('counts tally steps, keeps the last check, and collects notes and photos', () => {
    const events = [
      add({ kind: 'tally', itemId: 'q', value: 3 }),
      add({ kind: 'tally', itemId: 'q', value: -1 }),
      add({ kind: 'check', itemId: 'c', value: true }),
      add({ kind: 'check', itemId: 'c', value: false }),
      add({ kind: 'photo', photo: 'hash0000hash', text: 'werk' }),
      add({ kind: 'note', text: 'n' }),
    ];
    const folded = foldEvents([...events, ...events]);
    expect(folded.tallies.get(`q||${P1}`)).toBe(2);
    expect(folded.checks.get(`c||${P1}`)).toBe(false);
    expect(folded.photos).toHaveLength(1);
    expect(folded.notes).toHaveLength(1);
    expect(folded.effective).toHaveLength(6);
  });

  it("counts a team's tallies apart and refuses a team on other kinds", () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const red = appendEvent(doc, RUN, ANS, tap({ kind: 'tally', itemId: 'talk', team: 0 }), ctx);
    appendEvent(doc, RUN, ANS, tap({ kind: 'tally', itemId: 'talk', team: 0 }), ctx);
    const blue = appendEvent(doc, RUN, ANS, tap({ kind: 'tally', itemId: 'talk', team: 1 }), ctx);
    const folded = foldEvents(readRunEvents(doc, RUN));
    expect(folded.tallies.get(foldKey(red))).toBe(2);
    expect(folded.tallies.get(foldKey(blue))).toBe(1);
    expect(folded.tallies.get(foldKey({ itemId: 'talk', phaseId: P1 }))).toBeUndefined();
    expect(() =>
      appendEvent(doc, RUN, ANS, tap({ kind: 'check', itemId: 'c', value: true, team: 0 }), ctx),
    ).toThrow(RangeError);
    expect(() =>
      appendEvent(doc, RUN, ANS, tap({ kind: 'tally', itemId: 'talk', team: 12 }), ctx),
    ).toThrow(RangeError);
  });

  it('survives a cycle of undos a malformed peer could write', () => {
    const tally = add({ kind: 'tally', itemId: 'q' });
    const u1: ObservationEvent = {
      ...tally,
      id: 'vnd0000000000001',
      kind: 'undo',
      target: 'vnd0000000000002',
    };
    const u2: ObservationEvent = {
      ...tally,
      id: 'vnd0000000000002',
      kind: 'undo',
      target: 'vnd0000000000001',
    };
    const folded = foldEvents([tally, u1, u2]);
    expect(folded.effective).toEqual([tally]);
  });
});

describe('touchesOnlyObservationLogs', () => {
  it('tells a tap from an edit of the plan', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const seen: boolean[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.changed.size > 0) seen.push(touchesOnlyObservationLogs(doc, tr));
    });
    appendEvent(doc, RUN, ANS, tap({ kind: 'start' }), ctx);
    doc.getMap('meta').set('title', 'x');
    doc.transact(() => {
      appendEvent(doc, RUN, ANS, tap({ kind: 'note', text: 'a' }), ctx);
      doc.getMap('meta').set('title', 'y');
    });
    expect(seen).toEqual([true, false, false]);
  });
});

describe('extendFold', () => {
  it('equals a full fold, whether it extends or has to fold again', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const add = (input: EventInput) => appendEvent(doc, RUN, ANS, input, ctx);
    add(tap({ kind: 'start' }));
    const first = add(tap({ kind: 'tally', itemId: 'q', pupilId: PUPIL }));
    let events = readLog(doc, RUN, ANS);
    let folded = foldEvents(events);
    const steps: EventInput[] = [
      tap({ kind: 'tally', itemId: 'q', pupilId: PUPIL }),
      tap({ kind: 'rating', itemId: 'r', value: 2 }),
      tap({ kind: 'undo', target: first.id }),
      tap({ kind: 'check', itemId: 'c', value: true }),
      tap({ kind: 'note', text: 'zie je' }),
    ];
    for (const step of steps) {
      add(step);
      const next = readLog(doc, RUN, ANS);
      folded = extendFold(folded, next, next.slice(events.length));
      events = next;
      const full = foldEvents(events);
      expect(folded.effective).toEqual(full.effective);
      expect([...folded.tallies]).toEqual([...full.tallies]);
      expect([...folded.ratings]).toEqual([...full.ratings]);
      expect([...folded.checks]).toEqual([...full.checks]);
      expect(folded.notes).toEqual(full.notes);
    }
    expect(folded.tallies.get(foldKey(first))).toBe(1);
  });

  it('folds again when a new record is the target of an earlier correction', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const record = { ...appendEvent(doc, RUN, BRAM, tap({ kind: 'tally', itemId: 'q' }), ctx) };
    const undo = appendEvent(doc, RUN, ANS, tap({ kind: 'undo', target: record.id }), ctx);
    const before = foldEvents([undo]);
    const extended = extendFold(before, [undo, record], [record]);
    expect(extended.effective).toEqual([]);
  });

  it('counts an event that arrives again (same id) once', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const record = appendEvent(doc, RUN, ANS, tap({ kind: 'tally', itemId: 'q' }), ctx);
    const other = appendEvent(doc, RUN, ANS, tap({ kind: 'tally', itemId: 'q' }), ctx);
    const before = foldEvents([record, other]);
    const extended = extendFold(before, [record, other, record], [record]);
    expect(extended.effective).toEqual([record, other]);
    expect(extended.tallies.get(foldKey(record))).toBe(2);
  });
});

describe('logLength', () => {
  it('counts a log that arrived from another device before anything read it as an array', () => {
    const ctx = testCtx();
    const here = newCycle(ctx);
    const run = 'rvn0000000000001' as RunId;
    const observer = 'kbs0000000000001' as MemberId;
    const there = new Y.Doc();
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here));
    for (let t = 0; t < 3; t++)
      appendEvent(there, run, observer, { kind: 'note', t, phaseId: null, text: 'x' }, ctx);
    Y.applyUpdate(here, Y.encodeStateAsUpdate(there));
    expect(logLength(here, run, observer)).toBe(3);
    expect(logLength(here, run, 'kbs0000000000002' as MemberId)).toBe(0);
  });
});
