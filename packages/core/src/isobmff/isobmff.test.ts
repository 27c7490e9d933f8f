/**
 * Hostile and edge-case boxes: every malformed size becomes a typed FormatError with an offset,
 * nothing hangs, and the planner reports failed/unsupported instead of writing half a file.
 */
import { describe, expect, it } from 'vitest';
import { bytesSource, piecesToBytes } from '../bytes/source.js';
import { FormatError } from '../issues.js';
import { planScrub } from '../scrub.js';
import { DEFAULT_SCRUB_OPTIONS } from '../registry.js';
import { decodeHeader, walkChildren, walkTopLevel } from './box.js';
import { metaChildrenStart } from './boxes/meta.js';
import { scrubIsobmff } from './file.js';
import { inspectIsobmff } from './inspect.js';

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}
function cat(...parts: (Uint8Array | string)[]): Uint8Array {
  const arrays = parts.map((part) => (typeof part === 'string' ? Uint8Array.from(part, (c) => c.charCodeAt(0)) : part));
  const out = new Uint8Array(arrays.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of arrays) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
function box(type: string, ...parts: (Uint8Array | string)[]): Uint8Array {
  const payload = cat(...parts);
  return cat(u32(8 + payload.length), type, payload);
}
function full(type: string, version: number, ...parts: (Uint8Array | string)[]): Uint8Array {
  return box(type, u32(version << 24), ...parts);
}
const FTYP = box('ftyp', 'isom', u32(0), 'isom', 'mp41');

function errorOf(run: () => unknown): FormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}

/** A minimal movie: one video track with one 4-byte sample at `sampleOffset`, plus extra moov children. */
function movie(sampleOffset: number, extra: Uint8Array[] = [], trackExtra: Uint8Array[] = []): Uint8Array {
  const mvhd = full('mvhd', 0, u32(3_800_000_000), u32(3_800_000_000), u32(1000), u32(1000), new Uint8Array(80));
  const tkhd = full('tkhd', 0, u32(3_800_000_000), u32(3_800_000_000), u32(1), new Uint8Array(68));
  const mdhd = full('mdhd', 0, u32(0), u32(0), u32(1000), u32(1000), u32(0));
  const hdlr = full('hdlr', 0, u32(0), 'vide', new Uint8Array(12), 'VideoHandler\0');
  const stbl = box('stbl', full('stsd', 0, u32(0)), full('stsc', 0, u32(1), u32(1), u32(1), u32(1)), full('stsz', 0, u32(4), u32(1)), full('stco', 0, u32(1), u32(sampleOffset)));
  const trak = box('trak', tkhd, ...trackExtra, box('mdia', mdhd, hdlr, box('minf', stbl)));
  return box('moov', mvhd, trak, ...extra);
}

describe('box headers', () => {
  it('reads 32-bit, 64-bit, to-end and uuid headers', () => {
    expect(decodeHeader(cat(u32(16), 'free', new Uint8Array(8)), 0, 16, false)).toMatchObject({ type: 'free', headerSize: 8, end: 16 });
    const large = cat(u32(1), 'mdat', u32(0), u32(24), new Uint8Array(8));
    expect(decodeHeader(large, 0, 24, false)).toMatchObject({ headerSize: 16, end: 24 });
    expect(decodeHeader(cat(u32(0), 'mdat'), 100, 1000, true)).toMatchObject({ end: 1000, toEnd: true });
    const uuid = cat(u32(24), 'uuid', new Uint8Array(16).fill(0xab));
    expect(decodeHeader(uuid, 0, 24, false).uuid).toBe('ab'.repeat(16));
  });

  it('refuses sizes smaller than the header, past the parent, huge, or 0 inside a box', () => {
    expect(errorOf(() => decodeHeader(cat(u32(4), 'free'), 10, 100, false))).toMatchObject({ code: 'invalid', offset: 10 });
    expect(errorOf(() => decodeHeader(cat(u32(64), 'free'), 0, 32, false))).toMatchObject({ code: 'truncated', offset: 0 });
    expect(errorOf(() => decodeHeader(cat(u32(1), 'mdat', u32(0xffffffff), u32(0xffffffff)), 0, 100, true))).toMatchObject({ code: 'limit_exceeded' });
    expect(errorOf(() => decodeHeader(cat(u32(1), 'mdat', u32(0), u32(12)), 0, 100, true))).toMatchObject({ code: 'invalid' });
    expect(errorOf(() => decodeHeader(cat(u32(0), 'trak'), 8, 100, false))).toMatchObject({ code: 'invalid', offset: 8 });
    expect(errorOf(() => decodeHeader(cat(u32(1), 'mdat'), 0, 100, true))).toMatchObject({ code: 'truncated' });
  });

  it('refuses a child larger than its parent and stray bytes', () => {
    const parent = box('moov', box('trak', new Uint8Array(4)));
    parent.set(u32(100), 8); // child claims 100 bytes inside a 20-byte parent
    expect(errorOf(() => walkChildren(parent, 0, 8, parent.length, 0))).toMatchObject({ code: 'truncated', offset: 8 });
    const stray = cat(box('free'), u32(0x01020304));
    expect(errorOf(() => walkChildren(stray, 0, 0, stray.length, 0))).toMatchObject({ code: 'truncated' });
    const terminated = cat(box('free'), u32(0));
    expect(walkChildren(terminated, 0, 0, terminated.length, 0)).toMatchObject({ tail: 4 });
  });

  it('walks a truncated file and a top-level size 0 without hanging', async () => {
    const file = cat(FTYP, u32(0), 'mdat', new Uint8Array(100));
    expect((await walkTopLevel(bytesSource(file))).map((b) => [b.type, b.end])).toEqual([['ftyp', 24], ['mdat', file.length]]);
    await expect(walkTopLevel(bytesSource(cat(FTYP, u32(500), 'mdat')))).rejects.toMatchObject({ code: 'truncated', offset: 24 });
    await expect(walkTopLevel(bytesSource(cat(FTYP, u32(0x0102))))).rejects.toMatchObject({ code: 'truncated' });
  });

  it('tells QuickTime meta (no version/flags) from ISO meta', () => {
    const hdlr = full('hdlr', 0, u32(0), 'mdta', new Uint8Array(12), '\0');
    expect(metaChildrenStart(hdlr, 100)).toBe(100);
    expect(metaChildrenStart(cat(u32(0), hdlr), 100)).toBe(104);
    expect(errorOf(() => metaChildrenStart(cat(u32(0x05060708), 'junk'), 100))).toMatchObject({ code: 'invalid' });
  });
});

describe('movie scrubbing on hand-built files', () => {
  it('zeroes header dates, drops udta, and shifts stco when moov precedes mdat', async () => {
    const udta = box('udta', box('\xa9xyz', u32(0x00110000), '+51.4169-000.0806/'));
    const sample = 'ABCD';
    const moovLength = movie(0, [udta]).length;
    const file = cat(FTYP, movie(FTYP.length + moovLength + 8, [udta]), box('mdat', sample));
    const source = bytesSource(file);
    const before = await inspectIsobmff(source);
    expect(before.items.map((item) => item.category)).toEqual(expect.arrayContaining(['location', 'time', 'software']));
    const output = await scrubIsobmff(source, DEFAULT_SCRUB_OPTIONS);
    const clean = await piecesToBytes(output.pieces, source);
    expect((await inspectIsobmff(bytesSource(clean))).items).toEqual([]);
    // The sample is still where the (shifted) stco says.
    const text = new TextDecoder('latin1').decode(clean);
    const offset = new DataView(clean.buffer).getUint32(text.indexOf('stco') + 12);
    expect(text.slice(offset, offset + 4)).toBe(sample);
    expect(text.includes('51.4169')).toBe(false);
  });

  it('refuses fragmented files and offsets into header boxes', async () => {
    const fragmented = cat(FTYP, movie(0, [box('mvex')]), box('moof'), box('mdat', 'x'));
    expect((await planScrub(bytesSource(fragmented))).status).toBe('unsupported');
    const pointsIntoMoov = cat(FTYP, movie(30), box('mdat', 'ABCD'));
    const plan = await planScrub(bytesSource(pointsIntoMoov));
    expect(plan.status).toBe('failed');
    expect(plan.issue?.code).toBe('invalid');
  });

  it('refuses absurd sample tables and nesting without hanging', async () => {
    const hugeStco = movie(0);
    const at = new TextDecoder('latin1').decode(hugeStco).indexOf('stco');
    new DataView(hugeStco.buffer).setUint32(at + 8, 0xffffffff); // entry count
    const plan = await planScrub(bytesSource(cat(FTYP, box('mdat', 'ABCD'), hugeStco)));
    expect(plan.status).toBe('failed');
    let deep = box('trak');
    for (let depth = 0; depth < 40; depth++) deep = box('trak', deep);
    const nested = await planScrub(bytesSource(cat(FTYP, box('mdat', 'ABCD'), box('moov', deep))));
    expect(nested.status).toBe('failed');
    expect(nested.issue?.code).toBe('limit_exceeded');
  });
});

describe('safety of blanking', () => {
  it('refuses when a removed track shares bytes with a kept track', async () => {
    // A timecode track whose only sample sits on top of the video sample.
    const video = movie(0);
    const text = new TextDecoder('latin1').decode(video);
    const trak = video.subarray(text.indexOf('trak') - 4);
    const tmcd = trak.slice();
    const tmcdText = new TextDecoder('latin1').decode(tmcd);
    tmcd.set(Uint8Array.from('tmcd', (c) => c.charCodeAt(0)), tmcdText.indexOf('vide'));
    new DataView(tmcd.buffer).setUint32(tmcdText.indexOf('tkhd') + 16, 2); // track ID 2
    const moovPayload = cat(video.subarray(8), tmcd);
    const moov = cat(u32(8 + moovPayload.length), 'moov', moovPayload);
    const mdatStart = FTYP.length;
    const fixed = (bytes: Uint8Array): Uint8Array => {
      // point every stco entry at the mdat payload
      const copy = bytes.slice();
      const body = new TextDecoder('latin1').decode(copy);
      for (let at = body.indexOf('stco'); at !== -1; at = body.indexOf('stco', at + 1)) new DataView(copy.buffer).setUint32(at + 12, mdatStart + 8);
      return copy;
    };
    const plan = await planScrub(bytesSource(cat(FTYP, box('mdat', 'ABCD'), fixed(moov))));
    expect(plan.status).toBe('failed');
    expect(plan.reason).toMatch(/shares bytes/);
  });
});

describe('malformed metadata boxes', () => {
  it('drops a malformed moov/meta whole instead of failing', async () => {
    const brokenMeta = box('meta', u32(0x05060708), 'junk-that-is-not-a-box');
    const file = cat(FTYP, box('mdat', 'ABCD'), movie(FTYP.length + 8, [brokenMeta]));
    const source = bytesSource(file);
    const output = await scrubIsobmff(source, DEFAULT_SCRUB_OPTIONS);
    expect(output.removed.some((item) => item.label.includes("unreadable 'meta'"))).toBe(true);
    expect((await inspectIsobmff(bytesSource(await piecesToBytes(output.pieces, source)))).items).toEqual([]);
  });
});

describe('64-bit header times', () => {
  it('zeroes version-1 mvhd/tkhd/mdhd times and keeps their sizes', async () => {
    const u64 = (high: number, low: number): Uint8Array => cat(u32(high), u32(low));
    const mvhd = full('mvhd', 1, u64(0, 3_800_000_000), u64(1, 5), u32(1000), u64(0, 1000), new Uint8Array(80));
    const tkhd = full('tkhd', 1, u64(0, 3_800_000_000), u64(0, 3_800_000_001), u32(1), u32(0), u64(0, 1000), new Uint8Array(60));
    const mdhd = full('mdhd', 1, u64(0, 7), u64(0, 8), u32(1000), u64(0, 1000), u32(0));
    const hdlr = full('hdlr', 0, u32(0), 'soun', new Uint8Array(12), '\0');
    const trak = box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', box('stbl'))));
    const file = cat(FTYP, box('moov', mvhd, trak), box('mdat', 'ABCD'));
    const source = bytesSource(file);
    const before = await inspectIsobmff(source);
    expect(before.items.filter((item) => item.category === 'time')).toHaveLength(6);
    const clean = await piecesToBytes((await scrubIsobmff(source, DEFAULT_SCRUB_OPTIONS)).pieces, source);
    expect(clean.length).toBe(file.length);
    expect((await inspectIsobmff(bytesSource(clean))).items).toEqual([]);
  });
});
