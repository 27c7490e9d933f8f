/**
 * The face detector: a model spec plus an injected runner, applied to the whole image and to
 * overlapping tiles (small faces in a crowd vanish when a whole photo is shrunk to the model's
 * input), with the detections merged by non-maximum suppression.
 */
import { nonMaximumSuppression, type FaceBox } from './geometry.js';
import { checkImage, downscaleToFit, regionToTensor, type Region, type RgbaImage } from './image.js';
import type { ModelRunner, ModelSpec } from './models.js';

export interface DetectOptions {
  /** Minimum score; the model's default when omitted. */
  readonly threshold?: number;
  /**
   * Tile sizes in working-image pixels, each run as a grid of overlapping tiles after the
   * whole-image pass. Empty for one pass only.
   */
  readonly tileSizes?: readonly number[];
  /** Fraction by which neighbouring tiles overlap. */
  readonly overlap?: number;
  /** Also run every region mirrored left to right (test-time augmentation; twice the time). */
  readonly mirror?: boolean;
  /** Detection runs on a copy whose long side is at most this (boxes are mapped back). */
  readonly maxSide?: number;
}

export interface FaceDetector {
  readonly spec: ModelSpec;
  /** Boxes in the given image's pixel coordinates, best first. */
  detect(image: RgbaImage, options?: DetectOptions): Promise<FaceBox[]>;
}

export const DEFAULT_MAX_SIDE = 2048;
export const DEFAULT_OVERLAP = 0.25;

/**
 * Regions to run: the whole image first (faces cut by tile edges or larger than a tile are found
 * there), then for every tile size a grid covering the image with at least `overlap` overlap.
 * A tile size at least as large as the image adds nothing and is skipped.
 */
export function planPasses(width: number, height: number, tileSizes: readonly number[], overlap = DEFAULT_OVERLAP): Region[] {
  const regions: Region[] = [{ x: 0, y: 0, width, height }];
  for (const tile of tileSizes) {
    if (!(tile > 0) || tile >= Math.max(width, height)) continue;
    const tw = Math.min(tile, width);
    const th = Math.min(tile, height);
    const xs = starts(width, tw, overlap);
    const ys = starts(height, th, overlap);
    for (const y of ys) for (const x of xs) regions.push({ x, y, width: tw, height: th });
  }
  return regions;
}

function starts(length: number, tile: number, overlap: number): number[] {
  if (tile >= length) return [0];
  const stride = tile * (1 - overlap);
  const count = Math.ceil((length - tile) / stride) + 1;
  const step = (length - tile) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(i * step));
}

export function createFaceDetector(spec: ModelSpec, runner: ModelRunner, defaults: DetectOptions = {}): FaceDetector {
  return {
    spec,
    async detect(image, options = {}) {
      checkImage(image);
      const merged = { ...defaults, ...options };
      const threshold = merged.threshold ?? spec.threshold;
      const { image: working, factor } = downscaleToFit(image, merged.maxSide ?? DEFAULT_MAX_SIDE);
      const regions = planPasses(working.width, working.height, merged.tileSizes ?? [], merged.overlap ?? DEFAULT_OVERLAP);
      const found: FaceBox[] = [];
      const runs = regions.flatMap((region) => (merged.mirror ? [{ region, mirror: false }, { region, mirror: true }] : [{ region, mirror: false }]));
      for (const { region, mirror } of runs) {
        const tensor = regionToTensor(working, region, spec.input, mirror);
        const outputs = await runner.run({ data: tensor.data, dims: tensor.dims });
        for (const decoded of spec.decode(outputs, runner.outputNames, threshold)) {
          // A mirrored tensor holds the region flipped: flip the box back (region width in tensor px).
          const box = mirror ? { ...decoded, x: region.width * tensor.scale - decoded.x - decoded.width } : decoded;
          const toImage = 1 / (tensor.scale * factor);
          const mapped: FaceBox = {
            x: (region.x + box.x / tensor.scale) / factor,
            y: (region.y + box.y / tensor.scale) / factor,
            width: box.width * toImage,
            height: box.height * toImage,
            score: box.score,
          };
          // Drop boxes whose centre falls in the letterbox padding or outside the image.
          const cx = mapped.x + mapped.width / 2;
          const cy = mapped.y + mapped.height / 2;
          if (cx < 0 || cy < 0 || cx > image.width || cy > image.height) continue;
          found.push(clip(mapped, image.width, image.height));
        }
      }
      return nonMaximumSuppression(found, spec.nmsIoU);
    },
  };
}

function clip(box: FaceBox, width: number, height: number): FaceBox {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(width, box.x + box.width);
  const y1 = Math.min(height, box.y + box.height);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0, score: box.score };
}

/** One model of an ensemble, with its own passes (tiles) and score threshold. */
export interface EnsembleMember {
  readonly detector: FaceDetector;
  readonly options: DetectOptions;
}

/**
 * Several detectors over the same image (e.g. BlazeFace back 256 on 384-px tiles plus BlazeFace
 * front 128 on smaller tiles), their boxes pooled and merged by non-maximum suppression. Options
 * given to `detect` override every member's threshold, overlap, mirroring and working size;
 * tile sizes stay per member.
 */
export function createEnsembleDetector(members: readonly EnsembleMember[], nmsIoU = 0.3): FaceDetector {
  const first = members[0];
  if (first === undefined) throw new Error('an ensemble needs at least one detector');
  return {
    spec: first.detector.spec,
    async detect(image, options = {}) {
      const { tileSizes: _ignored, ...shared } = options;
      const found: FaceBox[] = [];
      for (const member of members) found.push(...(await member.detector.detect(image, { ...member.options, ...shared })));
      return nonMaximumSuppression(found, nmsIoU);
    },
  };
}
