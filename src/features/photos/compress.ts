import { PHOTO_SIGNATURE_BYTES, sniffPhotoType } from '../../model/photos.ts';
import { PhotoError } from '../../sync/device.ts';

/**
 * Shrinks a photo of pupil work on the device before it is kept and uploaded:
 * a tablet camera gives 3–12 MB, which would fill the device and take minutes
 * on a school's Wi-Fi; 1600 px on the longest side still shows handwriting.
 */

/** Longest side of a kept photo, in pixels. */
export const MAX_PHOTO_SIDE = 1600;

/** JPEG quality of a re-encoded photo (0–1). */
export const PHOTO_JPEG_QUALITY = 0.8;

/**
 * The size of a `width` × `height` image scaled down (never up) so that its
 * longest side is at most `max`, keeping the aspect ratio; whole pixels, at
 * least 1 × 1.
 */
export function fitWithin(
  width: number,
  height: number,
  max: number,
): { width: number; height: number } {
  if (!(width > 0) || !(height > 0) || !(max > 0)) {
    throw new RangeError('fitWithin needs positive sizes');
  }
  const scale = Math.min(1, max / Math.max(width, height));
  if (scale === 1) return { width: Math.round(width), height: Math.round(height) };
  return {
    width: Math.max(1, Math.min(max, Math.round(width * scale))),
    height: Math.max(1, Math.min(max, Math.round(height * scale))),
  };
}

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/**
 * True when an image file carries EXIF metadata (a JPEG APP1 "Exif" segment,
 * a PNG eXIf chunk, a WebP EXIF flag). Such a file is never kept as it is,
 * even when re-encoding makes it larger: EXIF can hold the GPS position of
 * the school and an orientation that not every viewer applies. Bytes that end
 * (or break off) before the image data count as carrying metadata: when in
 * doubt, re-encode.
 */
export function hasExif(bytes: Uint8Array): boolean {
  const type = sniffPhotoType(bytes.subarray(0, PHOTO_SIGNATURE_BYTES));
  if (type === 'image/jpeg') {
    let at = 2;
    while (at + 4 <= bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1] ?? 0;
      // Start of scan or end of image: the metadata segments are all before it.
      if (marker === 0xda || marker === 0xd9) return false;
      const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
      if (marker === 0xe1 && ascii(bytes, at + 4, 4) === 'Exif') return true;
      at += 2 + length;
    }
    return true;
  }
  if (type === 'image/png') {
    let at = 8;
    while (at + 8 <= bytes.length) {
      const view = new DataView(bytes.buffer, bytes.byteOffset + at, 8);
      const kind = ascii(bytes, at + 4, 4);
      if (kind === 'eXIf') return true;
      if (kind === 'IDAT' || kind === 'IEND') return false;
      at += 12 + view.getUint32(0);
    }
    return true;
  }
  if (type === 'image/webp') {
    // Extended format: VP8X chunk, flags byte, bit 3 = EXIF present.
    return ascii(bytes, 12, 4) === 'VP8X' && ((bytes[20] ?? 0) & 0x08) !== 0;
  }
  return false;
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    // EXIF orientation is applied here, so a portrait photo of a worksheet stays upright.
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError('not_an_image', 'the file could not be decoded as an image');
  }
}

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  const draw = (context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null) => {
    if (!context) throw new Error('no 2D canvas context');
    // JPEG has no transparency: a transparent PNG would turn black without a white background.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
  };
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    draw(canvas.getContext('2d'));
    return canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  draw(canvas.getContext('2d'));
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no JPEG'))),
      'image/jpeg',
      PHOTO_JPEG_QUALITY,
    );
  });
}

/**
 * A photo ready to keep: decoded on the device (EXIF orientation applied),
 * scaled to at most {@link MAX_PHOTO_SIDE} px on its longest side and encoded
 * as JPEG. The original is kept instead when re-encoding would only make it
 * larger and it is already a JPEG, PNG or WebP within the size, without EXIF.
 * Rejects with PhotoError('not_an_image') for a file that is no image.
 */
export async function compressPhoto(file: Blob): Promise<Blob> {
  const bitmap = await decode(file);
  try {
    const original = { width: bitmap.width, height: bitmap.height };
    const target = fitWithin(original.width, original.height, MAX_PHOTO_SIDE);
    const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
    const keepable =
      target.width === original.width &&
      target.height === original.height &&
      sniffPhotoType(head.subarray(0, PHOTO_SIGNATURE_BYTES)) !== null &&
      !hasExif(head);
    let encoded: Blob;
    try {
      encoded = await encodeJpeg(bitmap, target.width, target.height);
    } catch (error) {
      // A device short of canvas memory can still keep a photo that needs no change.
      if (keepable) return file;
      throw error;
    }
    return keepable && encoded.size >= file.size ? file : encoded;
  } finally {
    bitmap.close();
  }
}
