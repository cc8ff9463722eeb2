import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCasePupil } from '../../../src/model/casePupils.ts';
import { readCycle, readResearchLesson, updateCycleMeta } from '../../../src/model/cycleDoc.ts';
import { addPhase, phaseText, removePhase } from '../../../src/model/phases.ts';
import { applyTextEdit } from '../../../src/model/textBinding.ts';
import { createCycleUndoManager } from '../../../src/model/undo.ts';
import { newCycle, RL1, replica, sync, testCtx } from './cycleTestUtils.ts';

describe('createCycleUndoManager', () => {
  it("undoes only this user's edits, not a remote doc's edits applied with another origin", () => {
    const mine = testCtx(1, { user: 'ans' });
    const theirs = testCtx(2, { user: 'bram' });
    const doc = newCycle(mine);
    const shared = addPhase(doc, RL1, { title: 'Instructie' }, mine);
    const other = replica(doc);
    const undo = createCycleUndoManager(doc, mine.origin, { captureTimeout: 0 });

    const myPhase = addPhase(doc, RL1, { title: 'mijn fase' }, mine);
    const text = phaseText(doc, RL1, shared, 'teacherActions');
    if (text === null) throw new Error('no text');
    applyTextEdit(text, 'Doet voor.', mine.origin);
    // A colleague edits the same text and adds a pupil, arriving through "the provider".
    const remoteText = phaseText(other, RL1, shared, 'teacherActions');
    if (remoteText === null) throw new Error('no text');
    const update = (fn: () => void) => {
      const before = Y.encodeStateVector(doc);
      fn();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), 'provider');
    };
    update(() => {
      sync(doc, other);
      applyTextEdit(remoteText, 'Doet voor. Vraagt door.', theirs.origin);
      addCasePupil(other, { pseudonym: 'Leerling A' }, theirs);
    });

    undo.undo(); // my text edit
    expect(text.toString()).toBe(' Vraagt door.');
    undo.undo(); // my phase
    expect(readResearchLesson(doc, RL1)?.phases.map((p) => p.id)).toEqual([shared]);
    expect(readCycle(doc).casePupils.map((p) => p.pseudonym)).toEqual(['Leerling A']);
    expect(undo.canUndo()).toBe(false);
    undo.redo();
    expect(readResearchLesson(doc, RL1)?.phases.map((p) => p.id)).toEqual([shared, myPhase]);
  });

  it('restores a removed phase with its texts and undoes meta changes', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const phase = addPhase(doc, RL1, { title: 'Lesdoel' }, ctx);
    const undo = createCycleUndoManager(doc, ctx.origin, { captureTimeout: 0 });
    removePhase(doc, RL1, phase, ctx);
    updateCycleMeta(doc, { title: 'Nieuw' }, ctx);
    undo.undo();
    undo.undo();
    expect(readCycle(doc).meta.title).toBe('Breuken vergelijken');
    expect(readResearchLesson(doc, RL1)?.phases.map((p) => p.title)).toEqual(['Lesdoel']);
  });

  it('tracks extra origins such as the rich-text binding', () => {
    const ctx = testCtx();
    const doc = newCycle(ctx);
    const editorOrigin = { editor: true };
    const undo = createCycleUndoManager(doc, ctx.origin, { trackedOrigins: [editorOrigin] });
    doc.transact(
      () => doc.getXmlFragment('text:goals').insert(0, [new Y.XmlText('doel')]),
      editorOrigin,
    );
    undo.undo();
    expect(doc.getXmlFragment('text:goals').length).toBe(0);
  });
});
