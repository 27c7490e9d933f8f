import { describe, expect, it } from 'vitest';
import { applyBoxReview, parseBoxReview } from './review.js';

const detected = [
  { x: 0, y: 0, width: 10, height: 10, score: 0.9 },
  { x: 20, y: 0, width: 10, height: 10, score: 0.8 },
];

describe('box review', () => {
  it('removes by 1-based number and adds boxes with score 1', () => {
    const review = parseBoxReview({ remove: [1], add: [{ x: 5, y: 6, width: 7, height: 8 }] }, 'test');
    expect(applyBoxReview(detected, review)).toEqual([detected[1], { x: 5, y: 6, width: 7, height: 8, score: 1 }]);
  });

  it('onlyAdded ignores the detector', () => {
    expect(applyBoxReview(detected, parseBoxReview({ onlyAdded: true, add: [] }, 'test'))).toEqual([]);
  });

  it('rejects malformed entries with a readable message', () => {
    expect(() => parseBoxReview({ remove: [0] }, 'f')).toThrow(/box numbers/);
    expect(() => parseBoxReview({ add: [{ x: 1, y: 2, width: -1, height: 3 }] }, 'f')).toThrow(/positive/);
    expect(() => parseBoxReview({ delete: [1] }, 'f')).toThrow(/unknown key "delete"/);
    expect(() => parseBoxReview([], 'f')).toThrow(/object/);
  });
});
