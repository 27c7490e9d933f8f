import { describe, expect, it } from 'vitest';
import { bytesSource, piecesToBytes } from '../../bytes/source.js';
import { asciiBytes, indexOfBytes } from '../../bytes/view.js';
import { DEFAULT_SCRUB_OPTIONS } from '../../registry.js';
import { gif } from './index.js';

const header = [...asciiBytes('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff];
const image = [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0];
const application = (name: string, data: number[]): number[] => [0x21, 0xff, 11, ...asciiBytes(name), ...data, 0];
const loop = application('NETSCAPE2.0', [3, 1, 0, 0]);
const icc = application('ICCRGBG1012', [4, 1, 2, 3, 4]);
/** XMP the way Adobe writes it: raw packet bytes, then a 258-byte "magic trailer" so that sub-block readers land on a terminator. */
const xmpMagic = (packet: string): number[] => {
  const trailer = [1];
  for (let value = 0xff; value >= 0; value--) trailer.push(value);
  return [0x21, 0xff, 11, ...asciiBytes('XMP DataXMP'), ...asciiBytes(packet), ...trailer, 0];
};
const plainText = [0x21, 0x01, 12, 0, 0, 0, 0, 1, 0, 1, 0, 8, 8, 1, 0, 5, ...asciiBytes('HELLO'), 0];

async function clean(bytes: number[], keepColourProfile = true) {
  const source = bytesSource(new Uint8Array(bytes));
  const result = await gif.scrub(source, { ...DEFAULT_SCRUB_OPTIONS, keepColourProfile });
  return { ...result, out: await piecesToBytes(result.pieces, source) };
}

describe('GIF scrubber', () => {
  it('drops XMP (with its magic trailer), comments, other applications and trailing bytes; keeps loop, ICC and image', async () => {
    const input = [
      ...header, ...loop, ...icc,
      ...xmpMagic('<x:xmpmeta><dc:creator>SecretPerson</dc:creator></x:xmpmeta>'),
      0x21, 0xfe, 6, ...asciiBytes('Secret'), 0,
      ...application('MGK8BIM0000', [6, ...asciiBytes('Secret')]),
      ...image, 0x3b, ...asciiBytes('SecretTail'),
    ];
    const result = await clean(input);
    expect(indexOfBytes(result.out, asciiBytes('Secret'))).toBe(-1);
    expect([...result.out]).toEqual([...header, ...loop, ...icc, ...image, 0x3b]);
    expect(result.kept.map((item) => item.category)).toEqual(['colour-profile']);
    expect(new Set(result.removed.map((item) => item.category))).toEqual(new Set(['person', 'other']));
  });

  it('drops the ICC application on request', async () => {
    const result = await clean([...header, ...icc, ...image, 0x3b], false);
    expect([...result.out]).toEqual([...header, ...image, 0x3b]);
  });

  it('keeps Plain Text (drawn over the picture) and says so', async () => {
    const result = await clean([...header, ...plainText, ...image, 0x3b]);
    expect(result.pieces).toEqual([{ kind: 'copy', offset: 0, length: header.length + plainText.length + image.length + 1 }]);
    expect(result.kept.map((item) => item.label)).toEqual([expect.stringMatching(/Plain Text/)]);
    expect(result.notes.join(' ')).toMatch(/Plain Text/);
  });
});
