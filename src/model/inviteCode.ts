import { ID_ALPHABET } from './ids.ts';

/**
 * Invite codes: 10 characters of Crockford base32 (50 bits), shown as
 * `ABCDE-FGHJK` so a colleague can type it, and carried in an invite link's
 * URL fragment (`/join#ABCDE-FGHJK`) so the secret never reaches server logs.
 * The server rate-limits join attempts, which makes 50 bits plenty.
 */
export const INVITE_CODE_LENGTH = 10;
const CODE_ALPHABET = ID_ALPHABET.toUpperCase();
const CODE_PATTERN = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$/;

/** Makes a code from at least 10 random bytes (one character per byte, rejection-free since 256 % 32 = 0). */
export function inviteCodeFromRandomBytes(random: Uint8Array): string {
  if (random.length < INVITE_CODE_LENGTH)
    throw new RangeError('an invite code needs 10 random bytes');
  let out = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) out += CODE_ALPHABET[(random[i] ?? 0) & 31];
  return out;
}

export function newInviteCode(): string {
  return inviteCodeFromRandomBytes(globalThis.crypto.getRandomValues(new Uint8Array(10)));
}

/**
 * Normalizes what a person typed or scanned: case, spaces and dashes do not
 * matter, and the letters people confuse with digits (O, I, L) are read as 0 and 1.
 * Returns null when the result is not a well-formed code.
 */
export function normalizeInviteCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return CODE_PATTERN.test(code) ? code : null;
}

export function formatInviteCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function inviteLink(origin: string, code: string): string {
  return `${origin}/join#${formatInviteCode(code)}`;
}

/**
 * Reads an invite code from a link, a bare fragment or a typed code, so the
 * scanner, the join page and the text field share one parser.
 */
export function parseInviteInput(input: string): string | null {
  const trimmed = input.trim();
  const hash = trimmed.indexOf('#');
  return normalizeInviteCode(hash >= 0 ? trimmed.slice(hash + 1) : trimmed);
}
