/**
 * Corrections a person (or the web app's review screen) makes to the detections before the final
 * write. Schema of one file's entry (the `--boxes FILE` JSON maps file names to these):
 *
 * ```json
 * { "remove": [2, 5], "add": [{ "x": 10, "y": 20, "width": 40, "height": 50 }], "onlyAdded": false }
 * ```
 * - `remove`: 1-based numbers of detected boxes, as printed and drawn on the contact sheet;
 * - `add`: boxes to paint too (face boxes: they are grown like detections), in displayed pixels;
 * - `onlyAdded`: when true, ignore the detector and paint exactly the `add` boxes.
 */
import type { Box, FaceBox } from './geometry.js';

export interface BoxReview {
  readonly remove?: readonly number[];
  readonly add?: readonly Box[];
  readonly onlyAdded?: boolean;
}

/** Checks an untrusted JSON value against the schema above; throws a readable error. */
export function parseBoxReview(value: unknown, where: string): BoxReview {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${where}: expected an object with "remove" and/or "add"`);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'remove' && key !== 'add' && key !== 'onlyAdded') throw new TypeError(`${where}: unknown key "${key}" (expected remove, add, onlyAdded)`);
  }
  const review: { remove?: number[]; add?: Box[]; onlyAdded?: boolean } = {};
  if (record.remove !== undefined) {
    if (!Array.isArray(record.remove) || !record.remove.every((n) => Number.isInteger(n) && (n as number) >= 1)) {
      throw new TypeError(`${where}.remove: expected an array of box numbers (1, 2, …)`);
    }
    review.remove = record.remove as number[];
  }
  if (record.add !== undefined) {
    if (!Array.isArray(record.add)) throw new TypeError(`${where}.add: expected an array of boxes`);
    review.add = record.add.map((box, i) => parseBox(box, `${where}.add[${i}]`));
  }
  if (record.onlyAdded !== undefined) {
    if (typeof record.onlyAdded !== 'boolean') throw new TypeError(`${where}.onlyAdded: expected true or false`);
    review.onlyAdded = record.onlyAdded;
  }
  return review;
}

function parseBox(value: unknown, where: string): Box {
  if (typeof value !== 'object' || value === null) throw new TypeError(`${where}: expected {x, y, width, height}`);
  const r = value as Record<string, unknown>;
  const numbers = ['x', 'y', 'width', 'height'].map((key) => r[key]);
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) throw new TypeError(`${where}: x, y, width and height must be numbers`);
  const [x, y, width, height] = numbers as [number, number, number, number];
  if (!(width > 0 && height > 0)) throw new TypeError(`${where}: width and height must be positive`);
  return { x, y, width, height };
}

/** Applies a review to the detected boxes (numbered from 1 in the given order). */
export function applyBoxReview(detected: readonly FaceBox[], review: BoxReview | undefined): FaceBox[] {
  if (review === undefined) return [...detected];
  const removed = new Set(review.remove ?? []);
  const kept = review.onlyAdded ? [] : detected.filter((_, i) => !removed.has(i + 1));
  return [...kept, ...(review.add ?? []).map((box) => ({ ...box, score: 1 }))];
}
