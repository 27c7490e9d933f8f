import { describe, expect, it } from 'vitest';
import { FormatError } from '../../issues.js';
import { deunsynchronise, listId3v2Frames, readId3v2Header } from './id3v2.js';
import { isFrameRun, parseMpegHeader } from './mpeg.js';

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

describe('ID3v2', () => {
  it('reads syncsafe sizes and counts a v2.4 footer', () => {
    const header = readId3v2Header(Uint8Array.from([...ascii('ID3'), 4, 0, 0x10, 0, 0, 0x01, 0x7f]), 0, 0)!;
    expect(header.bodySize).toBe(255);
    expect(header.totalSize).toBe(10 + 255 + 10);
  });
  it('rejects a size byte with the high bit set', () => {
    expect(() => readId3v2Header(Uint8Array.from([...ascii('ID3'), 3, 0, 0, 0x80, 0, 0, 0]), 0, 0)).toThrow(FormatError);
  });
  it('removes unsynchronisation', () => {
    expect([...deunsynchronise(Uint8Array.from([1, 0xff, 0, 0xe0, 0xff, 0]))]).toEqual([1, 0xff, 0xe0, 0xff]);
  });
  it('lists frames and reports a frame that runs past its tag instead of throwing', () => {
    const frame = [...ascii('TPE1'), 0, 0, 0, 3, 0, 0, 0, ...ascii('ab')];
    const broken = [...ascii('COMM'), 0, 0, 0x10, 0, 0, 0];
    const body = [...frame, ...broken];
    const tag = Uint8Array.from([...ascii('ID3'), 3, 0, 0, 0, 0, 0, body.length, ...body]);
    const items = listId3v2Frames(tag, readId3v2Header(tag, 0, 0)!, 0);
    expect(items[0]).toMatchObject({ category: 'person', label: 'ID3v2.3 TPE1 (artist)' });
    expect(items[1]!.label).toMatch(/damaged/);
  });
});

describe('MPEG frame headers', () => {
  it('computes layer III frame lengths', () => {
    expect(parseMpegHeader(Uint8Array.from([0xff, 0xfb, 0x90, 0x64]), 0)).toMatchObject({ version: 1, layer: 3, sampleRate: 44100, length: 417 });
  });
  it('needs consistent following frames', () => {
    const frames = new Uint8Array(417 * 3);
    for (let index = 0; index < 3; index++) frames.set([0xff, 0xfb, 0x90, 0x64], index * 417);
    expect(isFrameRun(frames, 0, 3, frames.length)).toBe(true);
    frames[417 + 2] = 0x94; // 48 kHz in the middle frame
    expect(isFrameRun(frames, 0, 3, frames.length)).toBe(false);
  });
});
