/**
 * APE tags (APEv1 and APEv2, wiki.hydrogenaud.io "APEv2 specification").
 *
 *   32-byte footer (and, in v2, an optional identical header): "APETAGEX", u32le version (1000 or
 *   2000), u32le tag size (items + footer, header excluded), u32le item count, u32le flags (bit 31:
 *   a header exists, bit 29: this is the header), 8 reserved bytes.
 *   items: u32le value size, u32le flags, key (ASCII, NUL-terminated), value.
 */
import { ByteView, checkedLength } from '../../bytes/view.js';
import { MAX_APE_ITEM_COUNT, MAX_APE_TAG_BYTES } from '../../bytes/limits.js';
import type { MetadataItem } from '../../categories.js';
import { FormatError, fail } from '../../issues.js';
import { classifyTagName } from '../ogg/vorbis-comment.js';

export const APE_FOOTER_BYTES = 32;
const APE_MAGIC = 'APETAGEX';

export interface ApeTag {
  /** File offset of the whole tag (header when present, else the first item). */
  readonly start: number;
  readonly length: number;
  readonly version: number;
  readonly itemCount: number;
  /** File offset and length of the item area. */
  readonly itemsOffset: number;
  readonly itemsLength: number;
}

/**
 * Reads an APE footer (or header, when `isHeader`) from `bytes` (32 bytes) found at `fileOffset`.
 * `room` is how many bytes of the file precede (footer) or follow (header) it.
 */
export function readApeBoundary(bytes: Uint8Array, fileOffset: number, room: number, isHeader: boolean): ApeTag | undefined {
  if (bytes.length < APE_FOOTER_BYTES) return undefined;
  const view = new ByteView(bytes);
  if (view.ascii(0, 8) !== APE_MAGIC) return undefined;
  const version = view.u32le(8);
  const declared = view.u32le(12);
  const itemCount = view.u32le(16);
  const flags = view.u32le(20);
  if (version !== 1000 && version !== 2000) fail('invalid', fileOffset + 8, `APE tag version ${version}`);
  if (declared > MAX_APE_TAG_BYTES) throw new FormatError({ code: 'limit_exceeded', offset: fileOffset + 12, detail: `APE tag of ${declared} bytes`, limit: 'MAX_APE_TAG_BYTES', value: declared });
  if (itemCount > MAX_APE_ITEM_COUNT) throw new FormatError({ code: 'limit_exceeded', offset: fileOffset + 16, detail: `APE tag with ${itemCount} items`, limit: 'MAX_APE_ITEM_COUNT', value: itemCount });
  if (declared < APE_FOOTER_BYTES) fail('invalid', fileOffset + 12, `APE tag size ${declared} is smaller than its footer`);
  const hasHeader = version === 2000 && (flags & 0x8000_0000) !== 0;
  const itemsLength = declared - APE_FOOTER_BYTES;
  if (isHeader) {
    checkedLength(declared, { max: room, what: 'APE tag size', offset: fileOffset + 12 });
    return { start: fileOffset, length: APE_FOOTER_BYTES + declared, version, itemCount, itemsOffset: fileOffset + APE_FOOTER_BYTES, itemsLength };
  }
  checkedLength(itemsLength + (hasHeader ? APE_FOOTER_BYTES : 0), { max: room, what: 'APE tag size', offset: fileOffset + 12 });
  const itemsOffset = fileOffset - itemsLength;
  const start = itemsOffset - (hasHeader ? APE_FOOTER_BYTES : 0);
  return { start, length: fileOffset + APE_FOOTER_BYTES - start, version, itemCount, itemsOffset, itemsLength };
}

/** Lists the items of a tag whose item area is `items` (at file offset `tag.itemsOffset`). */
export function listApeItems(items: Uint8Array, tag: ApeTag): MetadataItem[] {
  const where = `APEv${tag.version / 1000}`;
  const out: MetadataItem[] = [];
  const view = new ByteView(items);
  let at = 0;
  try {
    for (let index = 0; index < tag.itemCount && at + 8 < items.length; index++) {
      const size = checkedLength(view.u32le(at), { max: items.length - at - 8, what: 'APE item size', offset: tag.itemsOffset + at });
      const keyEnd = items.indexOf(0, at + 8);
      if (keyEnd === -1 || keyEnd - at - 8 > 255) fail('invalid', tag.itemsOffset + at + 8, 'APE item key is not terminated');
      const key = view.ascii(at + 8, keyEnd - at - 8);
      out.push({ category: classifyTagName(key.toUpperCase()), label: `${where} ${key}`, offset: tag.itemsOffset + at });
      at = checkedLength(keyEnd + 1 + size, { max: items.length, what: 'APE item', offset: tag.itemsOffset + at });
    }
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    out.push({ category: 'other', label: `${where} item list damaged (${error.detail})`, offset: error.offset });
  }
  if (out.length === 0) out.push({ category: 'other', label: `${where} tag (no items)`, offset: tag.start });
  return out;
}
