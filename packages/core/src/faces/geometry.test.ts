import { describe, expect, it } from 'vitest';
import { DEFAULT_ENLARGEMENT, enlargeBox, iou, nonMaximumSuppression } from './geometry.js';
import { planPasses } from './detector.js';

describe('face box geometry', () => {
  it('computes IoU', () => {
    expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 0, y: 0, width: 10, height: 10 })).toBe(1);
    expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 0, width: 10, height: 10 })).toBeCloseTo(50 / 150);
    expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 20, y: 20, width: 5, height: 5 })).toBe(0);
  });

  it('keeps the best of overlapping boxes and drops fragments inside a better box', () => {
    const kept = nonMaximumSuppression(
      [
        { x: 0, y: 0, width: 100, height: 100, score: 0.9 },
        { x: 5, y: 5, width: 100, height: 100, score: 0.8 },
        { x: 10, y: 10, width: 30, height: 30, score: 0.7 },
        { x: 300, y: 300, width: 50, height: 50, score: 0.6 },
      ],
      0.4,
    );
    expect(kept.map((box) => box.score)).toEqual([0.9, 0.6]);
  });

  it('grows a face box by 25 % each side, 35 % above and 20 % below (≈ 1.5 w × 1.55 h)', () => {
    const grown = enlargeBox({ x: 100, y: 100, width: 40, height: 60 }, 1000, 1000)!;
    expect(grown).toEqual({ x: 90, y: 79, width: 60, height: 93 });
    expect(grown.width / 40).toBeCloseTo(1.5);
    expect(grown.height / 60).toBeCloseTo(1.55, 1);
  });

  it('paints at least 32 × 40 px around a tiny face, and clamps to the image', () => {
    const tiny = enlargeBox({ x: 50, y: 50, width: 8, height: 10 }, 1000, 1000)!;
    expect(tiny.width).toBeGreaterThanOrEqual(DEFAULT_ENLARGEMENT.minWidth);
    expect(tiny.height).toBeGreaterThanOrEqual(DEFAULT_ENLARGEMENT.minHeight);
    expect(tiny.x).toBeLessThanOrEqual(50);
    expect(tiny.x + tiny.width).toBeGreaterThanOrEqual(58);
    expect(tiny.y).toBeLessThanOrEqual(50);
    expect(tiny.y + tiny.height).toBeGreaterThanOrEqual(60);
    expect(enlargeBox({ x: -10, y: -10, width: 40, height: 40 }, 100, 100)).toEqual({ x: 0, y: 0, width: 40, height: 38 });
    expect(enlargeBox({ x: 500, y: 500, width: 10, height: 10 }, 100, 100)).toBeUndefined();
  });
});

describe('tiling plan', () => {
  it('starts with the whole image and covers it with overlapping tiles', () => {
    const regions = planPasses(1024, 768, [384]);
    expect(regions[0]).toEqual({ x: 0, y: 0, width: 1024, height: 768 });
    const tiles = regions.slice(1);
    expect(tiles.every((t) => t.width === 384 && t.height === 384)).toBe(true);
    // Every pixel lies in some tile; neighbours overlap by at least 25 %.
    for (const [x, y] of [[0, 0], [1023, 767], [511, 383], [700, 20]] as const) {
      expect(tiles.some((t) => x >= t.x && x < t.x + t.width && y >= t.y && y < t.y + t.height)).toBe(true);
    }
    const xs = [...new Set(tiles.map((t) => t.x))].sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeLessThanOrEqual(384 * 0.75);
    expect(planPasses(300, 200, [384])).toHaveLength(1);
  });
});
