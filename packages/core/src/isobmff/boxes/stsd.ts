/**
 * `stsd`: sample descriptions. We read the first entry's format (`avc1`, `mp4a`, `mebx`, `gpmd`…)
 * and blank two identifying fields of visual and audio entries in place: the QuickTime vendor
 * (`appl`; ISO reserves those bytes as zero) and, for video, the 32-byte compressor name
 * ("GoPro AVC encoder"), which decoders ignore.
 */
import { fourcc } from '../box.js';
import type { BoxNode } from '../tree.js';

const VENDOR_OFFSET = 12;
const COMPRESSOR_NAME_OFFSET = 42;
const COMPRESSOR_NAME_BYTES = 32;

export function sampleFormat(stsd: BoxNode): string | undefined {
  const first = stsd.children?.[0];
  return first === undefined ? undefined : first.box.type;
}

export interface EncoderFields {
  readonly vendor: string;
  readonly compressor: string;
}

export function encoderFields(entry: Uint8Array, handler: string): EncoderFields {
  const vendor = entry.length >= VENDOR_OFFSET + 4 && entry.subarray(VENDOR_OFFSET, VENDOR_OFFSET + 4).some((byte) => byte !== 0) ? fourcc(entry, VENDOR_OFFSET) : '';
  let compressor = '';
  if (handler === 'vide' && entry.length >= COMPRESSOR_NAME_OFFSET + COMPRESSOR_NAME_BYTES) {
    const count = Math.min(entry[COMPRESSOR_NAME_OFFSET]!, COMPRESSOR_NAME_BYTES - 1);
    for (let index = 1; index <= count; index++) compressor += String.fromCharCode(entry[COMPRESSOR_NAME_OFFSET + index]!);
  }
  return { vendor, compressor: compressor.replace(/[^\x20-\x7e]/g, '').trim() };
}

/** A copy with vendor and compressor name zeroed, or undefined when they already are. */
export function blankEncoderFields(entry: Uint8Array, handler: string): Uint8Array | undefined {
  const fields = encoderFields(entry, handler);
  if (fields.vendor === '' && fields.compressor === '') return undefined;
  const out = entry.slice();
  if (out.length >= VENDOR_OFFSET + 4) out.fill(0, VENDOR_OFFSET, VENDOR_OFFSET + 4);
  if (handler === 'vide' && out.length >= COMPRESSOR_NAME_OFFSET + COMPRESSOR_NAME_BYTES) out.fill(0, COMPRESSOR_NAME_OFFSET, COMPRESSOR_NAME_OFFSET + COMPRESSOR_NAME_BYTES);
  return out;
}
