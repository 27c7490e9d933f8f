/**
 * The creation and modification times shared by `mvhd`, `tkhd` and `mdhd`: seconds since
 * 1904-01-01 UTC, 32-bit in version 0 and 64-bit in version 1, right after the version/flags word.
 */
import { ByteView } from '../../bytes/view.js';
import { fail } from '../../issues.js';

export interface HeaderTimes {
  readonly version: number;
  readonly creation: number;
  readonly modification: number;
}

export function readTimes(payload: Uint8Array, offset: number, type: string): HeaderTimes {
  const view = new ByteView(payload);
  const version = payload[0];
  if (version === 0) return { version, creation: view.u32be(4), modification: view.u32be(8) };
  if (version === 1) {
    // 64-bit times above 2^53 are nonsense but still non-zero: report them, do not trip on them.
    const high = (at: number): number => view.u32be(at) * 2 ** 32 + view.u32be(at + 4);
    return { version, creation: high(4), modification: high(12) };
  }
  return fail('unsupported_feature', offset, `'${type}' version ${String(version)} is unknown`);
}

/** A copy of the payload with both times set to zero (the box keeps its size). */
export function zeroTimes(payload: Uint8Array, offset: number, type: string): Uint8Array {
  const { version } = readTimes(payload, offset, type);
  const out = payload.slice();
  out.fill(0, 4, version === 0 ? 12 : 20);
  return out;
}

/** 1904-based seconds as an ISO date, for labels. */
export function describeTime(seconds: number): string {
  const ms = (seconds - 2_082_844_800) * 1000;
  return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString().replace('.000Z', 'Z') : String(seconds);
}
