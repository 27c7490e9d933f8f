/** `ftyp`: major brand, minor version, compatible brands. Read from the first bytes for sniffing. */
import { fourcc } from '../box.js';

export interface FileType {
  readonly major: string;
  readonly compatible: readonly string[];
}

/** The brands of a file whose first box is `ftyp`, or undefined. */
export function readFileType(head: Uint8Array): FileType | undefined {
  if (head.length < 16 || fourcc(head, 4) !== 'ftyp') return undefined;
  const size = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  if (size < 16 || size > 4096) return undefined;
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= Math.min(size, head.length); at += 4) compatible.push(fourcc(head, at));
  return { major: fourcc(head, 8), compatible };
}

/** QuickTime files from before `ftyp` start straight with one of these. */
const QUICKTIME_FIRST_BOXES = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

export function looksLikeQuickTime(head: Uint8Array, size: number): boolean {
  if (head.length < 8) return false;
  const boxSize = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  return QUICKTIME_FIRST_BOXES.has(fourcc(head, 4)) && (boxSize === 1 || (boxSize >= 8 && boxSize <= size) || (boxSize === 0 && fourcc(head, 4) === 'mdat'));
}
