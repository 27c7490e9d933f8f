/**
 * JPEG redaction in the DCT domain (scrubbing.md §5.4): the entropy-coded data is decoded to
 * quantised coefficients only (no IDCT, no requantisation); every block of every component in the
 * MCUs that overlap a painted area is made all-zero, which decodes as a flat mid-grey (128, 128, 128
 * after the level shift); the data is re-encoded with optimised Huffman tables. Blocks outside the
 * painted MCUs keep their coefficients, so they decode to the same pixels (except where a decoder's
 * chroma upsampling blends across the edge of a painted MCU). The file is rebuilt bare: SOI, DQT,
 * SOF, DHT, DRI, SOS, data, EOI — no APPn, no COM, nothing after EOI.
 *
 * Baseline and extended sequential Huffman JPEGs with one scan and 1 or 3 components only; anything
 * else (progressive, arithmetic, CMYK, Adobe RGB transform flags, multi-scan, DNL) is reported as
 * unsupported and the caller falls back to decoding and re-encoding.
 */
import { checkedLength } from '../bytes/view.js';
import { FormatError } from '../issues.js';
import type { Box } from './geometry.js';

/** Zigzag order is kept throughout: coefficients are stored and re-coded in scan order. */

interface Component {
  readonly id: number;
  readonly h: number;
  readonly v: number;
  dcTable: number;
  acTable: number;
  blocksW: number;
  blocksH: number;
  coefficients: Int16Array;
}

interface HuffmanDecoder {
  readonly maxcode: Int32Array; // by length 1..16, −1 when none
  readonly valptr: Int32Array;
  readonly mincode: Int32Array;
  readonly values: Uint8Array;
}

export type BlockRedaction = { bytes: Uint8Array; regions: Box[] } | { unsupported: string };

/** Largest image the block editor accepts (coefficients are held in memory: 2 bytes × 64 per block). */
export const MAX_BLOCK_EDIT_PIXELS = 100_000_000;

function buildDecoder(counts: Uint8Array, values: Uint8Array): HuffmanDecoder {
  const maxcode = new Int32Array(17).fill(-1);
  const valptr = new Int32Array(17);
  const mincode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    const n = counts[length - 1]!;
    if (n > 0) {
      valptr[length] = k;
      mincode[length] = code;
      code += n;
      k += n;
      maxcode[length] = code - 1;
    }
    code <<= 1;
  }
  return { maxcode, valptr, mincode, values };
}

class BitReader {
  private bits = 0;
  private count = 0;
  /** Set when a marker (other than a stuffed 0xFF00) was reached. */
  marker = -1;
  constructor(private readonly bytes: Uint8Array, public offset: number) {}

  private fill(): void {
    while (this.count <= 24) {
      let byte = 0;
      if (this.marker < 0 && this.offset < this.bytes.length) {
        byte = this.bytes[this.offset]!;
        if (byte === 0xff) {
          const next = this.bytes[this.offset + 1];
          if (next === 0x00) this.offset += 2;
          else {
            this.marker = next ?? 0xd9;
            byte = 0;
          }
        } else this.offset++;
      }
      this.bits = (this.bits << 8) | byte;
      this.count += 8;
    }
  }

  bit(): number {
    if (this.count === 0) this.fill();
    this.count--;
    return (this.bits >>> this.count) & 1;
  }

  receive(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = (v << 1) | this.bit();
    return v;
  }

  decode(table: HuffmanDecoder): number {
    let code = this.bit();
    for (let length = 1; length <= 16; length++) {
      if (table.maxcode[length]! >= code && code >= table.mincode[length]! && table.maxcode[length]! !== -1) {
        return table.values[table.valptr[length]! + code - table.mincode[length]!]!;
      }
      code = (code << 1) | this.bit();
    }
    throw new FormatError({ code: 'invalid', offset: this.offset, detail: 'bad Huffman code in JPEG scan' });
  }

  /** Byte-aligns and consumes an expected RSTn marker. */
  restart(): void {
    this.bits = 0;
    this.count = 0;
    if (this.marker < 0) {
      // Skip fill bits up to the marker.
      while (this.offset < this.bytes.length && !(this.bytes[this.offset] === 0xff && this.bytes[this.offset + 1] !== 0x00)) this.offset++;
      this.marker = this.bytes[this.offset + 1] ?? -1;
    }
    if (this.marker < 0xd0 || this.marker > 0xd7) throw new FormatError({ code: 'invalid', offset: this.offset, detail: 'JPEG restart marker expected' });
    this.offset += 2;
    this.marker = -1;
  }
}

function extend(v: number, t: number): number {
  return t === 0 ? 0 : v < 1 << (t - 1) ? v - (1 << t) + 1 : v;
}

function category(v: number): number {
  let a = Math.abs(v);
  let n = 0;
  while (a > 0) {
    n++;
    a >>= 1;
  }
  return n;
}

/** Optimal code lengths limited to 16 bits (ITU T.81 Annex K.2), as DHT counts + values. */
function optimalTable(freq: Uint32Array): { counts: Uint8Array; values: Uint8Array } {
  const f = new Float64Array(257);
  for (let i = 0; i < 256; i++) f[i] = freq[i]!;
  f[256] = 1; // reserved so no code is all ones
  const codesize = new Int32Array(257);
  const others = new Int32Array(257).fill(-1);
  while (true) {
    let c1 = -1;
    let c2 = -1;
    for (let i = 0; i <= 256; i++) if (f[i]! > 0 && (c1 < 0 || f[i]! <= f[c1]!)) c1 = i;
    for (let i = 0; i <= 256; i++) if (f[i]! > 0 && i !== c1 && (c2 < 0 || f[i]! <= f[c2]!)) c2 = i;
    if (c2 < 0) break;
    f[c1] = f[c1]! + f[c2]!;
    f[c2] = 0;
    codesize[c1]!++;
    while (others[c1]! >= 0) {
      c1 = others[c1]!;
      codesize[c1]!++;
    }
    others[c1] = c2;
    codesize[c2]!++;
    while (others[c2]! >= 0) {
      c2 = others[c2]!;
      codesize[c2]!++;
    }
  }
  const bits = new Int32Array(33);
  for (let i = 0; i <= 256; i++) if (codesize[i]! > 0) bits[codesize[i]!]!++;
  for (let i = 32; i > 16; i--) {
    while (bits[i]! > 0) {
      let j = i - 2;
      while (bits[j] === 0) j--;
      bits[i] = bits[i]! - 2;
      bits[i - 1]!++;
      bits[j + 1] = bits[j + 1]! + 2;
      bits[j]!--;
    }
  }
  let i = 16;
  while (bits[i] === 0) i--;
  bits[i]!--; // remove the reserved code
  const values: number[] = [];
  for (let length = 1; length <= 32; length++) for (let s = 0; s < 256; s++) if (codesize[s] === length) values.push(s);
  const counts = new Uint8Array(16);
  for (let length = 1; length <= 16; length++) counts[length - 1] = bits[length]!;
  return { counts, values: Uint8Array.from(values) };
}

function encoderCodes(counts: Uint8Array, values: Uint8Array): { code: Uint32Array; size: Uint8Array } {
  const code = new Uint32Array(256);
  const size = new Uint8Array(256);
  let c = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let n = 0; n < counts[length - 1]!; n++) {
      code[values[k]!] = c++;
      size[values[k]!] = length;
      k++;
    }
    c <<= 1;
  }
  return { code, size };
}

class BitWriter {
  private readonly out: number[] = [];
  private bits = 0;
  private count = 0;
  write(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) {
      this.bits = (this.bits << 1) | ((value >>> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.out.push(this.bits);
    if (this.bits === 0xff) this.out.push(0x00);
    this.bits = 0;
    this.count = 0;
  }
  align(): void {
    while (this.count !== 0) this.write(1, 1);
  }
  marker(m: number): void {
    this.align();
    this.out.push(0xff, m);
  }
  bytes(): Uint8Array {
    this.align();
    return Uint8Array.from(this.out);
  }
}

/**
 * Paints `regions` (already grown, in stored = displayed pixels: callers use this only for files
 * without an orientation other than 1) by zeroing whole MCUs. Returns the new file and the painted
 * areas snapped to the MCU grid, or why the file is not supported.
 */
export function redactJpegBlocks(bytes: Uint8Array, regions: readonly Box[]): BlockRedaction {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return { unsupported: 'not a JPEG' };
  const keep: Uint8Array[] = []; // DQT segments, verbatim
  let frame: Uint8Array | undefined;
  let components: Component[] = [];
  let width = 0;
  let height = 0;
  let restartInterval = 0;
  let sosHeader: Uint8Array | undefined;
  let scanStart = -1;
  const decoders = new Map<number, HuffmanDecoder>(); // key: class * 16 + id
  let offset = 2;
  while (scanStart < 0) {
    if (offset + 4 > bytes.length || bytes[offset] !== 0xff) return { unsupported: 'malformed JPEG before the scan' };
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = checkedLength((bytes[offset + 2]! << 8) | bytes[offset + 3]!, { what: 'JPEG segment length', offset, max: bytes.length - offset - 2 });
    const body = bytes.subarray(offset + 4, offset + 2 + length);
    const segment = bytes.subarray(offset, offset + 2 + length);
    if (marker === 0xdb) keep.push(segment);
    else if (marker === 0xc0 || marker === 0xc1) {
      if (body[0] !== 8) return { unsupported: '12-bit JPEG' };
      height = (body[1]! << 8) | body[2]!;
      width = (body[3]! << 8) | body[4]!;
      const n = body[5]!;
      if (height === 0) return { unsupported: 'JPEG height given by DNL' };
      if (n !== 1 && n !== 3) return { unsupported: `${n}-component JPEG` };
      if (width * height > MAX_BLOCK_EDIT_PIXELS) return { unsupported: 'image too large for block editing' };
      components = [];
      for (let i = 0; i < n; i++) {
        const p = 6 + i * 3;
        components.push({ id: body[p]!, h: body[p + 1]! >> 4, v: body[p + 1]! & 15, dcTable: 0, acTable: 0, blocksW: 0, blocksH: 0, coefficients: new Int16Array(0) });
      }
      if (components.some((c) => c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4)) return { unsupported: 'bad sampling factors' };
      frame = segment;
    } else if ((marker >= 0xc2 && marker <= 0xcb && marker !== 0xc4 && marker !== 0xc8) || (marker >= 0xcd && marker <= 0xcf)) {
      return { unsupported: 'progressive, lossless or arithmetic-coded JPEG' };
    } else if (marker === 0xc4) {
      let p = 0;
      while (p < body.length) {
        const tc = body[p]! >> 4;
        const th = body[p]! & 15;
        const counts = body.subarray(p + 1, p + 17);
        const total = counts.reduce((a, b) => a + b, 0);
        if (p + 17 + total > body.length) return { unsupported: 'truncated Huffman table' };
        decoders.set(tc * 16 + th, buildDecoder(counts, body.slice(p + 17, p + 17 + total)));
        p += 17 + total;
      }
    } else if (marker === 0xdd) restartInterval = (body[0]! << 8) | body[1]!;
    else if (marker === 0xee) return { unsupported: 'Adobe colour transform marker' };
    else if (marker === 0xe2 && String.fromCharCode(...body.subarray(0, 11)) === 'ICC_PROFILE') return { unsupported: 'embedded colour profile (kept only by re-encoding to sRGB)' };
    else if (marker === 0xda) {
      if (frame === undefined) return { unsupported: 'scan before frame header' };
      const ns = body[0]!;
      if (ns !== components.length) return { unsupported: 'non-interleaved multi-scan JPEG' };
      for (let i = 0; i < ns; i++) {
        const component = components.find((c) => c.id === body[1 + i * 2]);
        if (component === undefined) return { unsupported: 'scan names an unknown component' };
        component.dcTable = body[2 + i * 2]! >> 4;
        component.acTable = body[2 + i * 2]! & 15;
      }
      const ss = body[1 + ns * 2];
      const se = body[2 + ns * 2];
      const a = body[3 + ns * 2];
      if (ss !== 0 || se !== 63 || a !== 0) return { unsupported: 'not a sequential scan' };
      sosHeader = segment;
      scanStart = offset + 2 + length;
    } else if (marker === 0xd9) return { unsupported: 'no image data' };
    offset += 2 + length;
  }
  if (frame === undefined || sosHeader === undefined) return { unsupported: 'no frame' };

  const single = components.length === 1;
  const hmax = single ? 1 : Math.max(...components.map((c) => c.h));
  const vmax = single ? 1 : Math.max(...components.map((c) => c.v));
  const mcuW = 8 * hmax;
  const mcuH = 8 * vmax;
  const mcusX = Math.ceil(width / mcuW);
  const mcusY = Math.ceil(height / mcuH);
  for (const c of components) {
    const ch = single ? 1 : c.h;
    const cv = single ? 1 : c.v;
    c.blocksW = mcusX * ch;
    c.blocksH = mcusY * cv;
    c.coefficients = new Int16Array(c.blocksW * c.blocksH * 64);
    if (!decoders.has(c.dcTable) || !decoders.has(16 + c.acTable)) return { unsupported: 'missing Huffman table' };
  }

  // Decode.
  const reader = new BitReader(bytes, scanStart);
  const predictors = new Int32Array(components.length);
  const totalMcus = mcusX * mcusY;
  for (let mcu = 0; mcu < totalMcus; mcu++) {
    if (restartInterval > 0 && mcu > 0 && mcu % restartInterval === 0) {
      reader.restart();
      predictors.fill(0);
    }
    const mx = mcu % mcusX;
    const my = Math.floor(mcu / mcusX);
    components.forEach((c, ci) => {
      const ch = single ? 1 : c.h;
      const cv = single ? 1 : c.v;
      const dc = decoders.get(c.dcTable)!;
      const ac = decoders.get(16 + c.acTable)!;
      for (let by = 0; by < cv; by++) {
        for (let bx = 0; bx < ch; bx++) {
          const base = ((my * cv + by) * c.blocksW + mx * ch + bx) * 64;
          const t = reader.decode(dc);
          if (t > 11) throw new FormatError({ code: 'invalid', offset: reader.offset, detail: 'bad DC category' });
          predictors[ci] = predictors[ci]! + extend(reader.receive(t), t);
          c.coefficients[base] = predictors[ci]!;
          for (let k = 1; k < 64; ) {
            const rs = reader.decode(ac);
            const r = rs >> 4;
            const s = rs & 15;
            if (s === 0) {
              if (r !== 15) break;
              k += 16;
              continue;
            }
            k += r;
            if (k > 63) throw new FormatError({ code: 'invalid', offset: reader.offset, detail: 'AC run past the block' });
            c.coefficients[base + k] = extend(reader.receive(s), s);
            k++;
          }
        }
      }
    });
  }

  // Paint: zero every block of every component in MCUs overlapping a region.
  const painted: Box[] = [];
  for (const region of regions) {
    const mx0 = Math.max(0, Math.floor(region.x / mcuW));
    const my0 = Math.max(0, Math.floor(region.y / mcuH));
    const mx1 = Math.min(mcusX, Math.ceil((region.x + region.width) / mcuW));
    const my1 = Math.min(mcusY, Math.ceil((region.y + region.height) / mcuH));
    if (mx1 <= mx0 || my1 <= my0) continue;
    painted.push({ x: mx0 * mcuW, y: my0 * mcuH, width: Math.min(width, mx1 * mcuW) - mx0 * mcuW, height: Math.min(height, my1 * mcuH) - my0 * mcuH });
    for (const c of components) {
      const ch = single ? 1 : c.h;
      const cv = single ? 1 : c.v;
      for (let by = my0 * cv; by < my1 * cv; by++) c.coefficients.fill(0, (by * c.blocksW + mx0 * ch) * 64, (by * c.blocksW + mx1 * ch) * 64);
    }
  }

  // Re-encode: first count symbols, then write with optimal tables.
  const tableIds = { dc: [...new Set(components.map((c) => c.dcTable))], ac: [...new Set(components.map((c) => c.acTable))] };
  const freq = new Map<number, Uint32Array>();
  for (const id of tableIds.dc) freq.set(id, new Uint32Array(256));
  for (const id of tableIds.ac) freq.set(16 + id, new Uint32Array(256));
  const walk = (emit: (table: number, symbol: number, value: number, bits: number) => void, restart: (index: number) => void): void => {
    const pred = new Int32Array(components.length);
    for (let mcu = 0; mcu < totalMcus; mcu++) {
      if (restartInterval > 0 && mcu > 0 && mcu % restartInterval === 0) {
        restart(Math.floor(mcu / restartInterval - 1) % 8);
        pred.fill(0);
      }
      const mx = mcu % mcusX;
      const my = Math.floor(mcu / mcusX);
      components.forEach((c, ci) => {
        const ch = single ? 1 : c.h;
        const cv = single ? 1 : c.v;
        for (let by = 0; by < cv; by++) {
          for (let bx = 0; bx < ch; bx++) {
            const base = ((my * cv + by) * c.blocksW + mx * ch + bx) * 64;
            const diff = c.coefficients[base]! - pred[ci]!;
            pred[ci] = c.coefficients[base]!;
            const t = category(diff);
            emit(c.dcTable, t, diff < 0 ? diff + (1 << t) - 1 : diff, t);
            let run = 0;
            for (let k = 1; k < 64; k++) {
              const v = c.coefficients[base + k]!;
              if (v === 0) {
                run++;
                continue;
              }
              while (run > 15) {
                emit(16 + c.acTable, 0xf0, 0, 0);
                run -= 16;
              }
              const s = category(v);
              emit(16 + c.acTable, (run << 4) | s, v < 0 ? v + (1 << s) - 1 : v, s);
              run = 0;
            }
            if (run > 0) emit(16 + c.acTable, 0x00, 0, 0);
          }
        }
      });
    }
  };
  walk((table, symbol) => freq.get(table)![symbol]!++, () => undefined);
  const dht: number[] = [];
  const encoders = new Map<number, { code: Uint32Array; size: Uint8Array }>();
  for (const [key, counts] of freq) {
    const table = optimalTable(counts);
    encoders.set(key, encoderCodes(table.counts, table.values));
    dht.push(((key >> 4) << 4) | (key & 15), ...table.counts, ...table.values);
  }
  const writer = new BitWriter();
  walk(
    (table, symbol, value, bits) => {
      const e = encoders.get(table)!;
      writer.write(e.code[symbol]!, e.size[symbol]!);
      if (bits > 0) writer.write(value, bits);
    },
    (index) => writer.marker(0xd0 + index),
  );
  const scan = writer.bytes();

  const dhtSegment = Uint8Array.from([0xff, 0xc4, (dht.length + 2) >> 8, (dht.length + 2) & 0xff, ...dht]);
  const dri = restartInterval > 0 ? Uint8Array.from([0xff, 0xdd, 0, 4, restartInterval >> 8, restartInterval & 0xff]) : new Uint8Array(0);
  const parts = [Uint8Array.from([0xff, 0xd8]), ...keep, frame, dhtSegment, dri, sosHeader, scan, Uint8Array.from([0xff, 0xd9])];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return { bytes: out, regions: painted };
}
