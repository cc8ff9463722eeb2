import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  compressPhoto,
  fitWithin,
  hasExif,
  MAX_PHOTO_SIDE,
  PHOTO_JPEG_QUALITY,
} from '../../../src/features/photos/compress.ts';
import { PhotoError } from '../../../src/store/photos.ts';

const JPEG_START = [0xff, 0xd8];
const SOS = [0xff, 0xda, 0x00, 0x02];

/** A JPEG made of the given segments (marker, payload) followed by a start of scan. */
function jpeg(...segments: [number, number[]][]): Uint8Array<ArrayBuffer> {
  const bytes = [...JPEG_START];
  for (const [marker, payload] of segments) {
    const length = payload.length + 2;
    bytes.push(0xff, marker, length >> 8, length & 0xff, ...payload);
  }
  bytes.push(...SOS, 1, 2, 3);
  return new Uint8Array(bytes);
}
const text = (value: string) => [...value].map((c) => c.charCodeAt(0));

function pngChunk(kind: string, data: number[] = []): number[] {
  const n = data.length;
  return [
    (n >>> 24) & 255,
    (n >>> 16) & 255,
    (n >>> 8) & 255,
    n & 255,
    ...text(kind),
    ...data,
    0,
    0,
    0,
    0,
  ];
}
function png(...chunks: number[][]): Uint8Array<ArrayBuffer> {
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunks.flat()]);
}

describe('fitWithin', () => {
  it('leaves an image that fits alone, never scaling up', () => {
    expect(fitWithin(1600, 1200, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(40, 30, 1600)).toEqual({ width: 40, height: 30 });
  });

  it('scales the longest side down to the maximum, keeping the aspect ratio', () => {
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(3000, 3000, 1600)).toEqual({ width: 1600, height: 1600 });
  });

  it('keeps at least one pixel of a very thin image', () => {
    expect(fitWithin(100_000, 10, 1600)).toEqual({ width: 1600, height: 1 });
  });

  it('refuses sizes that are not positive numbers', () => {
    expect(() => fitWithin(0, 10, 1600)).toThrow(RangeError);
    expect(() => fitWithin(Number.NaN, 10, 1600)).toThrow(RangeError);
    expect(() => fitWithin(10, 10, 0)).toThrow(RangeError);
  });
});

describe('hasExif', () => {
  it('finds an APP1 Exif segment in a JPEG, after other segments', () => {
    expect(hasExif(jpeg([0xe0, text('JFIF\0')], [0xe1, text('Exif\0\0MM')]))).toBe(true);
    expect(hasExif(jpeg([0xe0, text('JFIF\0')]))).toBe(false);
    // APP1 also carries XMP, which is not EXIF.
    expect(hasExif(jpeg([0xe1, text('http://ns.adobe.com/xap/1.0/')]))).toBe(false);
  });

  it('assumes metadata when a JPEG breaks off before its image data', () => {
    expect(hasExif(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x40, 1, 2]))).toBe(true);
  });

  it('finds an eXIf chunk in a PNG before its image data', () => {
    expect(
      hasExif(
        png(pngChunk('IHDR', new Array(13).fill(0)), pngChunk('eXIf', [1]), pngChunk('IDAT')),
      ),
    ).toBe(true);
    expect(hasExif(png(pngChunk('IHDR', new Array(13).fill(0)), pngChunk('IDAT')))).toBe(false);
  });

  it('reads the EXIF flag of an extended WebP', () => {
    const webp = (flags: number) =>
      new Uint8Array([
        ...text('RIFF'),
        0,
        0,
        0,
        0,
        ...text('WEBP'),
        ...text('VP8X'),
        10,
        0,
        0,
        0,
        flags,
        0,
        0,
        0,
      ]);
    expect(hasExif(webp(0x08))).toBe(true);
    expect(hasExif(webp(0x10))).toBe(false);
  });

  it('says no for bytes that are no image at all', () => {
    expect(hasExif(new Uint8Array(text('GIF89a')))).toBe(false);
  });
});

describe('compressPhoto', () => {
  type Drawn = { width: number; height: number; type?: string; quality?: number };
  let drawn: Drawn[] = [];

  /** A fake browser: createImageBitmap reports `size`, the canvas encodes `encodedBytes` bytes. */
  function fakeBrowser(size: { width: number; height: number } | Error, encodedBytes: number) {
    drawn = [];
    const closed = vi.fn();
    vi.stubGlobal('createImageBitmap', async (_blob: Blob, options: ImageBitmapOptions) => {
      expect(options.imageOrientation).toBe('from-image');
      if (size instanceof Error) throw size;
      return { ...size, close: closed };
    });
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        readonly width: number;
        readonly height: number;
        constructor(width: number, height: number) {
          this.width = width;
          this.height = height;
        }
        getContext() {
          return { fillRect() {}, drawImage() {}, fillStyle: '', imageSmoothingQuality: '' };
        }
        async convertToBlob(options: ImageEncodeOptions) {
          drawn.push({ width: this.width, height: this.height, ...options });
          return new Blob([new Uint8Array(encodedBytes)], { type: 'image/jpeg' });
        }
      },
    );
    return closed;
  }

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('scales a large camera photo down and encodes it as JPEG', async () => {
    const closed = fakeBrowser({ width: 4032, height: 3024 }, 300_000);
    const original = new Blob([jpeg([0xe1, text('Exif\0\0')]), new Uint8Array(3_000_000)]);
    const result = await compressPhoto(original);
    expect(result.size).toBe(300_000);
    expect(result.type).toBe('image/jpeg');
    expect(drawn).toEqual([
      { width: MAX_PHOTO_SIDE, height: 1200, type: 'image/jpeg', quality: PHOTO_JPEG_QUALITY },
    ]);
    expect(closed).toHaveBeenCalledOnce();
  });

  it('keeps a small image as it is when re-encoding would make it larger', async () => {
    fakeBrowser({ width: 800, height: 600 }, 90_000);
    const original = new Blob([
      png(pngChunk('IHDR', new Array(13).fill(0)), pngChunk('IDAT', [1, 2])),
    ]);
    expect(await compressPhoto(original)).toBe(original);
  });

  it('re-encodes a small image that carries EXIF even when that is larger', async () => {
    fakeBrowser({ width: 800, height: 600 }, 90_000);
    const original = new Blob([jpeg([0xe1, text('Exif\0\0')])]);
    const result = await compressPhoto(original);
    expect(result).not.toBe(original);
    expect(result.size).toBe(90_000);
  });

  it('re-encodes an image of another type (a GIF, a HEIC) even when that is larger', async () => {
    fakeBrowser({ width: 200, height: 100 }, 9_000);
    const gif = new Blob([new Uint8Array(text('GIF89a'))], { type: 'image/gif' });
    expect((await compressPhoto(gif)).type).toBe('image/jpeg');
  });

  it('refuses a file that does not decode as an image', async () => {
    fakeBrowser(new DOMException('bad', 'InvalidStateError') as unknown as Error, 0);
    const result = compressPhoto(new Blob(['not a photo']));
    await expect(result).rejects.toBeInstanceOf(PhotoError);
    await expect(compressPhoto(new Blob(['x']))).rejects.toMatchObject({ code: 'not_an_image' });
  });
});
