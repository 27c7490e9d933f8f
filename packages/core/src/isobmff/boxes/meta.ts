/**
 * `meta`: ISO 14496-12 makes it a full box (version and flags, then `hdlr` and the rest), but
 * QuickTime's `moov/meta` and `trak/meta` have no version/flags word. We tell them apart by where
 * the `hdlr` box sits: right at the payload start (QuickTime) or 4 bytes in (ISO).
 */
import { fail } from '../../issues.js';
import { fourcc } from '../box.js';

/** Absolute offset of the first child of a `meta` box whose payload starts at `start`. */
export function metaChildrenStart(payload: Uint8Array, start: number): number {
  if (payload.length >= 8 && fourcc(payload, 4) === 'hdlr') return start; // QuickTime: no version/flags
  if (payload.length >= 12 && fourcc(payload, 8) === 'hdlr') return start + 4;
  if (payload.length >= 4 && payload[0] === 0 && payload[1] === 0 && payload[2] === 0 && payload[3] === 0) return start + 4;
  if (payload.length === 0) return start;
  return fail('invalid', start, "'meta' box starts with neither a version/flags word nor a handler box");
}
