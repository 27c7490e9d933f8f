/** What PNG text chunks (tEXt, zTXt, iTXt) reveal, from their keyword (PNG §11.3.3; ImageMagick keys). */
import type { Category, MetadataItem } from '../../categories.js';
import { classifyXmp } from '../../payloads/xmp.js';

const KEYWORD_CATEGORIES: ReadonlyArray<[RegExp, Category]> = [
  [/^(author|copyright|artist|by-?line)$/i, 'person'],
  [/^(creation time|date:.*|time|modify-?date|create-?date)$/i, 'time'],
  [/^(software|generator|creator ?tool)$/i, 'software'],
  [/gps|location|latitude|longitude/i, 'location'],
  [/^(make|model|camera|device)$/i, 'device'],
];

export function textKeyword(data: Uint8Array): string {
  const end = data.indexOf(0);
  let keyword = '';
  for (let index = 0; index < (end < 0 ? Math.min(data.length, 79) : end); index++) keyword += String.fromCharCode(data[index]!);
  return keyword;
}

export function classifyTextChunk(type: string, data: Uint8Array, offset: number): MetadataItem[] {
  const keyword = textKeyword(data);
  if (keyword === 'XML:com.adobe.xmp') {
    // iTXt: keyword\0 compression-flag compression-method language\0 translated\0 text
    return type === 'iTXt' && data[keyword.length + 1] === 0 ? classifyXmp(data.subarray(keyword.length + 1), offset) : [{ category: 'other', label: 'XMP (compressed text chunk)', offset }];
  }
  if (/^raw profile type (exif|app1)$/i.test(keyword)) return [{ category: 'other', label: `EXIF as text (${keyword})`, offset }];
  if (/^raw profile type iptc$/i.test(keyword)) return [{ category: 'other', label: `IPTC as text (${keyword})`, offset }];
  for (const [pattern, category] of KEYWORD_CATEGORIES) {
    if (pattern.test(keyword)) return [{ category, label: `PNG ${type} "${keyword}"`, offset }];
  }
  return [{ category: 'other', label: `PNG ${type} "${keyword}"`, offset }];
}
