/**
 * GIF scrubber. Keeps images, Graphic Control extensions (frame timing, transparency), the looping
 * application extensions (`NETSCAPE2.0`, `ANIMEXTS1.0`) and, by default, an ICC profile
 * (`ICCRGBG1012`). Drops comments, XMP (`XMP DataXMP`, with its magic trailer) and every other
 * application or unknown extension, and bytes after the trailer. Plain Text extensions are text
 * drawn over the picture, so they are part of what it shows: kept, and reported.
 */
import { PieceBuilder } from '../../bytes/pieces.js';
import { readAll, type ByteSource } from '../../bytes/source.js';
import type { MetadataItem } from '../../categories.js';
import { classifyXmp } from '../../payloads/xmp.js';
import { keepsColourProfile, type FormatModule, type Inspection, type ScrubOptions, type ScrubOutput } from '../../registry.js';
import { isGif, LABEL_APPLICATION, LABEL_COMMENT, LABEL_GRAPHIC_CONTROL, LABEL_PLAIN_TEXT, walkGif, type GifBlock } from './blocks.js';

const LOOPING_APPLICATIONS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);
const ICC_APPLICATION = 'ICCRGBG1012';
const XMP_APPLICATION = 'XMP DataXMP';

type Verdict = { readonly action: 'keep' | 'plain-text' } | { readonly action: 'icc' | 'drop'; readonly items: MetadataItem[] };

function judge(bytes: Uint8Array, block: GifBlock): Verdict {
  const at = block.offset;
  if (block.kind === 'image' || block.label === LABEL_GRAPHIC_CONTROL) return { action: 'keep' };
  if (block.label === LABEL_PLAIN_TEXT) return { action: 'plain-text' };
  if (block.label === LABEL_COMMENT) return { action: 'drop', items: [{ category: 'other', label: 'GIF comment', offset: at }] };
  if (block.label === LABEL_APPLICATION) {
    const name = block.application ?? '';
    if (LOOPING_APPLICATIONS.has(name)) return { action: 'keep' };
    if (name === ICC_APPLICATION) return { action: 'icc', items: [{ category: 'colour-profile', label: 'ICC colour profile (ICCRGBG1012)', offset: at }] };
    if (name === XMP_APPLICATION) return { action: 'drop', items: classifyXmp(bytes.subarray(block.dataOffset + 12, block.end), at) };
    return { action: 'drop', items: [{ category: 'other', label: `GIF application extension ${JSON.stringify(name.replace(/[^\x20-\x7e]/g, '?'))}`, offset: at }] };
  }
  return { action: 'drop', items: [{ category: 'other', label: `GIF extension 0x${block.label.toString(16)}`, offset: at }] };
}

function trailerItems(bytes: Uint8Array, imageEnd: number): MetadataItem[] {
  return bytes.length > imageEnd ? [{ category: 'other', label: `${bytes.length - imageEnd} bytes after the GIF trailer`, offset: imageEnd }] : [];
}

async function inspectGif(source: ByteSource): Promise<Inspection> {
  const bytes = await readAll(source);
  const layout = walkGif(bytes);
  const items: MetadataItem[] = [];
  for (const block of layout.blocks) {
    const verdict = judge(bytes, block);
    if ('items' in verdict) items.push(...verdict.items);
  }
  return { items: items.concat(trailerItems(bytes, layout.trailer + 1)), issues: [] };
}

async function scrubGif(source: ByteSource, options: ScrubOptions): Promise<ScrubOutput> {
  const bytes = await readAll(source);
  const layout = walkGif(bytes);
  const out = new PieceBuilder().copy(0, layout.headerEnd);
  const removed = trailerItems(bytes, layout.trailer + 1);
  const kept: MetadataItem[] = [];
  const notes: string[] = [];
  let plainText = 0;
  for (const block of layout.blocks) {
    const verdict = judge(bytes, block);
    const whole = (): void => void out.copy(block.offset, block.end - block.offset);
    switch (verdict.action) {
      case 'keep':
        whole();
        break;
      case 'plain-text':
        whole();
        plainText++;
        kept.push({ category: 'other', label: 'GIF Plain Text extension (text drawn over the picture)', offset: block.offset });
        break;
      case 'icc':
        if (keepsColourProfile(options, verdict.items, kept, removed)) whole();
        break;
      case 'drop':
        removed.push(...verdict.items);
        break;
    }
  }
  out.copy(layout.trailer, 1);
  if (plainText > 0) notes.push(`Kept ${plainText} Plain Text block${plainText === 1 ? '' : 's'}: text drawn over the picture is part of what it shows; check it.`);
  return { pieces: out.pieces, removed, kept, notes };
}

export const gif: FormatModule = {
  id: 'gif',
  label: 'GIF',
  family: 'photo',
  mediaType: 'image/gif',
  extensions: ['gif'],
  sniff: (head) => (isGif(head) ? 'confident' : undefined),
  inspect: inspectGif,
  scrub: scrubGif,
};
