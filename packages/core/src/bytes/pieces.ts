import type { OutputPiece } from './source.js';

/** Collects output pieces, merging adjacent copy ranges so a no-op scrub is one identity copy. */
export class PieceBuilder {
  private readonly list: OutputPiece[] = [];

  copy(offset: number, length: number): this {
    if (length <= 0) return this;
    const last = this.list[this.list.length - 1];
    if (last !== undefined && last.kind === 'copy' && last.offset + last.length === offset) {
      this.list[this.list.length - 1] = { kind: 'copy', offset: last.offset, length: last.length + length };
    } else {
      this.list.push({ kind: 'copy', offset, length });
    }
    return this;
  }

  zeros(length: number): this {
    if (length <= 0) return this;
    const last = this.list[this.list.length - 1];
    if (last !== undefined && last.kind === 'zeros') this.list[this.list.length - 1] = { kind: 'zeros', length: last.length + length };
    else this.list.push({ kind: 'zeros', length });
    return this;
  }

  bytes(bytes: Uint8Array): this {
    if (bytes.length > 0) this.list.push({ kind: 'bytes', bytes });
    return this;
  }

  get pieces(): readonly OutputPiece[] {
    return this.list;
  }
}
