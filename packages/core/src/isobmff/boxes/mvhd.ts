/** `mvhd`: movie header — creation/modification times are zeroed; timescale and duration stay. */
export { readTimes, zeroTimes } from './times.js';
export const TYPE = 'mvhd';
