/**
 * Hostile and damaged inputs for every photo format, built by hand: each must end in a typed
 * FormatError with a code and an offset (never a hang, never an untyped exception), and a good
 * file truncated at every length must either still parse or fail the same typed way.
 */
import { describe, expect, it } from 'vitest';
import { crc32 } from '../bytes/crc32.js';
import { bytesSource, piecesToBytes } from '../bytes/source.js';
import { asciiBytes, concatBytes, indexOfBytes } from '../bytes/view.js';
import { FormatError, type IssueCode } from '../issues.js';
import { DEFAULT_SCRUB_OPTIONS, type FormatModule } from '../registry.js';
import { planScrub } from '../scrub.js';
import { gif } from './gif/index.js';
import { jpeg } from './jpeg/index.js';
import { png } from './png/index.js';
import { tiff } from './tiff/index.js';
import { webp } from './webp/index.js';

const u16be = (v: number): number[] => [v >> 8, v & 0xff];
const u32be = (v: number): number[] => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
const u32le = (v: number): number[] => u32be(v).reverse();
const u16le = (v: number): number[] => u16be(v).reverse();

function jpegFile(options: { eoi?: boolean } = {}): Uint8Array {
  const dqt = [0xff, 0xdb, ...u16be(67), 0, ...new Array<number>(64).fill(1)];
  const sof = [0xff, 0xc0, ...u16be(11), 8, ...u16be(1), ...u16be(1), 1, 1, 0x11, 0];
  const com = [0xff, 0xfe, ...u16be(2 + 9), ...asciiBytes('secret-12')];
  const sos = [0xff, 0xda, ...u16be(8), 1, 1, 0, 0, 63, 0, 0x12, 0x34, 0xff, 0x00, 0x56];
  return new Uint8Array([0xff, 0xd8, ...dqt, ...com, ...sof, ...sos, ...(options.eoi === false ? [] : [0xff, 0xd9])]);
}

function pngChunk(type: string, data: number[]): number[] {
  const body = [...asciiBytes(type), ...data];
  return [...u32be(data.length), ...body, ...u32be(crc32(new Uint8Array(body)))];
}

function pngFile(): Uint8Array {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...pngChunk('IHDR', [...u32be(1), ...u32be(1), 8, 0, 0, 0, 0]),
    ...pngChunk('tEXt', [...asciiBytes('Author\0secret-12')]),
    ...pngChunk('IDAT', [0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1]),
    ...pngChunk('IEND', []),
  ]);
}

function riffChunk(fourCC: string, data: number[]): number[] {
  return [...asciiBytes(fourCC), ...u32le(data.length), ...data, ...(data.length & 1 ? [0] : [])];
}

function webpFile(): Uint8Array {
  const vp8x = riffChunk('VP8X', [0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const image = riffChunk('VP8L', [0x2f, 0, 0, 0, 0, 1, 2, 3]);
  const xmp = riffChunk('XMP ', [...asciiBytes('<x:xmpmeta><dc:creator>secret-12</dc:creator></x:xmpmeta>')]);
  const body = [...asciiBytes('WEBP'), ...vp8x, ...image, ...xmp];
  return new Uint8Array([...asciiBytes('RIFF'), ...u32le(body.length), ...body]);
}

function gifFile(): Uint8Array {
  return new Uint8Array([
    ...asciiBytes('GIF89a'), ...u16le(1), ...u16le(1), 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, // 2-colour global table
    0x21, 0xfe, 9, ...asciiBytes('secret-12'), 0, // comment
    0x21, 0xf9, 4, 0, 0, 0, 0, 0, // graphic control
    0x2c, 0, 0, 0, 0, ...u16le(1), ...u16le(1), 0, 2, 2, 0x44, 0x01, 0, // image
    0x3b,
  ]);
}

/** A 2×1 8-bit grey TIFF (one strip) with Artist = "secret-12" in every IFD; optionally several pages or a loop. */
function tiffFile(options: { pages?: number; loop?: boolean } = {}): Uint8Array {
  const pages = options.pages ?? 1;
  const out: number[] = [...asciiBytes('II'), ...u16le(42), ...u32le(8)];
  const entry = (tag: number, type: number, count: number, value: number): number[] => [...u16le(tag), ...u16le(type), ...u32le(count), ...u32le(value)];
  for (let page = 0; page < pages; page++) {
    const ifdAt = out.length;
    const ifdSize = 2 + 7 * 12 + 4;
    const artistAt = ifdAt + ifdSize;
    const stripAt = artistAt + 10;
    const nextAt = page + 1 < pages ? stripAt + 2 : options.loop ? 8 : 0;
    out.push(...u16le(7),
      ...entry(256, 3, 1, 2), ...entry(257, 3, 1, 1), ...entry(258, 3, 1, 8), ...entry(262, 3, 1, 1),
      ...entry(273, 4, 1, stripAt), ...entry(279, 4, 1, 2), ...entry(315, 2, 10, artistAt),
      ...u32le(nextAt), ...asciiBytes('secret-12'), 0, 0x10, 0xf0);
  }
  return new Uint8Array(out);
}

async function expectFormatError(format: FormatModule, bytes: Uint8Array, code: IssueCode, offset?: number): Promise<FormatError> {
  const error = await format.scrub(bytesSource(bytes), DEFAULT_SCRUB_OPTIONS).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `${format.id}: expected ${code}`).toBeInstanceOf(FormatError);
  const typed = error as FormatError;
  expect(typed.code).toBe(code);
  expect(typeof typed.offset).toBe('number');
  if (offset !== undefined) expect(typed.offset).toBe(offset);
  return typed;
}

async function scrubToBytes(format: FormatModule, bytes: Uint8Array): Promise<Uint8Array> {
  const source = bytesSource(bytes);
  const output = await format.scrub(source, DEFAULT_SCRUB_OPTIONS);
  return piecesToBytes(output.pieces, source);
}

const SECRET = asciiBytes('secret-12');
const GOOD: ReadonlyArray<[string, FormatModule, () => Uint8Array]> = [
  ['jpeg', jpeg, () => jpegFile()],
  ['png', png, pngFile],
  ['webp', webp, webpFile],
  ['gif', gif, gifFile],
  ['tiff', tiff, () => tiffFile({ pages: 2 })],
];

describe('hand-built photo files', () => {
  it.each(GOOD)('%s: the good file is cleaned, the secret is gone, and a second pass changes nothing', async (_name, format, make) => {
    const input = make();
    expect(format.sniff(input, input.length)).toBe('confident');
    expect(indexOfBytes(input, SECRET)).toBeGreaterThan(0);
    const once = await scrubToBytes(format, input);
    expect(indexOfBytes(once, SECRET)).toBe(-1);
    expect((await format.inspect(bytesSource(once))).items.filter((item) => item.category !== 'orientation')).toEqual([]);
    expect(await scrubToBytes(format, once)).toEqual(once);
  });

  it.each(GOOD)('%s: every truncation is a typed error or a clean parse, never a crash', async (_name, format, make) => {
    const input = make();
    for (let length = 0; length < input.length; length++) {
      const prefix = input.slice(0, length);
      const plan = await planScrub(bytesSource(prefix), DEFAULT_SCRUB_OPTIONS, [format]);
      if (plan.status === 'failed' || plan.status === 'unsupported') expect(plan.issue ?? plan.reason, `${format.id} cut at ${length}`).toBeDefined();
    }
  });

  it.each(GOOD)('%s: every single-byte corruption is a typed error or a clean parse, never a crash', async (_name, format, make) => {
    const input = make();
    for (let at = 0; at < input.length; at++) {
      for (const value of [0x00, 0xff, 0x7f]) {
        const damaged = input.slice();
        damaged[at] = value;
        await planScrub(bytesSource(damaged), DEFAULT_SCRUB_OPTIONS, [format]); // throws only on untyped errors
      }
    }
  });
});

describe('hostile JPEG', () => {
  it('no EOI: truncated at the scan data', async () => {
    const error = await expectFormatError(jpeg, jpegFile({ eoi: false }), 'truncated');
    expect(error.offset).toBeGreaterThan(2);
  });
  it('segment length past the end', async () => {
    await expectFormatError(jpeg, new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x7f, 0xff, 0x45, 0x78]), 'truncated', 4);
  });
  it('only SOI', async () => {
    await expectFormatError(jpeg, new Uint8Array([0xff, 0xd8]), 'truncated', 2);
  });
});

describe('hostile PNG', () => {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  it('huge declared chunk length', async () => {
    await expectFormatError(png, new Uint8Array([...signature, 0x80, 0, 0, 0, ...asciiBytes('IHDR')]), 'limit_exceeded', 8);
  });
  it('chunk length past the end', async () => {
    await expectFormatError(png, new Uint8Array([...signature, 0, 0, 1, 0, ...asciiBytes('IHDR'), 1, 2, 3]), 'truncated', 8);
  });
  it('no IEND', async () => {
    const good = pngFile();
    await expectFormatError(png, good.slice(0, good.length - 12), 'truncated', good.length - 12);
  });
});

describe('hostile WebP', () => {
  it('RIFF size larger than the file (a size lie)', async () => {
    const bytes = webpFile();
    new DataView(bytes.buffer).setUint32(4, bytes.length * 4, true);
    await expectFormatError(webp, bytes, 'truncated', 4);
  });
  it('RIFF size 0xFFFFFFFF', async () => {
    const bytes = webpFile();
    new DataView(bytes.buffer).setUint32(4, 0xffffffff, true);
    await expectFormatError(webp, bytes, 'truncated', 4);
  });
  it('chunk size past the end of the RIFF data', async () => {
    const bytes = webpFile();
    new DataView(bytes.buffer).setUint32(16, 0x7fffffff, true); // VP8X size
    await expectFormatError(webp, bytes, 'truncated', 16);
  });
  it('first chunk is not an image or VP8X', async () => {
    const bytes = webpFile();
    bytes.set(asciiBytes('ICCP'), 12);
    await expectFormatError(webp, bytes, 'invalid', 12);
  });
  it('RIFF size smaller than the real data: the rest is dropped as trailing bytes', async () => {
    const bytes = webpFile();
    const vp8xAndImage = 4 + 18 + 16;
    new DataView(bytes.buffer).setUint32(4, vp8xAndImage, true);
    const out = await scrubToBytes(webp, bytes);
    expect(out.length).toBe(8 + vp8xAndImage);
    expect(indexOfBytes(out, SECRET)).toBe(-1);
  });
});

describe('hostile GIF', () => {
  it('sub-block runs past the end', async () => {
    const bytes = concatBytes([gifFile().slice(0, 19), new Uint8Array([0x21, 0xfe, 200, 1, 2, 3])]);
    await expectFormatError(gif, bytes, 'truncated', 21);
  });
  it('no trailer', async () => {
    const good = gifFile();
    await expectFormatError(gif, good.slice(0, good.length - 1), 'truncated', good.length - 1);
  });
  it('global colour table past the end', async () => {
    await expectFormatError(gif, new Uint8Array([...asciiBytes('GIF89a'), 1, 0, 1, 0, 0x87, 0, 0, 0]), 'truncated');
  });
  it('unknown block introducer', async () => {
    const good = gifFile();
    const bytes = good.slice();
    bytes[19] = 0x55;
    await expectFormatError(gif, bytes, 'invalid', 19);
  });
});

describe('hostile TIFF', () => {
  it('IFD chain loop', async () => {
    await expectFormatError(tiff, tiffFile({ pages: 2, loop: true }), 'loop', 8);
  });
  it('IFD offset past the end', async () => {
    const bytes = tiffFile();
    new DataView(bytes.buffer).setUint32(4, 0x7fff0000, true);
    await expectFormatError(tiff, bytes, 'truncated');
  });
  it('huge entry count', async () => {
    const bytes = tiffFile();
    new DataView(bytes.buffer).setUint16(8, 0xffff, true);
    await expectFormatError(tiff, bytes, 'limit_exceeded', 8);
  });
  it('strip byte count past the end', async () => {
    const bytes = tiffFile();
    // StripByteCounts (279) is entry 5 (after 256, 257, 258, 262, 273) of IFD0; its inline value is at +8.
    new DataView(bytes.buffer).setUint32(8 + 2 + 5 * 12 + 8, 0x7fffffff, true);
    await expectFormatError(tiff, bytes, 'truncated');
  });
  it('huge value count on a kept tag', async () => {
    const bytes = tiffFile();
    new DataView(bytes.buffer).setUint32(8 + 2 + 2 * 12 + 4, 0x40000000, true); // BitsPerSample count
    const error = await expectFormatError(tiff, bytes, 'truncated');
    expect(error.offset).toBeLessThan(bytes.length);
  });
  it('BigTIFF with a 2^63 entry count', async () => {
    const bytes = new Uint8Array([...asciiBytes('II'), ...u16le(43), ...u16le(8), 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80]);
    await expectFormatError(tiff, bytes, 'limit_exceeded', 16);
  });
});
