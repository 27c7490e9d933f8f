/**
 * Byte search used on hot paths (JPEG entropy-coded data is scanned for markers byte by byte).
 * `Uint8Array.prototype.indexOf` is portable; a host may install a faster one (Node's
 * `Buffer#indexOf` uses memchr and is about 3× faster per call), without core depending on it.
 */
export type ByteSearch = (bytes: Uint8Array, value: number, from: number) => number;

let search: ByteSearch = (bytes, value, from) => bytes.indexOf(value, from);

/** Index of the first `value` at or after `from` in `bytes`, or -1. */
export function findByte(bytes: Uint8Array, value: number, from: number): number {
  return search(bytes, value, from);
}

/** Installs a faster implementation; it must behave exactly like `Uint8Array#indexOf`. */
export function useByteSearch(implementation: ByteSearch): void {
  search = implementation;
}
