import { afterEach, describe, expect, it } from 'vitest';
import { changeWithUndo } from '../../../../src/features/plan/changeWithUndo.ts';
import { initCycleDoc, readCycle, researchLessonsMap } from '../../../../src/model/cycleDoc.ts';
import type { ResearchLessonId } from '../../../../src/model/cycleTypes.ts';
import { newDocId, newTeamId } from '../../../../src/model/ids.ts';
import { addPhase, removePhase, setPhaseMinutes } from '../../../../src/model/phases.ts';
import { createCycleUndoManager } from '../../../../src/model/undo.ts';
import { closeAllDocs, type DocSession, openSession } from '../../../../src/sync/docSession.ts';

const RL1 = 'rl1' as ResearchLessonId;

async function cycleWithTwoPhases(): Promise<DocSession> {
  const session = openSession(`${newTeamId()}/${newDocId()}`);
  await session.whenLoaded;
  await session.change((doc, ctx) => {
    initCycleDoc(doc, { title: 'Breuken', subject: '', yearGroup: '', createdBy: null }, ctx);
    addPhase(doc, RL1, { title: 'Start' }, ctx);
    addPhase(doc, RL1, { title: 'Instructie' }, ctx);
  });
  return session;
}

const titles = (session: DocSession) =>
  readCycle(session.doc).researchLessons[0]?.phases.map((phase) => phase.title);

describe('changeWithUndo', () => {
  afterEach(() => closeAllDocs());

  it('resolves once the removal is committed, with an undo of exactly that removal', async () => {
    const session = await cycleWithTwoPhases();
    const [start, instruction] = readCycle(session.doc).researchLessons[0]?.phases ?? [];
    if (!start || !instruction) throw new Error('no phases');

    const removed = changeWithUndo(session, researchLessonsMap(session.doc), () =>
      session.change((doc, ctx) => removePhase(doc, RL1, start.id, ctx)),
    );
    expect(titles(session)).toEqual(['Instructie']);
    expect(session.state.save).toBe('saving');
    const undo = await removed;
    expect(session.state.save).toBe('saved');

    // A later edit of this user is not part of the toast's undo.
    await session.change((doc, ctx) => setPhaseMinutes(doc, RL1, instruction.id, 12, ctx));
    undo();
    expect(titles(session)).toEqual(['Start', 'Instructie']);
    expect(readCycle(session.doc).researchLessons[0]?.phases[1]?.minutes).toBe(12);
  });

  it('carries the session origin, so the page-wide undo undoes the removal too', async () => {
    const session = await cycleWithTwoPhases();
    const pageUndo = createCycleUndoManager(session.doc, session.origin);
    const [start] = readCycle(session.doc).researchLessons[0]?.phases ?? [];
    if (!start) throw new Error('no phases');

    await changeWithUndo(session, researchLessonsMap(session.doc), () =>
      session.change((doc, ctx) => removePhase(doc, RL1, start.id, ctx)),
    );
    pageUndo.undo();
    expect(titles(session)).toEqual(['Start', 'Instructie']);
    pageUndo.destroy();
  });

  it('rejects on a closed document', async () => {
    const session = await cycleWithTwoPhases();
    const scope = researchLessonsMap(session.doc);
    await session.close();
    await expect(
      changeWithUndo(session, scope, () => session.change((doc) => doc.getMap('x').set('y', 1))),
    ).rejects.toThrow(/closed/);
  });
});
