/**
 * Redacting one photo: decode (orientation applied), detect, apply the person's corrections,
 * paint, encode a brand-new bare file, then verify it before it is kept:
 *   - the file is bare (no APPn/COM segments or ancillary chunks, nothing after EOI/IEND);
 *   - with the default fill, every painted pixel decodes as the fill colour (within JPEG error);
 *   - the detector, run again on the output, finds no face overlapping a painted face.
 * Any failure keeps no output (fail closed).
 */
import { readFile } from 'node:fs/promises';
import {
  applyBoxReview,
  bareJpeg,
  enlargeBox,
  redactJpegBlocks,
  cropImage,
  barePng,
  extrasInImageFile,
  FILL_RGB,
  iou,
  redactImage,
  type Box,
  type BlockRedaction,
  type BoxReview,
  type FaceBox,
  type RedactionMethod,
  type RgbaImage,
} from '@lowprofile/core';
import { commitTemporary, discardTemporary, writePiecesToTemporary } from '../io/atomic-write.js';
import { bytesSource } from '@lowprofile/core';
import { decodeImage, encodeImage, JPEG_QUALITY, type ImageKind } from './decode.js';
import type { LoadedDetector } from './runtime.js';

export interface RedactTask {
  readonly input: string;
  /** Where the redacted copy goes; undefined to detect only. */
  readonly output: string | undefined;
  readonly review: BoxReview | undefined;
  readonly method: RedactionMethod;
}

export interface RedactReport {
  readonly path: string;
  readonly output: string | null;
  readonly status: 'redacted' | 'detected' | 'failed' | 'unsupported';
  readonly width?: number;
  readonly height?: number;
  /** Detected boxes, numbered from 1 in this order (as on the contact sheet). */
  readonly detected: FaceBox[];
  /** Boxes painted after the review was applied. */
  readonly painted: FaceBox[];
  readonly notes: string[];
  readonly reason?: string;
}

/** A detection in the output overlapping a painted face by at least this IoU counts as a leak. */
export const REDETECTION_IOU = 0.3;
/** Above this many painted areas, re-detection runs once over the whole photo instead. */
const REDETECT_WINDOWS_MAX = 12;
/** Largest channel value accepted inside a painted JPEG region (fill is 0; q95 ringing is small). */
const JPEG_FILL_TOLERANCE = 24;

export function roundBox(box: FaceBox): FaceBox {
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height), score: Math.round(box.score * 1000) / 1000 };
}

export async function redactOne(task: RedactTask, loaded: LoadedDetector): Promise<{ report: RedactReport; image?: RgbaImage }> {
  const base = { path: task.input, output: null, detected: [], painted: [], notes: [] as string[] };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(task.input));
  } catch (error) {
    return { report: { ...base, status: 'failed', reason: `cannot read: ${(error as Error).message}` } };
  }
  let decoded;
  try {
    decoded = await decodeImage(bytes);
  } catch (error) {
    return { report: { ...base, status: 'unsupported', reason: (error as Error).message } };
  }
  const { image, kind } = decoded;
  let detected: FaceBox[];
  try {
    detected = (await loaded.detector.detect(image)).map(roundBox);
  } catch (error) {
    return { report: { ...base, width: image.width, height: image.height, status: 'failed', reason: `detection failed: ${(error as Error).message}` }, image };
  }
  const painted = applyBoxReview(detected, task.review);
  const common = { ...base, width: image.width, height: image.height, detected, painted };
  if (task.output === undefined) return { report: { ...common, status: 'detected' }, image };

  const outKind: 'jpeg' | 'png' = kind === 'jpeg' ? 'jpeg' : 'png';
  const notes: string[] = [];
  if (kind === 'webp') notes.push('WebP input written as PNG');
  if (task.method !== 'fill') notes.push(`WARNING: ${task.method} can be partly reversed or recognised through; the solid fill cannot`);
  if (painted.length === 0) notes.push('no face boxes: nothing painted (review the contact sheet: detectors miss faces)');

  try {
    let bare: Uint8Array;
    let regions: Box[];
    // JPEG with the solid fill and no rotation: edit only the 8×8 blocks under the painted areas.
    const blocks =
      kind === 'jpeg' && task.method === 'fill' && decoded.orientation === 1
        ? blockEdit(bytes, painted.map((face) => enlargeBox(face, image.width, image.height)).filter((box): box is Box => box !== undefined))
        : { unsupported: decoded.orientation !== 1 ? `EXIF orientation ${decoded.orientation}` : task.method !== 'fill' ? `--method ${task.method}` : 'not a JPEG' };
    if ('bytes' in blocks) {
      bare = blocks.bytes;
      regions = blocks.regions;
      notes.push('JPEG edited in the DCT domain: only the blocks under the painted areas changed (snapped to the 8/16-px MCU grid), the rest decodes as before; new file, no metadata kept');
    } else {
      const red = redactImage(image, painted, { method: task.method });
      const encoded = await encodeImage(red.image, outKind);
      bare = outKind === 'jpeg' ? bareJpeg(encoded) : barePng(encoded);
      regions = red.regions;
      if (kind === 'jpeg') notes.push(`re-encoded once as a new JPEG at quality ${JPEG_QUALITY} (4:4:4; block edit not used: ${blocks.unsupported}); no metadata kept`);
      else notes.push('written as a new PNG; no metadata kept');
    }
    await verifyOutput(bare, outKind, regions, painted, task.method, loaded);
    const temporary = await writePiecesToTemporary(task.output, [{ kind: 'bytes', bytes: bare }], bytesSource(bare));
    try {
      // Re-read what is on disk: what we verify is what we keep.
      const onDisk = new Uint8Array(await readFile(temporary));
      if (onDisk.length !== bare.length || extrasInImageFile(onDisk, outKind).length > 0) throw new Error('the written file differs from the verified one');
      await commitTemporary(temporary, task.output);
    } catch (error) {
      await discardTemporary(temporary);
      throw error;
    }
    return { report: { ...common, output: task.output, status: 'redacted', notes }, image };
  } catch (error) {
    return { report: { ...common, status: 'failed', notes, reason: (error as Error).message }, image };
  }
}

/** The DCT-domain edit, with any parse error turned into "unsupported" (then the file is re-encoded). */
function blockEdit(bytes: Uint8Array, regions: readonly Box[]): BlockRedaction {
  try {
    return redactJpegBlocks(bytes, regions);
  } catch (error) {
    return { unsupported: `block edit failed: ${(error as Error).message}` };
  }
}

async function verifyOutput(bytes: Uint8Array, kind: ImageKind, regions: readonly Box[], faces: readonly Box[], method: RedactionMethod, loaded: LoadedDetector): Promise<void> {
  const extras = extrasInImageFile(bytes, kind === 'jpeg' ? 'jpeg' : 'png');
  if (extras.length > 0) throw new Error(`output is not bare: ${extras.join(', ')}`);
  const { image } = await decodeImage(bytes);
  if (method === 'fill') {
    const tolerance = kind === 'jpeg' ? JPEG_FILL_TOLERANCE : 0;
    for (const region of regions) {
      // Skip a 1-pixel rim in JPEG: block edges blend with the surroundings there.
      const inset = kind === 'jpeg' && region.width > 4 && region.height > 4 ? 1 : 0;
      for (let y = region.y + inset; y < region.y + region.height - inset; y++) {
        for (let x = region.x + inset; x < region.x + region.width - inset; x++) {
          const p = (y * image.width + x) * 4;
          for (let c = 0; c < 3; c++) {
            if (Math.abs(image.data[p + c]! - FILL_RGB[c]!) > tolerance) throw new Error(`painted area at (${x}, ${y}) does not decode as the fill colour`);
          }
        }
      }
    }
  }
  // Re-detect around each painted area: a window twice its size, one pass (the painted area fills
  // a good part of the model's input). With many faces, one tiled pass over the photo is cheaper.
  const windows: { image: RgbaImage; ox: number; oy: number; tiles: number[] | undefined }[] =
    regions.length > REDETECT_WINDOWS_MAX
      ? [{ image, ox: 0, oy: 0, tiles: undefined }]
      : regions.map((region) => {
          const window = { x: region.x - region.width / 2, y: region.y - region.height / 2, width: region.width * 2, height: region.height * 2 };
          return { image: cropImage(image, window), ox: Math.max(0, Math.floor(window.x)), oy: Math.max(0, Math.floor(window.y)), tiles: [] };
        });
  for (const window of windows) {
    const again = await loaded.detector.detect(window.image, window.tiles === undefined ? {} : { tileSizes: window.tiles });
    const leak = again
      .map((box) => ({ ...box, x: box.x + window.ox, y: box.y + window.oy }))
      .find((box) => faces.some((face) => iou(box, face) >= REDETECTION_IOU));
    if (leak !== undefined) throw new Error(`a face is still detected in a painted area at (${Math.round(leak.x)}, ${Math.round(leak.y)})`);
  }
}
