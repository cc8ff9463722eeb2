import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextEdit, textSplice } from '../../../src/model/textBinding.ts';
import { sync } from './cycleTestUtils.ts';

describe('textSplice', () => {
  it('keeps the common prefix and suffix', () => {
    expect(textSplice('abc', 'abc')).toBeNull();
    expect(textSplice('de les', 'de goede les')).toEqual({ index: 3, remove: 0, insert: 'goede ' });
    expect(textSplice('de goede les', 'de les')).toEqual({ index: 3, remove: 6, insert: '' });
    expect(textSplice('kat', 'hat')).toEqual({ index: 0, remove: 1, insert: 'h' });
    expect(textSplice('', 'nieuw')).toEqual({ index: 0, remove: 0, insert: 'nieuw' });
    expect(textSplice('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
  });

  it('never splits a surrogate pair', () => {
    expect(textSplice('x😀y', 'x😁y')).toEqual({ index: 1, remove: 2, insert: '😁' });
    expect(textSplice('😀', '🙀')).toEqual({ index: 0, remove: 2, insert: '🙀' });
  });
});

describe('applyTextEdit', () => {
  it('splices a Y.Text to the new value in one transaction with the origin', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Leerlingen tekenen');
    const origin = { user: 'a' };
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    applyTextEdit(text, 'Leerlingen tekenen stroken', origin);
    applyTextEdit(text, 'Leerlingen tekenen stroken', origin);
    expect(text.toString()).toBe('Leerlingen tekenen stroken');
    expect(origins).toEqual([origin]);
  });

  it('keeps both insertions when two docs edit the same text concurrently', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'De leerling vergelijkt breuken.');
    sync(a, b);
    // Each textarea reports its whole value; the binding turns it into a splice.
    applyTextEdit(a.getText('t'), 'De zwakke leerling vergelijkt breuken.', { user: 'a' });
    applyTextEdit(b.getText('t'), 'De leerling vergelijkt breuken met stroken.', { user: 'b' });
    sync(a, b);
    expect(a.getText('t').toString()).toBe('De zwakke leerling vergelijkt breuken met stroken.');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });
});
