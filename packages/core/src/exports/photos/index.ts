/**
 * Photo folders: EXIF GPS, time and camera identity via exifr (browser and Node alike). Only the
 * file's head is read (EXIF_HEAD_BYTES). Time rules (the dossier's hard case):
 * - DateTimeOriginal + OffsetTimeOriginal → UTC;
 * - else GPSDateStamp + GPSTimeStamp (always UTC) → UTC;
 * - else DateTimeOriginal alone → `local-wall-clock` (the camera's clock, zone unknown): the
 *   reading is stored as if it were UTC and inference must not shift it again.
 * Videos (MP4/MOV/3GP/M4V): creation time, position and device from their `moov` box (video.ts,
 * over core's ISOBMFF reader), with random access where the input gives it; a deflated zip entry
 * is copied into memory up to MAX_VIDEO_COPY_BYTES, larger ones are counted in the summary notes.
 */
import exifrModule from 'exifr';
import { bytesSource } from '../../bytes/source.js';
import { readVideoMetadata } from './video.js';
import type { ExportFile, ImportContext } from '../context.js';
import { utc } from '../context.js';
import { EXIF_HEAD_BYTES } from '../../bytes/limits.js';
import { num, plausibleMs, str, validLatLon } from '../text.js';
import type { MediaRef, Position, RecordTime } from '../../dossier/model.js';

const PLATFORM = 'photo-folder' as const;

interface Exifr { parse(data: Uint8Array, options: Record<string, unknown>): Promise<Record<string, unknown> | undefined> }
// exifr ships UMD for Node and ESM for bundlers: its default export is the API or wraps it.
const exifr: Exifr = (typeof (exifrModule as unknown as Exifr).parse === 'function' ? exifrModule : (exifrModule as unknown as { default: Exifr }).default) as unknown as Exifr;

const PHOTO = /\.(jpe?g|heic|heif|png|tiff?|dng|webp|avif|cr2|nef|arw|orf|rw2)$/;
export function isPhotoPath(lowerPath: string): boolean {
  return PHOTO.test(lowerPath);
}

const EXIF_OPTIONS = {
  tiff: true, ifd0: true, exif: true, gps: true, interop: false, ifd1: false, xmp: false, icc: false, iptc: false, jfif: false, ihdr: false,
  reviveValues: false, translateValues: false, translateKeys: true, mergeOutput: true, silentErrors: true,
};

/** "2024:03:12 23:15:00" → the wall clock read as UTC ms. */
export function exifWallMs(value: unknown): number | undefined {
  const m = typeof value === 'string' ? /^(\d{4})[:-](\d\d)[:-](\d\d)[ T](\d\d):(\d\d):(\d\d)/.exec(value.trim()) : null;
  return m ? plausibleMs(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

function offsetMinutes(value: unknown): number | undefined {
  const m = typeof value === 'string' ? /^([+-])(\d\d):?(\d\d)$/.exec(value.trim()) : null;
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : undefined;
}

export function exifTime(tags: Record<string, unknown>): RecordTime | undefined {
  const wall = exifWallMs(tags['DateTimeOriginal']) ?? exifWallMs(tags['CreateDate']) ?? exifWallMs(tags['DateTime']);
  const offset = offsetMinutes(tags['OffsetTimeOriginal']) ?? offsetMinutes(tags['OffsetTimeDigitized']) ?? offsetMinutes(tags['OffsetTime']);
  if (wall !== undefined && offset !== undefined) return { epochMs: wall - offset * 60_000, basis: 'utc' };
  const gpsDate = str(tags['GPSDateStamp']);
  const gpsTime = tags['GPSTimeStamp'];
  if (gpsDate && Array.isArray(gpsTime) && gpsTime.length === 3) {
    const d = /^(\d{4}):(\d\d):(\d\d)$/.exec(gpsDate);
    const [h, m, s] = gpsTime.map((v) => num(v) ?? NaN) as [number, number, number];
    if (d && Number.isFinite(h + m + s)) {
      const ms = plausibleMs(Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, h, m, 0) + s * 1000);
      if (ms !== undefined) return utc(ms);
    }
  }
  return wall === undefined ? undefined : { epochMs: wall, basis: 'local-wall-clock' };
}

export async function importPhoto(file: ExportFile, ctx: ImportContext): Promise<void> {
  const head = await ctx.head(file, EXIF_HEAD_BYTES);
  const tags = (await exifr.parse(head, EXIF_OPTIONS).catch(() => undefined)) ?? {};
  const lat = num(tags['latitude']);
  const lon = num(tags['longitude']);
  const accuracy = num(tags['GPSHPositioningError']);
  const gps: Position | undefined = validLatLon(lat, lon) ? { lat: lat!, lon: lon!, method: 'exif', ...(accuracy !== undefined ? { accuracyM: accuracy } : {}) } : undefined;
  const make = str(tags['Make'])?.trim();
  const model = str(tags['Model'])?.trim();
  const device = [make, model && make && model.startsWith(make) ? model.slice(make.length).trim() : model].filter(Boolean).join(' ') || undefined;
  const serial = str(tags['SerialNumber']) ?? str(tags['BodySerialNumber']) ?? str(tags['InternalSerialNumber']) ?? str(tags['LensSerialNumber']);
  const owner = str(tags['OwnerName']) ?? str(tags['Artist']) ?? str(tags['CameraOwnerName']);
  const media: MediaRef = { path: file.path, mediaType: 'image', ...(gps ? { gps } : {}), ...(device ? { device } : {}), ...(serial ? { deviceSerial: serial } : {}) };
  ctx.record({
    kind: 'photo', source: ctx.source(PLATFORM, file, file.path),
    time: exifTime(tags), position: gps, media: [media],
    identities: [
      ...(serial ? [{ kind: 'device' as const, value: `${device ?? 'camera'} serial ${serial}`, platform: PLATFORM }] : []),
      ...(owner ? [{ kind: 'display-name' as const, value: owner, platform: PLATFORM }] : []),
    ],
  });
}

/** A deflated video is copied into memory for its `moov` only up to this size. */
export const MAX_VIDEO_COPY_BYTES = 256 * 1024 * 1024;

/** Returns false when the video could not be read for lack of random access (counted by the caller). */
export async function importVideo(file: ExportFile, ctx: ImportContext): Promise<boolean> {
  const source = file.source ?? (file.size <= MAX_VIDEO_COPY_BYTES ? bytesSource(await ctx.bytes(file, MAX_VIDEO_COPY_BYTES)) : undefined);
  if (!source) return false;
  const meta = await readVideoMetadata(source);
  const gps: Position | undefined = meta.lat !== undefined && meta.lon !== undefined ? { lat: meta.lat, lon: meta.lon, method: 'gps' } : undefined;
  const device = [meta.make, meta.model && meta.make && meta.model.startsWith(meta.make) ? meta.model.slice(meta.make.length).trim() : meta.model].filter(Boolean).join(' ') || undefined;
  ctx.record({
    kind: 'video', source: ctx.source(PLATFORM, file, file.path), time: utc(meta.creationMs), position: gps,
    media: [{ path: file.path, mediaType: 'video', ...(gps ? { gps } : {}), ...(device ? { device } : {}) }],
    identities: meta.software ? [{ kind: 'device' as const, value: `${device ?? 'camera'} software ${meta.software}`, platform: PLATFORM }] : undefined,
  });
  return true;
}
