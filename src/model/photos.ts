/**
 * Photos of pupil work (issue 6 point 5): which images client and server
 * accept and how a photo is named. Pure: the same rules run on the tablet
 * before a photo is queued and on the server before it is stored.
 */

/** Image types the server stores, by the Content-Type a client declares. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export function isPhotoType(value: unknown): value is PhotoType {
  return typeof value === 'string' && (PHOTO_TYPES as readonly string[]).includes(value);
}

const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** A photo's name: the SHA-256 of its bytes, 64 lowercase hex digits. */
export function isPhotoHash(value: unknown): value is string {
  return typeof value === 'string' && HASH_PATTERN.test(value);
}

/** Bytes needed to recognise every type in PHOTO_TYPES. */
export const PHOTO_SIGNATURE_BYTES = 12;

/** True when `head` starts with the signature ("magic bytes") of `type`. */
export function hasSignature(head: Uint8Array, type: PhotoType): boolean {
  const starts = (bytes: readonly number[], at = 0) =>
    head.length >= at + bytes.length && bytes.every((byte, i) => head[at + i] === byte);
  switch (type) {
    case 'image/jpeg':
      return starts([0xff, 0xd8, 0xff]);
    case 'image/png':
      return starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/webp':
      // RIFF <size> WEBP
      return starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8);
  }
}

/** The type whose signature `head` starts with, or null when it is none of PHOTO_TYPES. */
export function sniffPhotoType(head: Uint8Array): PhotoType | null {
  return PHOTO_TYPES.find((type) => hasSignature(head, type)) ?? null;
}

/** Hex spelling of a digest, as photo names use it. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
