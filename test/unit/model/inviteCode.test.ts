import { describe, expect, it } from 'vitest';
import {
  formatInviteCode,
  inviteCodeFromRandomBytes,
  inviteLink,
  newInviteCode,
  normalizeInviteCode,
  parseInviteInput,
} from '../../../src/model/inviteCode.ts';

describe('inviteCode', () => {
  it('makes ten-character codes that normalize to themselves', () => {
    const code = newInviteCode();
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    expect(normalizeInviteCode(code)).toBe(code);
    expect(inviteCodeFromRandomBytes(new Uint8Array(10).fill(31))).toBe('ZZZZZZZZZZ');
  });

  it('forgives case, spaces, dashes and look-alike letters when typed', () => {
    expect(normalizeInviteCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
    expect(normalizeInviteCode('OOOOO IIIII')).toBe('0000011111');
    expect(normalizeInviteCode('l0l0l-0l0l0')).toBe('1010101010');
  });

  it('refuses malformed codes', () => {
    for (const bad of ['', 'ABCDE', 'ABCDE-FGHJKM', 'ABCDE-FGHJU', 'ÄBCDE-FGHJK']) {
      expect(normalizeInviteCode(bad), bad).toBeNull();
    }
  });

  it('puts the code in the fragment of the link and reads it back from link, fragment or code', () => {
    const link = inviteLink('https://school.example', 'ABCDEFGHJK');
    expect(link).toBe('https://school.example/join#ABCDE-FGHJK');
    expect(new URL(link).search).toBe('');
    expect(parseInviteInput(link)).toBe('ABCDEFGHJK');
    expect(parseInviteInput('#abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(parseInviteInput(formatInviteCode('ABCDEFGHJK'))).toBe('ABCDEFGHJK');
    expect(parseInviteInput('https://example.com/some/page')).toBeNull();
  });
});
