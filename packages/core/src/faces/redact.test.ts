import { describe, expect, it } from 'vitest';
import { enlargeBox } from './geometry.js';
import { FILL_RGB, MOSAIC_BLOCKS, redactImage } from './redact.js';
import type { RgbaImage } from './image.js';

function noiseImage(width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7919 + (i >> 3) * 31) & 0xff;
  return { width, height, data };
}

function pixel(image: RgbaImage, x: number, y: number): number[] {
  const p = (y * image.width + x) * 4;
  return [...image.data.subarray(p, p + 4)];
}

describe('redactImage', () => {
  const face = { x: 60, y: 50, width: 40, height: 50 };

  it('fills the whole enlarged box with the opaque fixed colour, and nothing outside it', () => {
    const image = noiseImage(200, 160);
    const before = new Uint8Array(image.data);
    const { image: out, regions } = redactImage(image, [face]);
    const region = enlargeBox(face, 200, 160)!;
    expect(regions).toEqual([region]);
    const wrong: string[] = [];
    for (let y = 0; y < 160; y++) {
      for (let x = 0; x < 200; x++) {
        const inside = x >= region.x && x < region.x + region.width && y >= region.y && y < region.y + region.height;
        const expected = inside ? [...FILL_RGB, 255] : [...before.subarray((y * 200 + x) * 4, (y * 200 + x) * 4 + 4)];
        if (pixel(out, x, y).join() !== expected.join()) wrong.push(`${x},${y}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(image.data).toEqual(before); // the input is untouched
  });

  it('mosaic uses at most 6 blocks across and random noise from the injected source', () => {
    const image = noiseImage(200, 160);
    let calls = 0;
    const { image: out, regions } = redactImage(image, [face], {
      method: 'mosaic',
      randomBytes: (bytes) => {
        calls++;
        bytes.fill(255);
      },
    });
    const region = regions[0]!;
    const colours = new Set<string>();
    for (let x = region.x; x < region.x + region.width; x++) colours.add(pixel(out, x, region.y).join());
    expect(colours.size).toBeLessThanOrEqual(MOSAIC_BLOCKS);
    expect(calls).toBeGreaterThan(0);
  });

  it('blur changes the region and makes transparent pixels opaque', () => {
    const image = noiseImage(200, 160);
    for (let i = 3; i < image.data.length; i += 4) image.data[i] = 0;
    const { image: out, regions } = redactImage(image, [face], { method: 'blur' });
    const region = regions[0]!;
    expect(pixel(out, region.x + 5, region.y + 5)[3]).toBe(255);
    expect(pixel(out, region.x + 5, region.y + 5).slice(0, 3)).not.toEqual(pixel(image, region.x + 5, region.y + 5).slice(0, 3));
  });
});
