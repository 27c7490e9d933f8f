import { describe, expect, it } from 'vitest';
import { bytesSource, piecesToBytes } from '../../bytes/source.js';
import { asciiBytes, ByteView, indexOfBytes } from '../../bytes/view.js';
import { FormatError } from '../../issues.js';
import { readTiffHeader, walkIfdChain } from '../../payloads/exif-tiff/ifd.js';
import { DEFAULT_SCRUB_OPTIONS } from '../../registry.js';
import { tiff } from './index.js';

interface Tag {
  tag: number;
  type: number;
  /** Values as numbers (written with the type's size) or raw bytes. */
  values: number[] | Uint8Array;
}

const SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 7: 1, 16: 8 };

/**
 * Builds a TIFF: each page is a list of tags plus its strip data. Strip offsets (273) are filled in.
 * Layout: header, then per page [strip data, out-of-line values, IFD] — the IFD last, as many
 * writers do, so a cleaned file has a different layout.
 */
function buildTiff(pages: Array<{ tags: Tag[]; strip: Uint8Array | Uint8Array[]; tiled?: boolean }>, options: { big?: boolean; little?: boolean } = {}): Uint8Array {
  const big = options.big ?? false;
  const little = options.little ?? true;
  const out = new Uint8Array(1 << 16);
  const view = new DataView(out.buffer);
  const put = (at: number, size: number, value: number): void => {
    if (size === 1) view.setUint8(at, value);
    else if (size === 2) view.setUint16(at, value, little);
    else if (size === 4) view.setUint32(at, value, little);
    else view.setBigUint64(at, BigInt(value), little);
  };
  out.set(asciiBytes(little ? 'II' : 'MM'));
  put(2, 2, big ? 43 : 42);
  if (big) {
    put(4, 2, 8);
    put(6, 2, 0);
  }
  const firstPointer = big ? 8 : 4;
  let at = big ? 16 : 8;
  let previousPointer = firstPointer;
  for (const page of pages) {
    const strips = page.strip instanceof Uint8Array ? [page.strip] : page.strip;
    const offsets = strips.map((strip) => {
      const stripAt = at;
      out.set(strip, at);
      at += strip.length + (strip.length & 1);
      return stripAt;
    });
    const [offsetTag, countTag] = page.tiled ? [324, 325] : [273, 279];
    const tags = [...page.tags, { tag: offsetTag, type: 4, values: offsets }, { tag: countTag, type: 4, values: strips.map((strip) => strip.length) }].sort((a, b) => a.tag - b.tag);
    const inline = big ? 8 : 4;
    const encoded = tags.map((entry) => {
      if (entry.values instanceof Uint8Array) return { entry, count: entry.values.length, bytes: entry.values };
      const size = SIZES[entry.type]!;
      const bytes = new Uint8Array(size * entry.values.length);
      const scratch = new DataView(bytes.buffer);
      entry.values.forEach((value, index) => {
        if (size === 1) scratch.setUint8(index, value);
        else if (size === 2) scratch.setUint16(index * 2, value, little);
        else if (size === 4) scratch.setUint32(index * 4, value, little);
        else scratch.setBigUint64(index * 8, BigInt(value), little);
      });
      return { entry, count: entry.values.length, bytes };
    });
    const valueAt = new Map<number, number>();
    for (const item of encoded) {
      if (item.bytes.length > inline) {
        valueAt.set(item.entry.tag, at);
        out.set(item.bytes, at);
        at += item.bytes.length + (item.bytes.length & 1);
      }
    }
    const ifdAt = at;
    put(previousPointer, big ? 8 : 4, ifdAt);
    put(at, big ? 8 : 2, tags.length);
    at += big ? 8 : 2;
    for (const item of encoded) {
      put(at, 2, item.entry.tag);
      put(at + 2, 2, item.entry.type);
      put(at + 4, big ? 8 : 4, item.count);
      const field = at + (big ? 12 : 8);
      if (valueAt.has(item.entry.tag)) put(field, big ? 8 : 4, valueAt.get(item.entry.tag)!);
      else out.set(item.bytes, field);
      at += big ? 20 : 12;
    }
    previousPointer = at;
    put(at, big ? 8 : 4, 0);
    at += big ? 8 : 4;
  }
  return out.slice(0, at);
}

const grey = (width: number): Tag[] => [
  { tag: 256, type: 3, values: [width] },
  { tag: 257, type: 3, values: [1] },
  { tag: 258, type: 3, values: [8] },
  { tag: 259, type: 3, values: [1] },
  { tag: 262, type: 3, values: [1] },
  { tag: 277, type: 3, values: [1] },
  { tag: 278, type: 3, values: [1] },
];
const ascii = (tag: number, text: string): Tag => ({ tag, type: 2, values: asciiBytes(`${text}\0`) });
const IDENTITY = [ascii(269, 'SecretDocument'), ascii(270, 'SecretDescription'), ascii(271, 'SecretMake'), ascii(272, 'SecretModel'), ascii(305, 'SecretSoftware'), ascii(306, '2024:05:01 23:15:00'), ascii(315, 'SecretArtist'), ascii(316, 'SecretHost'), ascii(33432, 'SecretCopyright')];

async function clean(bytes: Uint8Array, keepColourProfile = true): Promise<{ out: Uint8Array; kept: string[]; removed: string[] }> {
  const source = bytesSource(bytes);
  const result = await tiff.scrub(source, { ...DEFAULT_SCRUB_OPTIONS, keepColourProfile });
  return { out: await piecesToBytes(result.pieces, source), kept: result.kept.map((item) => item.category), removed: [...new Set(result.removed.map((item) => item.category))] };
}

function pages(bytes: Uint8Array): Array<Map<number, number>> {
  const view = new ByteView(bytes);
  const header = readTiffHeader(view);
  return walkIfdChain(view, header, header.firstIfdOffset, new Set()).map((ifd) => new Map(ifd.entries.map((entry) => [entry.tag, entry.count])));
}

describe('TIFF scrubber', () => {
  for (const [label, options] of [['classic little-endian', {}], ['classic big-endian', { little: false }], ['BigTIFF', { big: true }]] as const) {
    it(`${label}: writes new IFDs with only rendering tags in every page, nothing of the removed values left`, async () => {
      const strip1 = new Uint8Array([1, 2, 3, 4, 5]);
      const strip2 = new Uint8Array([9, 8, 7]);
      const input = buildTiff(
        [
          { tags: [...grey(5), ...IDENTITY, { tag: 274, type: 3, values: [6] }, { tag: 34675, type: 7, values: new Uint8Array(40).fill(0x11) }, { tag: 700, type: 7, values: asciiBytes('<x>SecretXmp</x>') }], strip: strip1 },
          { tags: [...grey(3), ascii(305, 'SecretSoftware2'), { tag: 40000, type: 4, values: [1, 2, 3] }], strip: strip2 },
        ],
        options,
      );
      const { out, kept, removed } = await clean(input);
      expect(indexOfBytes(input, asciiBytes('Secret'))).toBeGreaterThan(0);
      expect(indexOfBytes(out, asciiBytes('Secret'))).toBe(-1);
      expect(indexOfBytes(out, asciiBytes('2024:05:01'))).toBe(-1);
      expect(kept).toEqual(['orientation', 'colour-profile']);
      expect(removed).toEqual(expect.arrayContaining(['time', 'device', 'person', 'software', 'other']));
      const [first, second] = pages(out);
      expect([...first!.keys()]).toEqual([256, 257, 258, 259, 262, 273, 274, 277, 278, 279, 34675]);
      expect([...second!.keys()]).toEqual([256, 257, 258, 259, 262, 273, 277, 278, 279]);
      expect(indexOfBytes(out, strip1)).toBeGreaterThan(0);
      expect(indexOfBytes(out, strip2)).toBeGreaterThan(0);
      expect((await tiff.inspect(bytesSource(out))).items.map((item) => item.category)).toEqual(['orientation', 'colour-profile']);
      expect(await clean(out).then((again) => again.out)).toEqual(out); // idempotent
      const noIcc = await clean(input, false);
      expect(pages(noIcc.out)[0]!.has(34675)).toBe(false);
    });
  }

  it('rewrites strip and tile offsets, copying every strip and tile byte for byte', async () => {
    const pieces = Array.from({ length: 5 }, (_, index) => new Uint8Array([0xa0 + index, 0xb0 + index, 0xc0 + index]));
    for (const tiled of [false, true]) {
      const layout = tiled ? [{ tag: 322, type: 3, values: [16] }, { tag: 323, type: 3, values: [16] }] : [];
      const input = buildTiff([{ tags: [...grey(3), ...layout, ascii(271, 'SecretMake')], strip: pieces, tiled }]);
      const { out } = await clean(input);
      const view = new ByteView(out);
      const header = readTiffHeader(view);
      const [ifd] = walkIfdChain(view, header, header.firstIfdOffset, new Set());
      const offsets = ifd!.entries.find((entry) => entry.tag === (tiled ? 324 : 273))!;
      expect(offsets.count).toBe(5);
      for (let index = 0; index < 5; index++) {
        const at = view.u32(offsets.valueOffset + index * 4, true);
        expect([...out.subarray(at, at + 3)]).toEqual([...pieces[index]!]);
      }
      expect(indexOfBytes(out, asciiBytes('Secret'))).toBe(-1);
    }
  });

  it('refuses camera RAW and features it cannot clean safely, with a plain reason', async () => {
    const dng = buildTiff([{ tags: [...grey(1), { tag: 50706, type: 1, values: [1, 4, 0, 0] }, ascii(271, 'Cam')], strip: new Uint8Array([0]) }]);
    const subIfds = buildTiff([{ tags: [...grey(1), { tag: 330, type: 4, values: [8] }], strip: new Uint8Array([0]) }]);
    const oldJpeg = buildTiff([{ tags: [...grey(1).map((tag) => (tag.tag === 259 ? { ...tag, values: [6] } : tag))], strip: new Uint8Array([0]) }]);
    const cfa = buildTiff([{ tags: [...grey(1).map((tag) => (tag.tag === 262 ? { ...tag, values: [32803] } : tag))], strip: new Uint8Array([0]) }]);
    for (const [bytes, reason] of [[dng, /DNG/], [subIfds, /SubIFDs/], [oldJpeg, /old-style JPEG/], [cfa, /RAW/]] as const) {
      const error = await tiff.scrub(bytesSource(bytes), DEFAULT_SCRUB_OPTIONS).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).code).toBe('unsupported_feature');
      expect((error as FormatError).detail).toMatch(reason);
    }
  });

  it('a clean, compact file comes back as one identity copy; stray bytes make it dirty', async () => {
    const input = buildTiff([{ tags: grey(2), strip: new Uint8Array([7, 7]) }]);
    const once = (await clean(input)).out;
    const result = await tiff.scrub(bytesSource(once), DEFAULT_SCRUB_OPTIONS);
    expect(result.pieces).toEqual([{ kind: 'copy', offset: 0, length: once.length }]);
    const stray = new Uint8Array([...once, ...asciiBytes('SecretTail')]);
    const cleaned = await clean(stray);
    expect(indexOfBytes(cleaned.out, asciiBytes('Secret'))).toBe(-1);
    expect(cleaned.removed).toEqual(['other']);
  });
});
