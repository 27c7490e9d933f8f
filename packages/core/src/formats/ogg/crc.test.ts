import { describe, expect, it } from 'vitest';
import { oggCrc } from './crc.js';
import { lace } from './page.js';

describe('Ogg CRC', () => {
  it('matches the catalogue check value for poly 0x04C11DB7, init 0, unreflected, no final XOR', () => {
    expect(oggCrc(new TextEncoder().encode('123456789'))).toBe(0x89a1897f);
  });
  it('continues across chunks', () => {
    const bytes = new TextEncoder().encode('OggS page header and body');
    expect(oggCrc(bytes.subarray(10), oggCrc(bytes.subarray(0, 10)))).toBe(oggCrc(bytes));
  });
});

describe('Ogg lacing', () => {
  it('ends every packet with a value below 255, adding a 0 for exact multiples', () => {
    expect(lace(0)).toEqual([0]);
    expect(lace(254)).toEqual([254]);
    expect(lace(255)).toEqual([255, 0]);
    expect(lace(600)).toEqual([255, 255, 90]);
  });
});
