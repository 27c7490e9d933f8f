/**
 * Image decoding and encoding for redaction, with sharp (prebuilt libvips from npm, no install
 * script). Decoding applies EXIF orientation first, so detection and boxes use the displayed image.
 * Encoding builds a new file from the pixels alone: sharp writes no metadata unless asked, so the
 * output carries no EXIF, XMP, ICC, thumbnail or trailing data.
 */
import sharp from 'sharp';
import type { RgbaImage } from '@lowprofile/core';

/** Refuse decompression bombs: 100 megapixels is far above any camera's photo. */
export const MAX_INPUT_PIXELS = 100_000_000;

export type ImageKind = 'jpeg' | 'png' | 'webp';

export interface DecodedImage {
  readonly image: RgbaImage;
  readonly kind: ImageKind;
  /** EXIF orientation of the file (1 when absent); `image` is already in displayed orientation. */
  readonly orientation: number;
}

export function sniffImage(bytes: Uint8Array): ImageKind | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'webp';
  return undefined;
}

/** Decodes to RGBA in displayed orientation (EXIF orientation applied). */
export async function decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
  const kind = sniffImage(bytes);
  if (kind === undefined) throw new Error('not a JPEG, PNG or WebP image');
  const source = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  const { orientation = 1 } = await source.metadata();
  const { data, info } = await source
    .rotate()
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`decoder returned ${info.channels} channels`);
  return { image: { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }, kind, orientation };
}

/** JPEG quality of the single re-encode after redaction. */
export const JPEG_QUALITY = 95;

/**
 * Encodes redacted pixels as a brand-new file of the same kind (JPEG at quality 95 with 4:4:4
 * chroma, lossless PNG or WebP), with no metadata at all.
 */
export async function encodeImage(image: RgbaImage, kind: ImageKind): Promise<Uint8Array> {
  const pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } });
  let out: Buffer;
  if (kind === 'jpeg') out = await pipeline.removeAlpha().jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4', mozjpeg: false }).toBuffer();
  else if (kind === 'png') out = await pipeline.png({ compressionLevel: 6 }).toBuffer();
  else out = await pipeline.webp({ lossless: true }).toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** A PNG of the image (for contact sheets). */
export async function encodePng(image: RgbaImage): Promise<Uint8Array> {
  return encodeImage(image, 'png');
}
