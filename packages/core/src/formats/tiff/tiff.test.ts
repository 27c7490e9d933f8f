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

const SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 7: 1, 13: 4, 16: 8 };

interface Page {
  tags: Tag[];
  strip: Uint8Array | Uint8Array[];
  tiled?: boolean;
  /** Sub-images, linked from this page by SubIFDs (330). */
  children?: Page[];
}

/**
 * Builds a TIFF: each page is a list of tags plus its strip data. Strip offsets (273) are filled in.
 * Layout: header, then per page [sub-images, strip data, out-of-line values, IFD] — the IFD last, as
 * many writers do, so a cleaned file has a different layout.
 */
function buildTiff(pages: Page[], options: { big?: boolean; little?: boolean } = {}): Uint8Array {
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
  let at = big ? 16 : 8;
  const inline = big ? 8 : 4;
  /** Writes one page (and its sub-images); returns [IFD offset, offset of its next-IFD pointer]. */
  const writePage = (page: Page): [number, number] => {
    const childOffsets = (page.children ?? []).map((child) => {
      const [childAt, pointer] = writePage(child);
      put(pointer, big ? 8 : 4, 0);
      return childAt;
    });
    const strips = page.strip instanceof Uint8Array ? [page.strip] : page.strip;
    const offsets = strips.map((strip) => {
      const stripAt = at;
      out.set(strip, at);
      at += strip.length + (strip.length & 1);
      return stripAt;
    });
    const [offsetTag, countTag] = page.tiled ? [324, 325] : [273, 279];
    const tags = [...page.tags, { tag: offsetTag, type: 4, values: offsets }, { tag: countTag, type: 4, values: strips.map((strip) => strip.length) }];
    if (childOffsets.length > 0) tags.push({ tag: 330, type: 13, values: childOffsets });
    tags.sort((a, b) => a.tag - b.tag);
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
    const pointer = at;
    put(at, big ? 8 : 4, 0);
    at += big ? 8 : 4;
    return [ifdAt, pointer];
  };
  let previousPointer = big ? 8 : 4;
  for (const page of pages) {
    const [ifdAt, pointer] = writePage(page);
    put(previousPointer, big ? 8 : 4, ifdAt);
    previousPointer = pointer;
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
    const nef = buildTiff([{ tags: [...grey(1), ascii(271, 'NIKON')], strip: new Uint8Array([0]), children: [{ tags: grey(1), strip: new Uint8Array([1]) }] }]);
    const oldJpeg = buildTiff([{ tags: [...grey(1).map((tag) => (tag.tag === 259 ? { ...tag, values: [6] } : tag))], strip: new Uint8Array([0]) }]);
    const cfa = buildTiff([{ tags: [...grey(1).map((tag) => (tag.tag === 262 ? { ...tag, values: [32803] } : tag))], strip: new Uint8Array([0]) }]);
    for (const [bytes, reason] of [[dng, /DNG/], [nef, /SubIFDs with a camera make/], [oldJpeg, /old-style JPEG/], [cfa, /RAW/]] as const) {
      const error = await tiff.scrub(bytesSource(bytes), DEFAULT_SCRUB_OPTIONS).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).code).toBe('unsupported_feature');
      expect((error as FormatError).detail).toMatch(reason);
    }
  });

  it('rewrites SubIFDs (pyramid levels, previews) with the same allowlist, in both TIFF flavours', async () => {
    for (const big of [false, true]) {
      const level = (width: number, fill: number): Page => ({ tags: [...grey(width), ascii(305, 'SecretSoftwareSub')], strip: new Uint8Array(width).fill(fill) });
      const input = buildTiff([{ tags: [...grey(8), ascii(315, 'SecretArtist')], strip: new Uint8Array(8).fill(0x55), children: [level(4, 0x66), level(2, 0x77)] }, level(3, 0x88)], { big });
      const { out } = await clean(input);
      expect(indexOfBytes(out, asciiBytes('Secret'))).toBe(-1);
      const view = new ByteView(out);
      const header = readTiffHeader(view);
      const visited = new Set<number>();
      const chain = walkIfdChain(view, header, header.firstIfdOffset, visited);
      expect(chain).toHaveLength(2);
      const sub = chain[0]!.entries.find((entry) => entry.tag === 330)!;
      expect(sub.type).toBe(big ? 18 : 13);
      const children = sub.count === 2 ? [0, 1].map((index) => (big ? view.u64(sub.valueOffset + index * 8, true) : view.u32(sub.valueOffset + index * 4, true))) : [];
      expect(children).toHaveLength(2);
      children.forEach((offset, index) => {
        const [child] = walkIfdChain(view, header, offset, visited);
        expect(child!.entries.map((entry) => entry.tag)).toEqual([256, 257, 258, 259, 262, 273, 277, 278, 279]);
        const strip = child!.entries.find((entry) => entry.tag === 273)!;
        const at = big ? view.u64(strip.valueOffset, true) : view.u32(strip.valueOffset, true);
        expect(out[at]).toBe(index === 0 ? 0x66 : 0x77);
      });
      expect((await tiff.inspect(bytesSource(out))).items).toEqual([]);
      expect((await clean(out)).out).toEqual(out);
    }
  });

  it('refuses a SubIFD that points back at its parent', async () => {
    const input = buildTiff([{ tags: grey(1), strip: new Uint8Array([1]), children: [{ tags: grey(1), strip: new Uint8Array([2]) }] }]);
    const view = new ByteView(input);
    const header = readTiffHeader(view);
    const [page] = walkIfdChain(view, header, header.firstIfdOffset, new Set());
    const sub = page!.entries.find((entry) => entry.tag === 330)!;
    new DataView(input.buffer).setUint32(sub.valueOffset, header.firstIfdOffset, true);
    const error = await tiff.scrub(bytesSource(input), DEFAULT_SCRUB_OPTIONS).catch((caught: unknown) => caught);
    expect((error as FormatError).code).toBe('loop');
  });

  it('refuses image data that overlaps a removed value (it would smuggle it into the clean file)', async () => {
    const input = buildTiff([{ tags: [...grey(4), ascii(315, 'SecretArtist')], strip: new Uint8Array([1, 2, 3, 4]) }]);
    const artistAt = indexOfBytes(input, asciiBytes('SecretArtist'));
    const view = new ByteView(input);
    const header = readTiffHeader(view);
    const [page] = walkIfdChain(view, header, header.firstIfdOffset, new Set());
    const strip = page!.entries.find((entry) => entry.tag === 273)!;
    new DataView(input.buffer).setUint32(strip.valueOffset, artistAt, true);
    const error = await tiff.scrub(bytesSource(input), DEFAULT_SCRUB_OPTIONS).catch((caught: unknown) => caught);
    expect((error as FormatError).code).toBe('invalid');
    expect((error as FormatError).detail).toMatch(/overlaps a metadata value/);
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
