/**
 * Burning redactions into decoded pixels. The default is an opaque fixed colour over the grown
 * face box: nothing of the face survives, so nothing can be reversed (scrubbing.md §5.1). Mosaic
 * (at most 6 blocks, with random noise) and blur are options for people who insist; both can be
 * partly reversed or recognised through, and the caller must say so.
 */
import { DEFAULT_ENLARGEMENT, enlargeBox, type Box, type Enlargement } from './geometry.js';
import { checkImage, type RgbaImage } from './image.js';

export type RedactionMethod = 'fill' | 'mosaic' | 'blur';
export const REDACTION_METHODS: readonly RedactionMethod[] = ['fill', 'mosaic', 'blur'];

export const REVERSIBLE_METHOD_WARNING =
  'mosaic and blur leave some of the face in the picture: software can sometimes undo them or recognise people through them. Use the default solid fill for anything that matters.';

/**
 * The fixed fill colour (never sampled from the face). Mid-grey rather than black: BlazeFace
 * reads a black block between hair and shoulders as a head silhouette (score 0.59 on the
 * synthetic test face), which would make the re-detection check fail on a fully covered face.
 */
export const FILL_RGB: readonly [number, number, number] = [128, 128, 128];

/** Blocks across the longer side of a mosaic region: coarse enough that a face is not kept. */
export const MOSAIC_BLOCKS = 6;
/** Random offset added to each block's mean, per channel, in 0–255 units (±). */
export const MOSAIC_NOISE = 24;

export interface RedactOptions {
  readonly method?: RedactionMethod;
  readonly enlargement?: Enlargement;
  /** Fills a byte array with random bytes (crypto.getRandomValues); needed for mosaic only. */
  readonly randomBytes?: (bytes: Uint8Array) => void;
}

/**
 * Paints every face box (grown, clamped) into a copy of the image and returns it with the painted
 * regions. The input is not modified.
 */
export function redactImage(image: RgbaImage, faces: readonly Box[], options: RedactOptions = {}): { image: RgbaImage; regions: Box[] } {
  checkImage(image);
  const method = options.method ?? 'fill';
  const data = new Uint8Array(image.data);
  const out: RgbaImage = { width: image.width, height: image.height, data };
  const regions: Box[] = [];
  for (const face of faces) {
    const region = enlargeBox(face, image.width, image.height, options.enlargement ?? DEFAULT_ENLARGEMENT);
    if (region === undefined) continue;
    regions.push(region);
  }
  for (const region of regions) {
    if (method === 'fill') fillRegion(out, region, FILL_RGB);
    else if (method === 'mosaic') mosaicRegion(out, region, options.randomBytes ?? defaultRandomBytes);
    else blurRegion(out, region);
  }
  // Every pixel opaque: a transparent fill in a PNG would keep the colour values under it.
  for (const region of regions) forceOpaque(out, region);
  return { image: out, regions };
}

function defaultRandomBytes(bytes: Uint8Array): void {
  const cryptoObject = (globalThis as { crypto?: { getRandomValues(array: Uint8Array): Uint8Array } }).crypto;
  if (cryptoObject === undefined) throw new Error('no cryptographic random source for mosaic noise');
  cryptoObject.getRandomValues(bytes);
}

export function fillRegion(image: RgbaImage, region: Box, rgb: readonly [number, number, number]): void {
  const { data, width } = image;
  for (let y = region.y; y < region.y + region.height; y++) {
    let p = (y * width + region.x) * 4;
    for (let x = 0; x < region.width; x++, p += 4) {
      data[p] = rgb[0];
      data[p + 1] = rgb[1];
      data[p + 2] = rgb[2];
      data[p + 3] = 255;
    }
  }
}

function forceOpaque(image: RgbaImage, region: Box): void {
  const { data, width } = image;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) data[(y * width + x) * 4 + 3] = 255;
  }
}

function mosaicRegion(image: RgbaImage, region: Box, randomBytes: (bytes: Uint8Array) => void): void {
  const block = Math.max(1, Math.ceil(Math.max(region.width, region.height) / MOSAIC_BLOCKS));
  const noise = new Uint8Array(3);
  for (let by = region.y; by < region.y + region.height; by += block) {
    for (let bx = region.x; bx < region.x + region.width; bx += block) {
      const cell = { x: bx, y: by, width: Math.min(block, region.x + region.width - bx), height: Math.min(block, region.y + region.height - by) };
      const sum = [0, 0, 0];
      for (let y = cell.y; y < cell.y + cell.height; y++) {
        for (let x = cell.x; x < cell.x + cell.width; x++) {
          const p = (y * image.width + x) * 4;
          sum[0]! += image.data[p]!;
          sum[1]! += image.data[p + 1]!;
          sum[2]! += image.data[p + 2]!;
        }
      }
      randomBytes(noise);
      const n = cell.width * cell.height;
      const rgb = [0, 1, 2].map((c) => clampByte(sum[c]! / n + ((noise[c]! / 255) * 2 - 1) * MOSAIC_NOISE)) as [number, number, number];
      fillRegion(image, cell, rgb);
    }
  }
}

function clampByte(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)));
}

/**
 * Strong blur: three box-blur passes (≈ Gaussian) with a radius of 15 % of the region's height,
 * reading only pixels inside the region so nothing of the face leaks in from the surround.
 */
function blurRegion(image: RgbaImage, region: Box): void {
  const radius = Math.max(2, Math.round(region.height * 0.15));
  const w = region.width;
  const h = region.height;
  const buf = new Float32Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = ((region.y + y) * image.width + region.x + x) * 4;
      const q = (y * w + x) * 3;
      buf[q] = image.data[p]!;
      buf[q + 1] = image.data[p + 1]!;
      buf[q + 2] = image.data[p + 2]!;
    }
  }
  const tmp = new Float32Array(buf.length);
  for (let pass = 0; pass < 3; pass++) {
    boxBlur(buf, tmp, w, h, radius, true);
    boxBlur(tmp, buf, w, h, radius, false);
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = ((region.y + y) * image.width + region.x + x) * 4;
      const q = (y * w + x) * 3;
      image.data[p] = clampByte(buf[q]!);
      image.data[p + 1] = clampByte(buf[q + 1]!);
      image.data[p + 2] = clampByte(buf[q + 2]!);
    }
  }
}

function boxBlur(src: Float32Array, dst: Float32Array, w: number, h: number, r: number, horizontal: boolean): void {
  const lines = horizontal ? h : w;
  const length = horizontal ? w : h;
  for (let line = 0; line < lines; line++) {
    for (let c = 0; c < 3; c++) {
      const at = (i: number): number => (horizontal ? (line * w + i) * 3 + c : (i * w + line) * 3 + c);
      // Running sum over [i − r, i + r], edges clamped to the region.
      let sum = 0;
      for (let k = -r; k <= r; k++) sum += src[at(Math.min(length - 1, Math.max(0, k)))]!;
      for (let i = 0; i < length; i++) {
        dst[at(i)] = sum / (2 * r + 1);
        sum += src[at(Math.min(length - 1, i + r + 1))]! - src[at(Math.max(0, i - r))]!;
      }
    }
  }
}
