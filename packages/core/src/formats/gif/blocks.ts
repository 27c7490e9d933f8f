/**
 * GIF container walker (GIF89a specification, 1990).
 *
 *   "GIF87a"/"GIF89a", logical screen descriptor (7 bytes, optional global colour table), then
 *   blocks: image descriptor 0x2C (10 bytes, optional local colour table, LZW code size, data
 *   sub-blocks), extension 0x21 + label + sub-blocks, trailer 0x3B. Sub-blocks are a length byte
 *   (1–255) and that many bytes; a zero length ends the run.
 */
import { ByteView } from '../../bytes/view.js';
import { MAX_GIF_BLOCK_COUNT } from '../../bytes/limits.js';
import { FormatError, fail } from '../../issues.js';

export const GIF_IMAGE = 0x2c;
export const GIF_EXTENSION = 0x21;
export const GIF_TRAILER = 0x3b;
export const LABEL_PLAIN_TEXT = 0x01;
export const LABEL_GRAPHIC_CONTROL = 0xf9;
export const LABEL_COMMENT = 0xfe;
export const LABEL_APPLICATION = 0xff;

export interface GifBlock {
  readonly kind: 'image' | 'extension';
  /** Extension label (0 for images). */
  readonly label: number;
  /** For application extensions: the 8-byte identifier + 3-byte authentication code. */
  readonly application?: string;
  readonly offset: number;
  /** Where the sub-block run starts (after the fixed header). */
  readonly dataOffset: number;
  /** Offset just past the terminating zero-length sub-block. */
  readonly end: number;
}

export interface GifLayout {
  /** End of header + logical screen descriptor + global colour table. */
  readonly headerEnd: number;
  readonly blocks: readonly GifBlock[];
  /** Offset of the trailer byte; the image ends at trailer + 1. */
  readonly trailer: number;
}

export function isGif(head: Uint8Array): boolean {
  return head.length >= 6 && head[0] === 0x47 && head[1] === 0x49 && head[2] === 0x46 && head[3] === 0x38 && (head[4] === 0x37 || head[4] === 0x39) && head[5] === 0x61;
}

/** Walks a sub-block run from `at`; returns the offset just past its zero terminator. */
export function skipSubBlocks(view: ByteView, at: number): number {
  let count = 0;
  for (;;) {
    if (at >= view.length) fail('truncated', at, 'GIF data sub-blocks run past the end of the file');
    const size = view.u8(at);
    if (size === 0) return at + 1;
    if (at + 1 + size > view.length) fail('truncated', at, `GIF sub-block of ${size} bytes runs past the end of the file`);
    at += 1 + size;
    // A run can be at most as long as the file; the count only guards against pathological inputs.
    if (++count > view.length) fail('invalid', at, 'GIF sub-block run never ends');
  }
}

export function walkGif(bytes: Uint8Array): GifLayout {
  const view = new ByteView(bytes);
  if (!isGif(bytes)) fail('invalid', 0, 'not a GIF signature');
  const packed = view.u8(10);
  let at = 13;
  if (packed & 0x80) at += 3 * (1 << ((packed & 7) + 1));
  view.need(0, at, 'GIF global colour table');
  const headerEnd = at;
  const blocks: GifBlock[] = [];
  for (;;) {
    if (blocks.length >= MAX_GIF_BLOCK_COUNT) {
      throw new FormatError({ code: 'limit_exceeded', offset: at, detail: 'too many GIF blocks', limit: 'MAX_GIF_BLOCK_COUNT', value: blocks.length });
    }
    if (at >= view.length) fail('truncated', at, 'GIF ends without a trailer');
    const introducer = view.u8(at);
    if (introducer === GIF_TRAILER) return { headerEnd, blocks, trailer: at };
    if (introducer === GIF_IMAGE) {
      const localPacked = view.u8(at + 9);
      let data = at + 10;
      if (localPacked & 0x80) data += 3 * (1 << ((localPacked & 7) + 1));
      view.need(data, 1, 'GIF LZW minimum code size');
      const end = skipSubBlocks(view, data + 1);
      blocks.push({ kind: 'image', label: 0, offset: at, dataOffset: data + 1, end });
      at = end;
      continue;
    }
    if (introducer !== GIF_EXTENSION) fail('invalid', at, `unknown GIF block introducer 0x${introducer.toString(16)}`);
    const label = view.u8(at + 1);
    let application: string | undefined;
    if (label === LABEL_APPLICATION && view.u8(at + 2) === 11) application = view.ascii(at + 3, 11);
    const end = skipSubBlocks(view, at + 2);
    blocks.push(application === undefined ? { kind: 'extension', label, offset: at, dataOffset: at + 2, end } : { kind: 'extension', label, application, offset: at, dataOffset: at + 2, end });
    at = end;
  }
}
