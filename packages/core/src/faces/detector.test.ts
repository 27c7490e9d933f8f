import { describe, expect, it } from 'vitest';
import { createEnsembleDetector, type DetectOptions, type FaceDetector } from './detector.js';
import type { FaceBox } from './geometry.js';
import { blazeFaceSpec } from './models.js';

/** A detector that returns fixed boxes and records the options it was called with. */
function fixed(boxes: FaceBox[], calls: DetectOptions[]): FaceDetector {
  return {
    spec: blazeFaceSpec(256),
    detect(_image, options = {}) {
      calls.push(options);
      return Promise.resolve(boxes.filter((box) => box.score >= (options.threshold ?? 0.5)));
    },
  };
}

describe('ensemble detector', () => {
  const image = { width: 100, height: 100, data: new Uint8ClampedArray(100 * 100 * 4) };

  it('pools the members, keeps each member its own tiles and threshold, and merges overlaps', async () => {
    const backCalls: DetectOptions[] = [];
    const frontCalls: DetectOptions[] = [];
    const back = fixed([{ x: 10, y: 10, width: 20, height: 20, score: 0.9 }], backCalls);
    const front = fixed(
      [
        { x: 11, y: 11, width: 20, height: 20, score: 0.7 }, // the same face: merged away
        { x: 60, y: 60, width: 20, height: 20, score: 0.6 }, // a face only this model finds
        { x: 60, y: 10, width: 20, height: 20, score: 0.52 }, // under this member's threshold
      ],
      frontCalls,
    );
    const ensemble = createEnsembleDetector([
      { detector: back, options: { tileSizes: [384] } },
      { detector: front, options: { tileSizes: [224], threshold: 0.55 } },
    ]);
    const found = await ensemble.detect(image);
    expect(found.map((box) => box.score)).toEqual([0.9, 0.6]);
    expect(backCalls[0]?.tileSizes).toEqual([384]);
    expect(frontCalls[0]).toMatchObject({ tileSizes: [224], threshold: 0.55 });
  });

  it('applies a threshold given to detect() to every member, never its tile sizes', async () => {
    const calls: DetectOptions[] = [];
    const ensemble = createEnsembleDetector([{ detector: fixed([], calls), options: { tileSizes: [224], threshold: 0.55 } }]);
    await ensemble.detect(image, { threshold: 0.7, tileSizes: [999], mirror: true });
    expect(calls[0]).toEqual({ tileSizes: [224], threshold: 0.7, mirror: true });
    expect(() => createEnsembleDetector([])).toThrow();
  });
});
