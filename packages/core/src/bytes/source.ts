/**
 * Random access to a file's bytes, so that large files (videos, multi-GB exports) never need to be
 * held whole in memory. The CLI implements it over a file handle, the web app over a Blob; tests
 * and small files use `bytesSource`.
 */

export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /** Reads [offset, offset + length), clamped to the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ByteSource & { readonly bytes: Uint8Array } {
  return {
    bytes,
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length))),
  };
}

/** The backing array of an in-memory source, so callers can slice instead of reading. */
export function inMemoryBytes(source: ByteSource): Uint8Array | undefined {
  const direct = (source as { bytes?: unknown }).bytes;
  return direct instanceof Uint8Array && direct.length === source.size ? direct : undefined;
}

/** Reads the whole source (for formats parsed in memory). Returns the backing array when there is one. */
export async function readAll(source: ByteSource): Promise<Uint8Array> {
  return inMemoryBytes(source) ?? source.read(0, source.size);
}

/**
 * What a scrub writes: a list of pieces, each either new bytes or a range copied verbatim from the
 * input. Video writers describe gigabytes of `mdat` as one `copy` piece, which the CLI streams file
 * to file and the browser streams Blob to stream, so sample data is never held in memory.
 */
export type OutputPiece =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'copy'; readonly offset: number; readonly length: number }
  /**
   * `length` zero bytes. Video writers blank removed samples (timed GPS, face tracks) in place so
   * every other sample keeps its offset; describing them as zeros keeps the plan small and lets
   * writers stream them without reading the input.
   */
  | { readonly kind: 'zeros'; readonly length: number };

export function outputSize(pieces: readonly OutputPiece[]): number {
  let total = 0;
  for (const piece of pieces) total += pieceLength(piece);
  return total;
}

export function pieceLength(piece: OutputPiece): number {
  return piece.kind === 'bytes' ? piece.bytes.length : piece.length;
}

/** Materialises pieces into one array (tests and small files). */
export async function piecesToBytes(pieces: readonly OutputPiece[], source: ByteSource): Promise<Uint8Array> {
  const out = new Uint8Array(outputSize(pieces));
  let at = 0;
  for (const piece of pieces) {
    if (piece.kind === 'zeros') {
      at += piece.length; // the array starts zeroed
      continue;
    }
    const bytes = piece.kind === 'bytes' ? piece.bytes : await source.read(piece.offset, piece.length);
    if (piece.kind === 'copy' && bytes.length !== piece.length) throw new RangeError(`copy piece [${piece.offset}, +${piece.length}) runs past the end of the source`);
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

/** True when the pieces reproduce the source exactly, without reading it. */
export function isIdentityPlan(pieces: readonly OutputPiece[], size: number): boolean {
  let expected = 0;
  for (const piece of pieces) {
    if (piece.kind !== 'copy' || piece.offset !== expected) return false;
    expected += piece.length;
  }
  return expected === size;
}
