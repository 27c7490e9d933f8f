import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { asciiBytes } from './view.js';

/** The plain byte-at-a-time definition, to check the sliced one against. */
function reference(bytes: Uint8Array, seed = 0): number {
  let crc = (seed ^ 0xffffffff) >>> 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(asciiBytes('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
  it('matches the bitwise definition at every length and alignment, with seeds', () => {
    const data = new Uint8Array(300);
    let state = 12345;
    for (let index = 0; index < data.length; index++) data[index] = (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
    for (let start = 0; start < 9; start++) {
      for (let length = 0; length + start <= data.length; length += 7) {
        const part = data.subarray(start, start + length);
        expect(crc32(part)).toBe(reference(part));
      }
    }
    expect(crc32(data.subarray(100), crc32(data.subarray(0, 100)))).toBe(crc32(data));
  });
});
