// The DCT-domain editor on JPEGs made by ImageMagick and libjpeg-turbo's jpegtran (restart markers),
// checked against ImageMagick's decoder: outside the painted MCUs nothing changes, inside is grey.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extrasInImageFile } from './bare-file.js';
import { redactJpegBlocks } from './jpeg-blocks.js';

const dir = mkdtempSync(join(tmpdir(), 'lowprofile-blocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: string[]): Buffer {
  const result = spawnSync(command, args, { maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString()}`);
  return result.stdout;
}

/** RGB pixels via ImageMagick (an independent decoder). */
function pixels(path: string): Buffer {
  return run('convert', [path, '-depth', '8', 'rgb:-']);
}

function make(name: string, args: string[]): string {
  const path = join(dir, name);
  run('convert', ['-size', '333x217', '-seed', '3', 'plasma:fractal', ...args, path]);
  return path;
}

const CASES: [string, () => string, number][] = [
  ['4:4:4', () => make('444.jpg', ['-sampling-factor', '1x1', '-quality', '92']), 8],
  ['4:2:0 with restart markers', () => {
    const plain = make('420.jpg', ['-sampling-factor', '2x2', '-quality', '85']);
    const out = join(dir, '420-rst.jpg');
    run('jpegtran', ['-restart', '1', '-outfile', out, plain]);
    return out;
  }, 16],
  ['4:2:2', () => make('422.jpg', ['-sampling-factor', '2x1', '-quality', '90']), 16],
  ['greyscale', () => make('grey.jpg', ['-colorspace', 'Gray', '-quality', '90']), 8],
];

describe('redactJpegBlocks', () => {
  for (const [label, build, mcu] of CASES) {
    it(`paints whole MCUs grey and leaves the rest bit-identical (${label})`, () => {
      const path = build();
      const input = new Uint8Array(readFileSync(path));
      const result = redactJpegBlocks(input, [{ x: 50, y: 40, width: 70, height: 90 }]);
      if ('unsupported' in result) throw new Error(result.unsupported);
      const [region] = result.regions;
      expect(region!.x % mcu).toBe(0);
      expect(region!.x).toBeLessThanOrEqual(50);
      expect(region!.x + region!.width).toBeGreaterThanOrEqual(120);
      expect(region!.y + region!.height).toBeGreaterThanOrEqual(130);
      expect(extrasInImageFile(result.bytes, 'jpeg')).toEqual([]);
      const out = join(dir, `out-${mcu}-${label.replace(/\W/g, '')}.jpg`);
      writeFileSync(out, result.bytes);
      const a = pixels(path);
      const b = pixels(out);
      expect(b.length).toBe(a.length);
      let outside = 0;
      let notGrey = 0;
      for (let y = 0; y < 217; y++) {
        for (let x = 0; x < 333; x++) {
          const inRegion = x >= region!.x && x < region!.x + region!.width && y >= region!.y && y < region!.y + region!.height;
          const near = x >= region!.x - mcu && x < region!.x + region!.width + mcu && y >= region!.y - mcu && y < region!.y + region!.height + mcu;
          const interior = x > region!.x && x < region!.x + region!.width - 1 && y > region!.y && y < region!.y + region!.height - 1;
          for (let c = 0; c < 3; c++) {
            const p = (y * 333 + x) * 3 + c;
            if (!near && a[p] !== b[p]) outside++;
            if (inRegion && interior && Math.abs(b[p]! - 128) > 1) notGrey++;
          }
        }
      }
      expect(outside).toBe(0);
      expect(notGrey).toBe(0);
    });
  }

  it('declines progressive JPEGs (the caller re-encodes them)', () => {
    const path = make('progressive.jpg', ['-interlace', 'JPEG']);
    expect(redactJpegBlocks(new Uint8Array(readFileSync(path)), [])).toEqual({ unsupported: expect.stringMatching(/progressive/) });
  });
});
