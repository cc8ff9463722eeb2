import { describe, expect, it } from 'vitest';
import { idFromRandomBytes, isId, newId, parseTeamId } from '../../../src/model/ids.ts';

describe('ids', () => {
  it('encodes 80 random bits as 16 Crockford base32 characters', () => {
    expect(idFromRandomBytes(new Uint8Array(10))).toBe('0000000000000000');
    expect(idFromRandomBytes(new Uint8Array(10).fill(255))).toBe('zzzzzzzzzzzzzzzz');
  });

  it('makes ids that its own parser accepts, and different ones each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isId(id)).toBe(true);
  });

  it('rejects anything that is not exactly an id', () => {
    for (const bad of [
      '',
      'abc',
      'ABCDEFGHJKMNPQRS',
      'iiiiiiiiiiiiiiii',
      '0000000000000000/',
      42,
      null,
    ]) {
      expect(parseTeamId(bad)).toBeNull();
    }
  });
});
