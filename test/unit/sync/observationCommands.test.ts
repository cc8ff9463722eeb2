import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { initCycleDoc, readCycle } from '../../../src/model/cycleDoc.ts';
import type { CasePupilId, QuestionId, RunId } from '../../../src/model/cycleTypes.ts';
import { readLog, runTemplatesMap } from '../../../src/model/eventLog.ts';
import { type MemberId, newDocId, newTeamId } from '../../../src/model/ids.ts';
import { planRun } from '../../../src/model/runs.ts';
import { db } from '../../../src/store/db.ts';
import {
  answerInterview,
  recordObservation,
  startObserving,
} from '../../../src/sync/commands/observation.ts';
import {
  closeAllDocs,
  type DocSession,
  localDbName,
  openSession,
} from '../../../src/sync/docSession.ts';
import { configureServer } from '../../../src/sync/serverUrl.ts';
import { RL1 } from '../model/cycleTestUtils.ts';
import { failNextWrites } from './diskFull.ts';

const ANS = 'ans0000000000000' as MemberId;

/** The document as committed in IndexedDB right now, read apart from the open session. */
async function storedCopy(docName: string): Promise<Y.Doc> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(localDbName(docName));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const updates = await new Promise<unknown[]>((resolve, reject) => {
    const request = database.transaction('updates').objectStore('updates').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  database.close();
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update as Uint8Array);
  return doc;
}

/** An open cycle with one planned run, stored. */
async function cycleWithRun(): Promise<{ session: DocSession; runId: RunId }> {
  const session = openSession(`${newTeamId()}/${newDocId()}`);
  await session.whenLoaded;
  const runId = await session.change((doc, ctx) => {
    initCycleDoc(doc, { title: 'Breuken', subject: '', yearGroup: '', createdBy: ANS }, ctx);
    return planRun(doc, { researchLessonId: RL1 }, ctx);
  });
  return { session, runId };
}

describe('observation commands', () => {
  beforeEach(async () => {
    await db.memberships.clear();
    configureServer({ syncUrl: 'ws://127.0.0.1:9/sync' });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await closeAllDocs();
    configureServer({});
  });

  it('writes a tap into the document at once and resolves once it is committed on this device', async () => {
    const { session, runId } = await cycleWithRun();
    const tally = { kind: 'tally', t: 1_000, phaseId: null, itemId: 'q' } as const;
    const { event, saved } = recordObservation(session, runId, ANS, tally);
    expect(event).toMatchObject({ ...tally, observer: ANS, seq: 0 });
    // In the caller's task: the IndexedDB write goes out with it, before any frame or timer.
    expect(readLog(session.doc, runId, ANS)).toEqual([event]);
    expect(session.state.save).toBe('saving');

    await saved;
    expect(session.state.save).toBe('saved');
    expect(readLog(await storedCopy(session.name), runId, ANS)).toEqual([event]);
    expect(recordObservation(session, runId, ANS, tally).event.seq).toBe(1);
  });

  it('refuses an event that breaks the rules, and any event once the document is closed', async () => {
    const { session, runId } = await cycleWithRun();
    expect(() =>
      recordObservation(session, runId, ANS, { kind: 'tally', t: 0, phaseId: null }),
    ).toThrow(RangeError);
    await session.close();
    expect(() =>
      recordObservation(session, runId, ANS, { kind: 'note', t: 0, phaseId: null, text: 'x' }),
    ).toThrow(/closed/);
  });

  it('stays unresolved while this device cannot store, and resolves when a retry commits', async () => {
    const { session, runId } = await cycleWithRun();
    failNextWrites(1);
    const note = { kind: 'note', t: 0, phaseId: null, text: 'legt uit' } as const;
    const { event, saved } = recordObservation(session, runId, ANS, note);
    let settled = false;
    void saved.finally(() => {
      settled = true;
    });
    await expect.poll(() => session.state.save).toBe('failed');
    expect(settled).toBe(false);
    expect(readLog(await storedCopy(session.name), runId, ANS)).toEqual([]);

    await saved;
    expect(session.state.save).toBe('saved');
    expect(readLog(await storedCopy(session.name), runId, ANS)).toEqual([event]);
  });

  it('starts observing in one edit: the start, the kijkwijzer and the observer listed', async () => {
    const { session, runId } = await cycleWithRun();
    let transactions = 0;
    session.doc.on('afterTransaction', () => {
      transactions += 1;
    });
    const template = { id: 'kw1', version: 2, name: 'Kijkwijzer' };
    const started = startObserving(session, runId, ANS, {
      phaseId: null,
      template,
      listAsObserver: true,
    });
    expect(transactions).toBe(1);

    const start = await started;
    expect(start.kind).toBe('start');
    const stored = await storedCopy(session.name);
    expect(readLog(stored, runId, ANS)).toEqual([start]);
    expect(runTemplatesMap(stored).get(runId)).toEqual(template);
    expect(readCycle(stored).runs[0]?.observers).toEqual([{ memberId: ANS, casePupilIds: [] }]);
  });

  it('leaves the observers alone for a planned observer', async () => {
    const { session, runId } = await cycleWithRun();
    await startObserving(session, runId, ANS, { phaseId: null, listAsObserver: false });
    expect(readCycle(session.doc).runs[0]?.observers).toEqual([]);
  });

  it('answers an interview question and says when nothing changed', async () => {
    const { session, runId } = await cycleWithRun();
    const input = {
      questionId: 'q000000000000001' as QuestionId,
      pupilId: 'pvpa000000000000' as CasePupilId,
      text: 'Met de strook',
    };
    const noted = await answerInterview(session, runId, ANS, input);
    expect(noted?.kind).toBe('note');
    expect(readLog(await storedCopy(session.name), runId, ANS)).toEqual([noted]);
    expect(await answerInterview(session, runId, ANS, input)).toBeNull();
    expect((await answerInterview(session, runId, ANS, { ...input, text: '' }))?.kind).toBe('undo');
  });
});
