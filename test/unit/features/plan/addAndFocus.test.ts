import { afterEach, describe, expect, it, vi } from 'vitest';
import { addAndFocus } from '../../../../src/features/plan/addAndFocus.ts';
import { newDocId, newTeamId } from '../../../../src/model/ids.ts';
import { closeAllDocs, openSession } from '../../../../src/sync/docSession.ts';

describe('addAndFocus', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await closeAllDocs();
  });

  it('adds through the session and asks for the focus in the next frame, before the commit', async () => {
    const session = openSession(`${newTeamId()}/${newDocId()}`);
    await session.whenLoaded;
    const frames: Array<() => void> = [];
    const focus = vi.fn();
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
    vi.stubGlobal('document', {
      querySelector: (selector: string) => ({ focus: () => focus(selector) }),
    });
    const origins: unknown[] = [];
    session.doc.on('afterTransaction', (tr: { origin: unknown }) => origins.push(tr.origin));

    addAndFocus(
      session,
      (doc) => {
        doc.getArray('list').push(['nieuw']);
        return 'id1';
      },
      (id) => `[data-id="${id}"] textarea`,
    );
    expect(session.doc.getArray('list').toArray()).toEqual(['nieuw']);
    expect(origins).toEqual([session.origin]);
    expect(session.state.save).toBe('saving');
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(focus).toHaveBeenCalledWith('[data-id="id1"] textarea');
    await session.whenStored();
  });

  it('throws what the edit throws, asking for no focus', async () => {
    const session = openSession(`${newTeamId()}/${newDocId()}`);
    await session.whenLoaded;
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
    expect(() =>
      addAndFocus(
        session,
        () => {
          throw new RangeError('at most 8 case pupils');
        },
        () => 'textarea',
      ),
    ).toThrow(RangeError);
    expect(frames).toEqual([]);
  });
});
