import { afterEach, describe, expect, it, vi } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { LocalDocStore } from '../../../src/sync/localDocStore.ts';
import { failNextWrites } from './diskFull.ts';

let counter = 0;
const stores: LocalDocStore[] = [];
function freshName(): string {
  counter += 1;
  return `y:local-store-test-${counter}-${Math.random().toString(36).slice(2)}`;
}
function open(name: string, doc = new Y.Doc()): LocalDocStore {
  const store = new LocalDocStore(name, doc);
  stores.push(store);
  return store;
}

/** What a fresh device-side load of the database holds. */
async function reload(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const store = new LocalDocStore(name, doc);
  await store.whenLoaded;
  await store.destroy();
  return doc;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(stores.splice(0).map((store) => store.destroy()));
});

describe('LocalDocStore (the storage contract every document on the device keeps)', () => {
  it('has an edit on disk once whenStored resolves, with no other wait', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = open(name, doc);
    await store.whenLoaded;
    doc.getMap('meta').set('name', 'Onderbouw');
    doc.getText('plan').insert(0, 'Instructie');
    await store.whenStored();
    const again = await reload(name);
    expect(again.getMap('meta').get('name')).toBe('Onderbouw');
    expect(again.getText('plan').toString()).toBe('Instructie');
  });

  it('keeps edits made before the database opened and writes them once it has', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = open(name, doc);
    doc.getArray('events').push(['vroeg']);
    await store.whenLoaded;
    await store.whenStored();
    expect((await reload(name)).getArray('events').toArray()).toEqual(['vroeg']);
  });

  it('reads copies written by y-indexeddb (earlier versions of the app) and they write to it', async () => {
    const name = freshName();
    const old = new Y.Doc();
    const persistence = new IndexeddbPersistence(name, old);
    await persistence.whenSynced;
    old.getMap('meta').set('name', 'Van vroeger');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await persistence.destroy();

    const doc = new Y.Doc();
    const store = open(name, doc);
    await store.whenLoaded;
    expect(doc.getMap('meta').get('name')).toBe('Van vroeger');
    doc.getMap('meta').set('name', 'Nu');
    await store.whenStored();

    const check = new Y.Doc();
    const reader = new IndexeddbPersistence(name, check);
    await reader.whenSynced;
    expect(check.getMap('meta').get('name')).toBe('Nu');
    await reader.destroy();
  });

  it('folds a long log into one entry on load, losing nothing', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = open(name, doc);
    await store.whenLoaded;
    for (let i = 0; i < 600; i++) doc.getArray<number>('taps').push([i]);
    await store.whenStored();
    await store.destroy();
    const second = open(name);
    await second.whenLoaded;
    await second.destroy();
    const again = await reload(name);
    expect(again.getArray('taps').length).toBe(600);
  });

  it('keeps a change whose write fails, says so, and writes it when storage recovers', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = open(name, doc);
    await store.whenLoaded;
    const problems: Array<string | null> = [];
    store.onProblem((problem) => problems.push(problem?.kind ?? null));

    failNextWrites(2);

    doc.getMap('meta').set('name', 'Bewaard ondanks een volle schijf');
    expect(store.problem?.kind).toBe('QuotaExceededError');
    await store.whenStored();
    expect(problems[0]).toBe('QuotaExceededError');
    expect(problems.at(-1)).toBeNull();
    expect(store.problem).toBeNull();
    expect((await reload(name)).getMap('meta').get('name')).toBe(
      'Bewaard ondanks een volle schijf',
    );
  });

  it('keeps two tabs with the same document in step', async () => {
    const name = freshName();
    const first = new Y.Doc();
    const second = new Y.Doc();
    const a = open(name, first);
    const b = open(name, second);
    await Promise.all([a.whenLoaded, b.whenLoaded]);
    first.getText('plan').insert(0, 'Tab één');
    await vi.waitFor(() => expect(second.getText('plan').toString()).toBe('Tab één'));
    second.getText('plan').insert(7, ' en twee');
    await vi.waitFor(() => expect(first.getText('plan').toString()).toBe('Tab één en twee'));
    await Promise.all([a.whenStored(), b.whenStored()]);
    expect((await reload(name)).getText('plan').toString()).toBe('Tab één en twee');
  });
});
