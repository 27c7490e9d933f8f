/**
 * `tkhd`: track header. Times are zeroed; the track ID is read to follow `tref` references; the
 * matrix (rotation) and dimensions stay, since they are how players keep the video upright.
 */
import { ByteView } from '../../bytes/view.js';
export { readTimes, zeroTimes } from './times.js';
export const TYPE = 'tkhd';

export function trackId(payload: Uint8Array): number {
  const view = new ByteView(payload);
  return view.u32be(payload[0] === 1 ? 20 : 12);
}
