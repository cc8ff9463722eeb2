/**
 * Branded identifiers shared by client and server. An id is 16 characters of
 * lowercase Crockford base32 (80 random bits): safe in URLs, document names
 * and file names, and unguessable enough to be chosen offline by a client.
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type TeamId = Brand<string, 'TeamId'>;
export type MemberId = Brand<string, 'MemberId'>;
export type InviteId = Brand<string, 'InviteId'>;
export type DocId = Brand<string, 'DocId'>;

export const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const ID_LENGTH = 16;
const ID_PATTERN = /^[0-9abcdefghjkmnpqrstvwxyz]{16}$/;

/** Encodes the first 16 × 5 bits of `random` (at least 10 bytes) as an id. */
export function idFromRandomBytes(random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('an id needs at least 10 random bytes');
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of random) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < ID_LENGTH) {
      out += ID_ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
    if (out.length === ID_LENGTH) break;
  }
  return out;
}

/** A fresh id from the platform's cryptographic random source (browser and Node alike). */
export function newId(): string {
  return idFromRandomBytes(globalThis.crypto.getRandomValues(new Uint8Array(10)));
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

export const isTeamId = (value: unknown): value is TeamId => isId(value);
export const isMemberId = (value: unknown): value is MemberId => isId(value);
export const isInviteId = (value: unknown): value is InviteId => isId(value);
export const isDocId = (value: unknown): value is DocId => isId(value);

export function parseTeamId(value: unknown): TeamId | null {
  return isTeamId(value) ? value : null;
}
export function parseMemberId(value: unknown): MemberId | null {
  return isMemberId(value) ? value : null;
}

export const newTeamId = (): TeamId => newId() as TeamId;
export const newMemberId = (): MemberId => newId() as MemberId;
export const newInviteId = (): InviteId => newId() as InviteId;
export const newDocId = (): DocId => newId() as DocId;
