/**
 * Videos' own metadata (MP4, MOV, 3GP, M4V), read with core's ISOBMFF box reader: `moov/mvhd`
 * creation time (UTC, seconds since 1904), `moov/udta/©xyz` (ISO 6709 position, written by Android
 * and older iPhones), and QuickTime `moov/meta` keys (`com.apple.quicktime.location.ISO6709`,
 * `…creationdate` with its offset, `…make`, `…model`). Only the `moov` box is loaded (it may sit
 * at the end of the file: random access finds it without reading the media data).
 */
import type { ByteSource } from '../../bytes/source.js';
import { payloadStart, walkChildren, walkTopLevel, type Box } from '../../isobmff/box.js';
import { loadBox } from '../../isobmff/file.js';
import { readTimes } from '../../isobmff/boxes/times.js';
import { readKeys } from '../../isobmff/boxes/keys.js';
import { metaChildrenStart } from '../../isobmff/boxes/meta.js';
import type { BoxData } from '../../isobmff/tree.js';
import { decodeUtf8, isoWithZoneMs, plausibleMs, validLatLon } from '../text.js';

export interface VideoMetadata {
  creationMs?: number;
  lat?: number;
  lon?: number;
  make?: string;
  model?: string;
  software?: string;
}

const SECONDS_1904_TO_1970 = 2_082_844_800;

/** "+34.0304-118.3179+012.345/" → lat/lon. */
export function parseIso6709(text: string): { lat: number; lon: number } | undefined {
  const m = /^\s*([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)/.exec(text);
  if (!m) return undefined;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return validLatLon(lat, lon) ? { lat, lon } : undefined;
}

function children(data: BoxData, box: Box, start = payloadStart(box)): Box[] {
  return walkChildren(data.bytes, data.base, start, box.end, 1).children;
}

export async function readVideoMetadata(source: ByteSource): Promise<VideoMetadata> {
  const out: VideoMetadata = {};
  const moov = (await walkTopLevel(source)).find((box) => box.type === 'moov');
  if (!moov) return out;
  const data = await loadBox(source, moov);
  for (const child of children(data, moov)) {
    if (child.type === 'mvhd') {
      const { creation } = readTimes(data.payload(child), child.start, 'mvhd');
      const ms = creation > 0 ? plausibleMs((creation - SECONDS_1904_TO_1970) * 1000) : undefined;
      if (ms !== undefined) out.creationMs = ms;
    } else if (child.type === 'udta') {
      for (const entry of children(data, child)) {
        if (entry.type !== '\u00a9xyz') continue;
        const payload = data.payload(entry);
        const length = (payload[0]! << 8) | payload[1]!;
        const where = parseIso6709(decodeUtf8(payload.subarray(4, 4 + length)));
        if (where) Object.assign(out, where);
      }
    } else if (child.type === 'meta') {
      readQuickTimeKeys(data, child, out);
    }
  }
  return out;
}

function readQuickTimeKeys(data: BoxData, meta: Box, out: VideoMetadata): void {
  const start = metaChildrenStart(data.payload(meta), payloadStart(meta));
  const boxes = children(data, meta, start);
  const keysBox = boxes.find((b) => b.type === 'keys');
  const ilst = boxes.find((b) => b.type === 'ilst');
  if (!keysBox || !ilst) return;
  const keys = readKeys(data.payload(keysBox), keysBox.start);
  for (const item of children(data, ilst)) {
    const bytes = data.range(item.start + 4, item.start + 8);
    const index = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    const key = keys[index - 1];
    if (!key) continue;
    const value = children(data, item).find((b) => b.type === 'data');
    if (!value) continue;
    const payload = data.payload(value);
    if (payload.length < 8 || payload[3] !== 1) continue; // type 1 = UTF-8
    const text = decodeUtf8(payload.subarray(8));
    if (key === 'com.apple.quicktime.location.ISO6709') {
      const where = parseIso6709(text);
      if (where) Object.assign(out, where);
    } else if (key === 'com.apple.quicktime.creationdate') {
      // "2024-03-12T23:15:00-0700": a local time with its offset, so a true instant.
      const ms = isoWithZoneMs(text.trim().replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
      if (ms !== undefined) out.creationMs = ms;
    } else if (key === 'com.apple.quicktime.make') out.make = text.trim();
    else if (key === 'com.apple.quicktime.model') out.model = text.trim();
    else if (key === 'com.apple.quicktime.software') out.software = text.trim();
  }
}
