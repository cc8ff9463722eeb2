import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { captureErrorKey } from '../../../src/features/photos/PhotoCapture.tsx';
import { uploadBadge } from '../../../src/features/photos/PhotoThumb.tsx';
import { PhotoError } from '../../../src/store/photos.ts';

const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('photo capture errors', () => {
  it('names a non-image, a full device and anything else differently', () => {
    expect(captureErrorKey(new PhotoError('not_an_image', 'x'))).toBe('photos.capture.notAnImage');
    expect(captureErrorKey(new DOMException('full', 'QuotaExceededError'))).toBe(
      'photos.capture.noSpace',
    );
    const dexieWrapped = Object.assign(new Error('Transaction aborted'), {
      inner: new DOMException('full', 'QuotaExceededError'),
    });
    expect(captureErrorKey(dexieWrapped)).toBe('photos.capture.noSpace');
    expect(captureErrorKey(new Error('boom'))).toBe('photos.capture.failed');
    expect(captureErrorKey(undefined)).toBe('photos.capture.failed');
  });
});

describe('upload badge', () => {
  it('shows the upload state of a photo taken here', () => {
    const local = { origin: 'local', error: null } as const;
    expect(uploadBadge(t, { ...local, status: 'pending' })).toEqual({
      text: 'photos.status.pending',
      tone: 'warn',
    });
    expect(uploadBadge(t, { ...local, status: 'uploaded' })?.tone).toBe('ok');
    expect(uploadBadge(t, { ...local, status: 'uploading' })?.text).toBe('photos.status.uploading');
  });

  it('gives the reason of a refusal', () => {
    expect(
      uploadBadge(t, { origin: 'local', status: 'failed', error: 'payload_too_large' }),
    ).toEqual({
      text: 'photos.status.failed {"reason":"errors.api.payload_too_large"}',
      tone: 'error',
    });
  });

  it('shows nothing for a downloaded photo or one not on this device', () => {
    expect(uploadBadge(t, { origin: 'downloaded', status: 'uploaded', error: null })).toBeNull();
    expect(uploadBadge(t, null)).toBeNull();
    expect(uploadBadge(t, undefined)).toBeNull();
  });
});
