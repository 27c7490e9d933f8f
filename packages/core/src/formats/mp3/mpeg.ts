/**
 * MPEG-1/2/2.5 audio frame headers (ISO/IEC 11172-3 §2.4.2.3, 13818-3), enough to find frames.
 *
 *   11 sync bits, version (00 2.5, 10 v2, 11 v1; 01 reserved), layer (01 III, 10 II, 11 I; 00
 *   reserved), protection, bitrate index (0 free format, 15 invalid), sample-rate index (3 reserved),
 *   padding, private, channel mode, mode extension, copyright, original, emphasis (2 reserved).
 *
 * Free-format streams (bitrate index 0) have no length in the header; we do not recognise them.
 */
import { ByteView } from '../../bytes/view.js';

export interface MpegFrameHeader {
  /** 1, 2 or 2.5 */
  readonly version: number;
  readonly layer: number;
  readonly sampleRate: number;
  readonly length: number;
}

const BITRATES: Record<string, readonly number[]> = {
  'v1l1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  'v1l2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  'v1l3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  'v2l1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  'v2l2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES = [44100, 48000, 32000];

export function parseMpegHeader(bytes: Uint8Array, at: number): MpegFrameHeader | undefined {
  if (at + 4 > bytes.length) return undefined;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  if ((bytes[at + 3]! & 3) === 2) return undefined; // reserved emphasis
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const layer = 4 - layerBits;
  const table = version === 1 ? `v1l${layer}` : layer === 1 ? 'v2l1' : 'v2l2';
  const bitrate = BITRATES[table]![bitrateIndex]! * 1000;
  const sampleRate = SAMPLE_RATES[rateIndex]! / (version === 1 ? 1 : version === 2 ? 2 : 4);
  const padding = (b2 >> 1) & 1;
  const length = layer === 1 ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4 : Math.floor(((layer === 3 && version !== 1 ? 72 : 144) * bitrate) / sampleRate) + padding;
  return { version, layer, sampleRate, length };
}

function sameStream(a: MpegFrameHeader, b: MpegFrameHeader): boolean {
  return a.version === b.version && a.layer === b.layer && a.sampleRate === b.sampleRate;
}

/**
 * True when a frame starts at `at` and is followed by `needed - 1` more consistent frames (or by
 * the end of `bytes` when `end` says the data stops there).
 */
export function isFrameRun(bytes: Uint8Array, at: number, needed: number, dataEnd: number): boolean {
  const first = parseMpegHeader(bytes, at);
  if (first === undefined) return false;
  let cursor = at + first.length;
  for (let count = 1; count < needed; count++) {
    if (cursor === dataEnd) return true; // a short file: the frames so far end exactly at the end
    if (cursor + 4 > bytes.length) return count >= 2; // cannot see further (e.g. only the head was read)
    const next = parseMpegHeader(bytes, cursor);
    if (next === undefined || !sameStream(first, next)) return false;
    cursor += next.length;
  }
  return true;
}

/** First offset in [from, limit) where a run of consistent frames starts, or -1. */
export function findFrameRun(bytes: Uint8Array, from: number, limit: number, dataEnd: number): number {
  for (let at = bytes.indexOf(0xff, from); at !== -1 && at < limit; at = bytes.indexOf(0xff, at + 1)) {
    if (isFrameRun(bytes, at, 3, dataEnd)) return at;
  }
  return -1;
}

/** Looks for a Xing/Info (VBR index) header and a LAME/Lavc encoder tag inside the first frame. */
export function encoderHeader(bytes: Uint8Array, at: number): string | undefined {
  const header = parseMpegHeader(bytes, at);
  if (header === undefined) return undefined;
  const frame = bytes.subarray(at, Math.min(bytes.length, at + header.length));
  const view = new ByteView(frame);
  for (let index = 4; index + 4 <= Math.min(frame.length, 64); index++) {
    const tag = view.ascii(index, 4);
    if (tag === 'Xing' || tag === 'Info' || tag === 'VBRI') {
      const encoder = /(LAME|Lavc|Lavf|GOGO|L3.99)[\x20-\x7e]{0,9}/.exec(view.ascii(index, frame.length - index));
      return encoder === null ? `${tag} header` : `${tag} header with encoder "${encoder[0].trim()}"`;
    }
  }
  return undefined;
}
