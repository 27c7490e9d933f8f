/**
 * Lyrics3 (id3.org Lyrics3 and Lyrics3 v2): sits just before an ID3v1 tag.
 *   v1: "LYRICSBEGIN" lyrics "LYRICSEND", at most 5100 bytes of lyrics.
 *   v2: "LYRICSBEGIN" fields (3-char id, 5-digit size, text: IND, LYR, INF, AUT, EAL, EAR, ETT, IMG)
 *       then a 6-digit size of everything from LYRICSBEGIN, then "LYRICS200".
 */
import { asciiBytes, indexOfBytes } from '../../bytes/view.js';
import { fail } from '../../issues.js';

export const LYRICS3_V1_MAX_BYTES = 11 + 5100 + 9;
const BEGIN = asciiBytes('LYRICSBEGIN');

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** Given the 15 bytes before the ID3v1 tag (size + "LYRICS200"), returns the v2 block length. */
export function lyrics3v2Length(tail15: Uint8Array, fileOffset: number): number | undefined {
  if (tail15.length !== 15 || ascii(tail15.subarray(6)) !== 'LYRICS200') return undefined;
  const digits = ascii(tail15.subarray(0, 6));
  if (!/^\d{6}$/.test(digits)) fail('invalid', fileOffset, 'Lyrics3 v2 size is not six digits');
  return Number(digits) + 15;
}

export function isLyrics3v1End(tail9: Uint8Array): boolean {
  return ascii(tail9) === 'LYRICSEND';
}

/** Offset of LYRICSBEGIN inside `block` (which ends with LYRICSEND), or -1. */
export function lyrics3v1Start(block: Uint8Array): number {
  return indexOfBytes(block, BEGIN);
}

export function startsWithLyricsBegin(bytes: Uint8Array): boolean {
  return bytes.length >= BEGIN.length && ascii(bytes.subarray(0, BEGIN.length)) === 'LYRICSBEGIN';
}
