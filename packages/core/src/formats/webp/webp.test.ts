import { describe, expect, it } from 'vitest';
import { bytesSource, piecesToBytes } from '../../bytes/source.js';
import { asciiBytes, indexOfBytes } from '../../bytes/view.js';
import { DEFAULT_SCRUB_OPTIONS } from '../../registry.js';
import { riffChunk, webp } from './index.js';
import { walkWebp } from './riff.js';

function riff(...chunks: Uint8Array[]): Uint8Array {
  const body = [...asciiBytes('WEBP'), ...chunks.flatMap((chunk) => [...chunk])];
  const out = new Uint8Array(8 + body.length);
  out.set(asciiBytes('RIFF'));
  new DataView(out.buffer).setUint32(4, body.length, true);
  out.set(body, 8);
  return out;
}

const vp8x = (flags: number): Uint8Array => riffChunk('VP8X', new Uint8Array([flags, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
/** Big-endian EXIF: IFD0 with Make ("SecretMaker", out of line) and Orientation. */
const exifWithMake = (orientation: number): Uint8Array => {
  const out = new Uint8Array(8 + 2 + 24 + 4 + 12);
  const view = new DataView(out.buffer);
  out.set(asciiBytes('MM'));
  view.setUint16(2, 42);
  view.setUint32(4, 8);
  view.setUint16(8, 2);
  view.setUint16(10, 0x010f); view.setUint16(12, 2); view.setUint32(14, 12); view.setUint32(18, 38);
  view.setUint16(22, 0x0112); view.setUint16(24, 3); view.setUint32(26, 1); view.setUint16(30, orientation);
  view.setUint32(34, 0);
  out.set(asciiBytes('SecretMaker\0'), 38);
  return out;
};

async function clean(bytes: Uint8Array, keepColourProfile = true): Promise<{ out: Uint8Array; kept: string[]; removed: string[] }> {
  const source = bytesSource(bytes);
  const result = await webp.scrub(source, { ...DEFAULT_SCRUB_OPTIONS, keepColourProfile });
  return { out: await piecesToBytes(result.pieces, source), kept: result.kept.map((item) => item.category), removed: result.removed.map((item) => item.category) };
}

describe('WebP scrubber', () => {
  const image = riffChunk('VP8L', new Uint8Array([0x2f, 1, 2, 3, 4]));
  const icc = riffChunk('ICCP', new Uint8Array(8).fill(7));
  const xmp = riffChunk('XMP ', asciiBytes('<dc:creator>SecretPerson</dc:creator>'));

  it('keeps an Orientation-only EXIF when rotated, drops XMP, fixes flags and RIFF size', async () => {
    const input = riff(vp8x(0x2c), icc, image, riffChunk('EXIF', exifWithMake(6)), xmp);
    const { out, kept } = await clean(input);
    expect(indexOfBytes(out, asciiBytes('Secret'))).toBe(-1);
    expect(out[20]).toBe(0x28);
    expect(new DataView(out.buffer).getUint32(4, true)).toBe(out.length - 8);
    expect(walkWebp(out).chunks.map((chunk) => chunk.fourCC)).toEqual(['VP8X', 'ICCP', 'VP8L', 'EXIF']);
    expect(kept).toEqual(['colour-profile', 'orientation']);
    expect((await webp.inspect(bytesSource(out))).items.map((item) => item.category).sort()).toEqual(['colour-profile', 'orientation']);
  });

  it('drops EXIF whose orientation is 1, and the ICC profile on request', async () => {
    const { out } = await clean(riff(vp8x(0x28), icc, image, riffChunk('EXIF', exifWithMake(1))), false);
    expect(out[20]).toBe(0);
    expect(walkWebp(out).chunks.map((chunk) => chunk.fourCC)).toEqual(['VP8X', 'VP8L']);
  });

  it('removes unknown chunks inside animation frames and after the RIFF data', async () => {
    const frameHeader = new Uint8Array(16);
    const frame = riffChunk('ANMF', new Uint8Array([...frameHeader, ...image, ...riffChunk('ZZZZ', asciiBytes('SecretFrame'))]));
    const input = new Uint8Array([...riff(vp8x(0x02), riffChunk('ANIM', new Uint8Array(6)), frame), ...asciiBytes('SecretTail')]);
    const { out, removed } = await clean(input);
    expect(indexOfBytes(out, asciiBytes('Secret'))).toBe(-1);
    expect(removed).toEqual(['other', 'other']);
    expect(walkWebp(out).chunks.map((chunk) => chunk.fourCC)).toEqual(['VP8X', 'ANIM', 'ANMF']);
    expect(new DataView(out.buffer).getUint32(4, true)).toBe(out.length - 8);
  });

  it('returns a file with nothing to remove as one identity copy', async () => {
    const input = riff(vp8x(0x20), icc, image);
    const result = await webp.scrub(bytesSource(input), DEFAULT_SCRUB_OPTIONS);
    expect(result.pieces).toEqual([{ kind: 'copy', offset: 0, length: input.length }]);
  });
});
