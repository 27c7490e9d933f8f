import { describe, expect, it } from 'vitest';
import { bareJpeg, barePng, extrasInImageFile } from './bare-file.js';
import { crc32 } from '../bytes/crc32.js';

function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

// Structure only (not decodable): SOI, APP0, APP1 "Exif", DQT, SOF0, DHT, COM, SOS, scan data with a
// stuffed 0xFF00 and a restart marker, EOI, then a trailing "thumbnail".
const JPEG = new Uint8Array([
  0xff, 0xd8,
  ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0]),
  ...segment(0xe1, [0x45, 0x78, 0x69, 0x66, 0, 0, 1, 2, 3]),
  ...segment(0xdb, [0, 1, 2, 3]),
  ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
  ...segment(0xc4, [0, 9, 9]),
  ...segment(0xfe, [0x68, 0x69]),
  ...segment(0xda, [1, 1, 0, 0, 63, 0]),
  0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56,
  0xff, 0xd9,
  0xff, 0xd8, 0xff, 0xd9,
]);

function chunk(type: string, data: number[]): number[] {
  const typeBytes = [...type].map((c) => c.charCodeAt(0));
  const crc = crc32(new Uint8Array([...typeBytes, ...data]));
  const n = data.length;
  return [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, ...typeBytes, ...data, crc >>> 24, (crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff];
}

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
  ...chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
  ...chunk('tEXt', [0x41, 0, 0x42]),
  ...chunk('IDAT', [1, 2, 3]),
  ...chunk('eXIf', [0x4d, 0x4d]),
  ...chunk('IEND', []),
  1, 2, 3,
]);

describe('bare image files', () => {
  it('keeps only the JPEG structures the pixels need, and nothing after EOI', () => {
    expect(extrasInImageFile(JPEG, 'jpeg')).toEqual(expect.arrayContaining(['JPEG segment 0xFFE0', 'JPEG segment 0xFFE1', 'JPEG segment 0xFFFE']));
    const bare = bareJpeg(JPEG);
    expect(extrasInImageFile(bare, 'jpeg')).toEqual([]);
    expect([...bare.subarray(-2)]).toEqual([0xff, 0xd9]);
    // The scan data (with its stuffed byte and restart marker) is kept as it was.
    expect(Buffer.from(bare).includes(Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd9]))).toBe(true);
    expect(bare.length).toBe(2 + 8 + 13 + 7 + 10 + 7 + 2);
  });

  it('keeps only critical PNG chunks and nothing after IEND', () => {
    expect(extrasInImageFile(PNG, 'png')).toEqual(['PNG chunk tEXt', 'PNG chunk eXIf', '3 bytes after IEND']);
    const bare = barePng(PNG);
    expect(extrasInImageFile(bare, 'png')).toEqual([]);
    expect(bare.length).toBe(8 + 25 + 15 + 12);
  });

  it('refuses truncated input', () => {
    expect(() => bareJpeg(JPEG.subarray(0, 30))).toThrow();
    expect(() => barePng(PNG.subarray(0, 40))).toThrow(/truncated|IEND|past the end/);
  });
});
