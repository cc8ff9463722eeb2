import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberId } from '../../../src/model/ids.ts';
import type { ManualHours } from '../../../src/model/learningHours.ts';
import type { FollowedItem } from '../../../src/model/plgOverview.ts';
import {
  addManualHours,
  learningHoursMap,
  MAX_FOLLOWED_ITEMS,
  MAX_HOURS_DESCRIPTION,
  MAX_MANUAL_MINUTES,
  MAX_TARGET_HOURS,
  plgMap,
  readManualHours,
  readPlgSettings,
  removeManualHours,
  setFollowedItems,
  setTargetHours,
  TEAM_LEARNING_HOURS,
  TEAM_PLG,
} from '../../../src/model/plgSettings.ts';

const ANS = 'ans0000000000000' as MemberId;
const BRAM = 'bram000000000000' as MemberId;

const item = (label: string, kind: FollowedItem['kind'] = 'tally'): FollowedItem => ({
  key: `${kind}:${label.toLowerCase()}`,
  label,
  kind,
});

const entry = (overrides: Partial<Omit<ManualHours, 'id'>> = {}): Omit<ManualHours, 'id'> => ({
  memberId: ANS,
  date: '2026-10-01',
  minutes: 120,
  description: 'Studiedag rekenen',
  ...overrides,
});

describe('PLG settings', () => {
  it('defaults to a target of 20 hours and no followed items', () => {
    expect(readPlgSettings(new Y.Doc())).toEqual({ targetHours: 20, followedItems: [] });
  });

  it('stores the target in the plg map and reads it back', () => {
    const doc = new Y.Doc();
    setTargetHours(doc, 15);
    expect(readPlgSettings(doc).targetHours).toBe(15);
    expect(doc.getMap(TEAM_PLG).get('targetHours')).toBe(15);
    setTargetHours(doc, 1);
    expect(readPlgSettings(doc).targetHours).toBe(1);
    setTargetHours(doc, MAX_TARGET_HOURS);
    expect(readPlgSettings(doc).targetHours).toBe(200);
  });

  it('refuses a target that is not 1–200 whole hours, and keeps the old one', () => {
    const doc = new Y.Doc();
    setTargetHours(doc, 25);
    for (const hours of [0, -1, 201, 12.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => setTargetHours(doc, hours), String(hours)).toThrow(RangeError);
    expect(readPlgSettings(doc).targetHours).toBe(25);
  });

  it('writes under the given origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    const origin = { user: 'ans' };
    setTargetHours(doc, 10, origin);
    setFollowedItems(doc, [item('Hulp')], origin);
    addManualHours(doc, 'h1', entry(), origin);
    removeManualHours(doc, 'h1', origin);
    expect(origins).toEqual([origin, origin, origin, origin]);
  });

  it('reads a malformed target or list from a peer as the default', () => {
    const doc = new Y.Doc();
    plgMap(doc).set('targetHours', 'twintig');
    plgMap(doc).set('followedItems', [{ key: 'x', label: 'X', kind: 'unknown' }]);
    expect(readPlgSettings(doc)).toEqual({ targetHours: 20, followedItems: [] });
    plgMap(doc).set('targetHours', 0);
    plgMap(doc).set(
      'followedItems',
      Array.from({ length: MAX_FOLLOWED_ITEMS + 1 }, (_, i) => item(`Item ${i}`)),
    );
    expect(readPlgSettings(doc)).toEqual({ targetHours: 20, followedItems: [] });
  });

  it('stores the followed items in order', () => {
    const doc = new Y.Doc();
    const items = [item('Vraagt om hulp'), item('Betrokkenheid', 'rating')];
    setFollowedItems(doc, items);
    expect(readPlgSettings(doc).followedItems).toEqual(items);
    setFollowedItems(doc, []);
    expect(readPlgSettings(doc).followedItems).toEqual([]);
  });

  it('keeps one item per key', () => {
    const doc = new Y.Doc();
    setFollowedItems(doc, [item('Hulp'), item('Begrip', 'rating'), item('Hulp')]);
    expect(readPlgSettings(doc).followedItems).toEqual([item('Hulp'), item('Begrip', 'rating')]);
  });

  it('keeps a key that is repeated with another label once, at its first place', () => {
    const doc = new Y.Doc();
    setFollowedItems(doc, [
      { key: 'tally:hulp', label: 'Hulp', kind: 'tally' },
      item('Begrip', 'rating'),
      { key: 'tally:hulp', label: 'Vraagt hulp', kind: 'tally' },
    ]);
    expect(readPlgSettings(doc).followedItems.map((i) => i.key)).toEqual([
      'tally:hulp',
      'rating:begrip',
    ]);
    expect(readPlgSettings(doc).followedItems[0]?.label).toBe('Hulp');
  });

  it('follows at most 12 items, after removing repeats', () => {
    const doc = new Y.Doc();
    const twelve = Array.from({ length: MAX_FOLLOWED_ITEMS }, (_, i) => item(`Item ${i}`));
    setFollowedItems(doc, [...twelve, twelve[0] as FollowedItem]);
    expect(readPlgSettings(doc).followedItems).toEqual(twelve);
    expect(() => setFollowedItems(doc, [...twelve, item('Dertien')])).toThrow(RangeError);
    expect(readPlgSettings(doc).followedItems).toEqual(twelve);
  });

  it('refuses an item of an unknown kind', () => {
    const doc = new Y.Doc();
    expect(() =>
      setFollowedItems(doc, [{ key: 'x:y', label: 'Y', kind: 'smiley' as FollowedItem['kind'] }]),
    ).toThrow(/kijkwijzer item/);
    expect(plgMap(doc).has('followedItems')).toBe(false);
  });
});

describe('hours entered by hand', () => {
  it('has none in a new team document', () => {
    expect(readManualHours(new Y.Doc())).toEqual([]);
  });

  it('adds an entry under the given id, with its description trimmed', () => {
    const doc = new Y.Doc();
    expect(addManualHours(doc, 'h1', entry({ description: '  Cursus  ' }))).toBe('h1');
    expect(readManualHours(doc)).toEqual([{ id: 'h1', ...entry({ description: 'Cursus' }) }]);
    expect(doc.getMap(TEAM_LEARNING_HOURS).get('h1')).toEqual(entry({ description: 'Cursus' }));
  });

  it('accepts 1 minute up to 12 hours and a description of 200 characters', () => {
    const doc = new Y.Doc();
    addManualHours(doc, 'h1', entry({ minutes: 1 }));
    addManualHours(doc, 'h2', entry({ minutes: MAX_MANUAL_MINUTES }));
    addManualHours(doc, 'h3', entry({ description: 'x'.repeat(MAX_HOURS_DESCRIPTION) }));
    expect(readManualHours(doc).map((h) => h.minutes)).toEqual([1, 720, 120]);
  });

  it('refuses an empty description, minutes outside 1–720, a bad date or member', () => {
    const doc = new Y.Doc();
    const bad: [Partial<Omit<ManualHours, 'id'>>, string][] = [
      [{ description: '' }, 'description'],
      [{ description: '   ' }, 'description'],
      [{ description: 'x'.repeat(MAX_HOURS_DESCRIPTION + 1) }, 'description'],
      [{ minutes: 0 }, 'minutes'],
      [{ minutes: -30 }, 'minutes'],
      [{ minutes: 2.5 }, 'minutes'],
      [{ minutes: MAX_MANUAL_MINUTES + 1 }, 'minutes'],
      [{ date: '' }, 'date'],
      [{ date: '2026-10-1' }, 'date'],
      [{ date: '2026-00-10' }, 'date'],
      [{ date: '2026-10-32' }, 'date'],
      [{ date: '01-10-2026' }, 'date'],
      [{ date: '2026-10-01T08:00:00Z' }, 'date'],
      [{ memberId: 'ans' as MemberId }, 'memberId'],
    ];
    for (const [overrides, field] of bad)
      expect(() => addManualHours(doc, 'h', entry(overrides)), JSON.stringify(overrides)).toThrow(
        new RangeError(`invalid hours: ${field}`),
      );
    expect(learningHoursMap(doc).size).toBe(0);
  });

  it('lists entries by date, then by id, skipping malformed ones', () => {
    const doc = new Y.Doc();
    addManualHours(doc, 'b', entry({ date: '2026-10-01' }));
    addManualHours(doc, 'a', entry({ date: '2026-10-01', memberId: BRAM }));
    addManualHours(doc, 'c', entry({ date: '2026-09-15' }));
    const map = learningHoursMap(doc);
    map.set('x1', 'rubbish');
    map.set('x2', { ...entry(), minutes: 0 });
    map.set('x3', { ...entry(), description: '' });
    map.set('x4', { ...entry(), memberId: 'someone' });
    map.set('x5', { ...entry(), date: '1 oktober' });
    map.set('x6', { memberId: ANS, date: '2026-10-01', minutes: 60 });
    map.set('peer', { ...entry({ date: '2026-11-01' }), extra: true });
    expect(readManualHours(doc).map((h) => h.id)).toEqual(['c', 'a', 'b', 'peer']);
    expect(readManualHours(doc).at(-1)).toEqual({ id: 'peer', ...entry({ date: '2026-11-01' }) });
  });

  it('replaces an entry added again under the same id', () => {
    const doc = new Y.Doc();
    addManualHours(doc, 'h1', entry({ minutes: 60 }));
    addManualHours(doc, 'h1', entry({ minutes: 90 }));
    expect(readManualHours(doc)).toEqual([{ id: 'h1', ...entry({ minutes: 90 }) }]);
  });

  it('removes an entry, and does nothing for an unknown id', () => {
    const doc = new Y.Doc();
    addManualHours(doc, 'h1', entry());
    addManualHours(doc, 'h2', entry({ memberId: BRAM }));
    removeManualHours(doc, 'h1');
    expect(readManualHours(doc).map((h) => h.id)).toEqual(['h2']);
    const updates: unknown[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    removeManualHours(doc, 'h1');
    removeManualHours(doc, 'nope');
    expect(updates).toHaveLength(0);
    expect(readManualHours(doc).map((h) => h.id)).toEqual(['h2']);
  });
});
