/**
 * Box geometry for face detection and redaction: intersection over union, non-maximum
 * suppression, and the growth of a detected face box into the area that is painted over.
 * All coordinates are pixels of the displayed (EXIF-oriented) image, origin top-left.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface FaceBox extends Box {
  /** Detector confidence in [0, 1]; 1 for boxes a person added by hand. */
  readonly score: number;
}

export function area(box: Box): number {
  return Math.max(0, box.width) * Math.max(0, box.height);
}

export function intersection(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function iou(a: Box, b: Box): number {
  const inter = intersection(a, b);
  if (inter === 0) return 0;
  return inter / (area(a) + area(b) - inter);
}

/**
 * Greedy non-maximum suppression: keeps the best-scoring box of every cluster whose members
 * overlap it by more than `threshold` IoU. Also drops a box mostly inside a better one
 * (a face found whole and again as a fragment at a tile edge).
 */
export function nonMaximumSuppression<T extends FaceBox>(boxes: readonly T[], threshold: number, containment = 0.8): T[] {
  const sorted = [...boxes].sort((a, b) => b.score - a.score);
  const kept: T[] = [];
  for (const candidate of sorted) {
    const candidateArea = area(candidate);
    let suppressed = false;
    for (const keeper of kept) {
      const inter = intersection(candidate, keeper);
      if (inter === 0) continue;
      const union = candidateArea + area(keeper) - inter;
      if (inter / union > threshold || (candidateArea > 0 && inter / candidateArea > containment)) {
        suppressed = true;
        break;
      }
    }
    if (!suppressed) kept.push(candidate);
  }
  return kept;
}

/** How much a face box grows before it is painted over (fractions of the face box). */
export interface Enlargement {
  readonly sides: number;
  readonly above: number;
  readonly below: number;
  /** Smallest painted area, for tiny faces, centred on the face. */
  readonly minWidth: number;
  readonly minHeight: number;
}

/**
 * Default growth: +25 % of width each side, +35 % of height above (hair), +20 % below (chin),
 * i.e. about 1.5 w × 1.55 h, at least 32 × 40 px (scrubbing.md §5.1).
 */
export const DEFAULT_ENLARGEMENT: Enlargement = { sides: 0.25, above: 0.35, below: 0.2, minWidth: 32, minHeight: 40 };

/**
 * The area to paint for one face: grown, widened to the minimum size around the face centre,
 * snapped outward to whole pixels and clamped to the image. Returns undefined when nothing of
 * it lies inside the image.
 */
export function enlargeBox(box: Box, imageWidth: number, imageHeight: number, growth: Enlargement = DEFAULT_ENLARGEMENT): Box | undefined {
  let left = box.x - growth.sides * box.width;
  let right = box.x + box.width + growth.sides * box.width;
  let top = box.y - growth.above * box.height;
  let bottom = box.y + box.height + growth.below * box.height;
  if (right - left < growth.minWidth) {
    const cx = box.x + box.width / 2;
    left = cx - growth.minWidth / 2;
    right = cx + growth.minWidth / 2;
  }
  if (bottom - top < growth.minHeight) {
    // Keep the same proportion above and below as the growth itself.
    const shareAbove = (growth.above + 0.5) / (growth.above + growth.below + 1);
    const anchor = box.y + box.height / 2;
    top = anchor - growth.minHeight * shareAbove;
    bottom = top + growth.minHeight;
  }
  const x0 = Math.max(0, Math.floor(left));
  const y0 = Math.max(0, Math.floor(top));
  const x1 = Math.min(imageWidth, Math.ceil(right));
  const y1 = Math.min(imageHeight, Math.ceil(bottom));
  if (x1 <= x0 || y1 <= y0) return undefined;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Clamps a box to the image; undefined when it lies wholly outside. */
export function clampBox(box: Box, imageWidth: number, imageHeight: number): Box | undefined {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(imageWidth, box.x + box.width);
  const y1 = Math.min(imageHeight, box.y + box.height);
  if (!(x1 > x0 && y1 > y0)) return undefined;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
