import { describe, expect, it } from 'vitest';
import { positionFor, sortPositioned } from '../../../src/model/positions.ts';

const place = (items: { id: string; position: string }[], index: number, id = 'new') => {
  const sorted = sortPositioned(items);
  const { position, rewrites } = positionFor(sorted, index);
  const next = sorted.map((item) => ({
    ...item,
    position: rewrites.get(item.id) ?? item.position,
  }));
  next.push({ id, position });
  return sortPositioned(next).map((item) => item.id);
};

describe('positionFor', () => {
  it('places an entry at any index of a list with distinct keys', () => {
    const items = [
      { id: 'a', position: 'a0' },
      { id: 'b', position: 'a1' },
      { id: 'c', position: 'a2' },
    ];
    expect(place(items, 0)).toEqual(['new', 'a', 'b', 'c']);
    expect(place(items, 1)).toEqual(['a', 'new', 'b', 'c']);
    expect(place(items, 3)).toEqual(['a', 'b', 'c', 'new']);
    expect(place(items, 99)).toEqual(['a', 'b', 'c', 'new']);
    expect(place([], 0)).toEqual(['new']);
  });

  it('separates twins that share a key after concurrent inserts', () => {
    const items = [
      { id: 'a', position: 'a0' },
      { id: 'x', position: 'a1' },
      { id: 'y', position: 'a1' },
      { id: 'z', position: 'a1' },
      { id: 'b', position: 'a2' },
    ];
    expect(place(items, 2)).toEqual(['a', 'x', 'new', 'y', 'z', 'b']);
    expect(place(items, 3)).toEqual(['a', 'x', 'y', 'new', 'z', 'b']);
    expect(place(items, 1)).toEqual(['a', 'new', 'x', 'y', 'z', 'b']);
  });

  it('renumbers everything when a peer wrote an invalid key next to the spot', () => {
    const items = [
      { id: 'a', position: 'a0' },
      { id: 'b', position: '!!' },
      { id: 'c', position: 'a1' },
    ];
    const sorted = sortPositioned(items);
    expect(sorted.map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(place(items, 1)).toEqual(['b', 'new', 'a', 'c']);
  });
});
