/**
 * Strava bulk export (export-formats.md §10): `activities.csv` (read by header name, both the
 * pre-2019 lowercase header and the current one), `profile.csv`, and the original activity files
 * in `activities/` (GPX, TCX, FIT, each possibly gzipped). Privacy zones hide points only in
 * Strava's public view, not in these originals, so each activity's first and last points become
 * records (they give away home); the whole track goes to the trail store.
 * Loose GPX/TCX/FIT files given outside a Strava export are read the same way.
 */
import { Gunzip } from 'fflate';
import type { ExportFile, ImportContext, RootedFile } from '../context.js';
import { utc } from '../context.js';
import { MAX_TEXT_FILE_BYTES } from '../../bytes/limits.js';
import { decodeUtf8, isoWithZoneMs, plausibleMs, validLatLon } from '../text.js';
import type { RecordSource } from '../../dossier/model.js';

const PLATFORM = 'strava' as const;

export interface TrackPoint { epochMs?: number; lat: number; lon: number }

const TRACK = /\.(gpx|tcx|fit)(\.gz)?$/;
export function isTrackPath(lowerPath: string): boolean {
  return TRACK.test(lowerPath);
}

// ---- CSV ----

/** RFC 4180 CSV (quoted fields with commas, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Rows as objects by header name; a repeated header keeps its FIRST column (Strava has two "Distance"). */
function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  return rows.map((row) => {
    const o: Record<string, string> = {};
    header.forEach((name, i) => {
      const key = name.trim();
      if (!(key in o)) o[key] = row[i] ?? '';
    });
    return o;
  });
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** "Sep 12, 2018, 3:02:23 PM" or "2018-09-12 15:02:23", taken as UTC (Strava writes UTC here). */
export function stravaDateMs(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const a = /^(\w{3}) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d\d):(\d\d) ?([AP]M)$/i.exec(text.trim());
  if (a) {
    const month = MONTHS[a[1]!];
    if (month === undefined) return undefined;
    let hour = Number(a[4]) % 12;
    if (a[7]!.toUpperCase() === 'PM') hour += 12;
    return plausibleMs(Date.UTC(Number(a[3]), month, Number(a[2]), hour, Number(a[5]), Number(a[6])));
  }
  const b = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)/.exec(text.trim());
  return b ? plausibleMs(Date.UTC(+b[1]!, +b[2]! - 1, +b[3]!, +b[4]!, +b[5]!, +b[6]!)) : undefined;
}

// ---- track formats ----

export function parseGpxOrTcx(text: string): TrackPoint[] {
  const points: TrackPoint[] = [];
  if (/<TrainingCenterDatabase/i.test(text.slice(0, 2000))) {
    for (const m of text.matchAll(/<Trackpoint>([\s\S]*?)<\/Trackpoint>/g)) {
      const body = m[1]!;
      const lat = Number(/<LatitudeDegrees>([^<]+)</.exec(body)?.[1]);
      const lon = Number(/<LongitudeDegrees>([^<]+)</.exec(body)?.[1]);
      const time = isoWithZoneMs(/<Time>([^<]+)</.exec(body)?.[1]);
      if (validLatLon(lat, lon)) points.push({ lat, lon, ...(time !== undefined ? { epochMs: time } : {}) });
    }
    return points;
  }
  for (const m of text.matchAll(/<(trkpt|rtept)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
    const attrs = m[2]!;
    const lat = Number(/\blat\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1]);
    const lon = Number(/\blon\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1]);
    const time = m[3] ? isoWithZoneMs(/<time>([^<]+)<\/time>/.exec(m[3])?.[1]) : undefined;
    if (validLatLon(lat, lon)) points.push({ lat, lon, ...(time !== undefined ? { epochMs: time } : {}) });
  }
  return points;
}

const FIT_EPOCH_MS = Date.UTC(1989, 11, 31);
const SEMICIRCLE = 180 / 2 ** 31;

/**
 * A small FIT reader: walks definition and data messages and keeps `record` messages' (global 20)
 * timestamp (field 253) and position_lat/long (fields 0/1, semicircles). Compressed-timestamp
 * headers and developer fields are handled; everything else is skipped by its declared size.
 */
export function parseFit(bytes: Uint8Array): TrackPoint[] {
  if (bytes.length < 12 || String.fromCharCode(bytes[8]!, bytes[9]!, bytes[10]!, bytes[11]!) !== '.FIT') throw new Error('not a FIT file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = bytes[0]!;
  const dataSize = view.getUint32(4, true);
  const end = Math.min(bytes.length, headerSize + dataSize);
  interface Def { global: number; little: boolean; fields: { num: number; size: number }[]; devSize: number; size: number }
  const defs = new Map<number, Def>();
  const points: TrackPoint[] = [];
  let lastTimestamp = 0;
  let at = headerSize;
  while (at < end) {
    const header = bytes[at++]!;
    if (header & 0x80) {
      // Compressed timestamp header: local type in bits 5–6, 5-bit time offset.
      const local = (header >> 5) & 0x3;
      const offset = header & 0x1f;
      lastTimestamp = ((lastTimestamp & ~0x1f) + offset + (offset < (lastTimestamp & 0x1f) ? 0x20 : 0)) >>> 0;
      const def = defs.get(local);
      if (!def) throw new Error('FIT data before its definition');
      readData(def, at, lastTimestamp);
      at += def.size;
    } else if (header & 0x40) {
      if (at + 5 > end) break;
      const little = bytes[at + 1] === 0;
      const global = little ? view.getUint16(at + 2, true) : view.getUint16(at + 2, false);
      const count = bytes[at + 4]!;
      at += 5;
      const fields: { num: number; size: number }[] = [];
      for (let i = 0; i < count; i++, at += 3) fields.push({ num: bytes[at]!, size: bytes[at + 1]! });
      let devSize = 0;
      if (header & 0x20) {
        const devCount = bytes[at++]!;
        for (let i = 0; i < devCount; i++, at += 3) devSize += bytes[at + 1]!;
      }
      defs.set(header & 0x0f, { global, little, fields, devSize, size: fields.reduce((n, f) => n + f.size, 0) + devSize });
    } else {
      const def = defs.get(header & 0x0f);
      if (!def) throw new Error('FIT data before its definition');
      readData(def, at, undefined);
      at += def.size;
    }
  }
  return points;

  function readData(def: Def, start: number, compressedTime: number | undefined): void {
    if (start + def.size > end) return;
    let lat: number | undefined;
    let lon: number | undefined;
    let timestamp = compressedTime;
    let field = start;
    for (const f of def.fields) {
      if (f.size === 4) {
        if (f.num === 253) {
          timestamp = view.getUint32(field, def.little);
          lastTimestamp = timestamp;
        } else if (def.global === 20 && f.num === 0) lat = view.getInt32(field, def.little);
        else if (def.global === 20 && f.num === 1) lon = view.getInt32(field, def.little);
      }
      field += f.size;
    }
    if (def.global !== 20 || lat === undefined || lon === undefined || lat === 0x7fffffff || lon === 0x7fffffff) return;
    const p = { lat: lat * SEMICIRCLE, lon: lon * SEMICIRCLE };
    if (!validLatLon(p.lat, p.lon)) return;
    const epochMs = timestamp !== undefined ? plausibleMs(FIT_EPOCH_MS + timestamp * 1000) : undefined;
    points.push(epochMs !== undefined ? { ...p, epochMs } : p);
  }
}

async function fileBytes(file: ExportFile, ctx: ImportContext): Promise<Uint8Array> {
  const raw = await ctx.bytes(file, MAX_TEXT_FILE_BYTES);
  if (!/\.gz$/i.test(file.path)) return raw;
  // Streamed gunzip with an output cap (the gzip trailer's size is attacker-controlled).
  const parts: Uint8Array[] = [];
  let total = 0;
  const gunzip = new Gunzip((data) => {
    total += data.length;
    if (total > MAX_TEXT_FILE_BYTES) throw new Error(`gzip output passes ${MAX_TEXT_FILE_BYTES} bytes`);
    parts.push(data);
  });
  gunzip.push(raw, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function readTrack(file: ExportFile, ctx: ImportContext): Promise<TrackPoint[]> {
  const bytes = await fileBytes(file, ctx);
  return /\.fit(\.gz)?$/i.test(file.path) ? parseFit(bytes) : parseGpxOrTcx(decodeUtf8(bytes));
}

function emitTrack(points: readonly TrackPoint[], file: ExportFile, ctx: ImportContext, id: string, name: string | undefined, startMs: number | undefined): void {
  const source: RecordSource = ctx.source(PLATFORM, file);
  let index = 0;
  for (const p of points) if (p.epochMs !== undefined) ctx.point({ epochMs: p.epochMs, lat: p.lat, lon: p.lon, index: index++ }, source);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return;
  ctx.record({ kind: 'activity', source: ctx.source(PLATFORM, file, `${id}-start`), time: utc(first.epochMs ?? startMs), position: { lat: first.lat, lon: first.lon, method: 'gps' }, text: name ? `${name} (start)` : 'activity start' });
  ctx.record({ kind: 'activity', source: ctx.source(PLATFORM, file, `${id}-end`), time: utc(last.epochMs), position: { lat: last.lat, lon: last.lon, method: 'gps' }, text: name ? `${name} (end)` : 'activity end' });
}

/** A loose track file (outside a Strava export). */
export async function importTrackFile(file: ExportFile, ctx: ImportContext): Promise<void> {
  const points = await readTrack(file, ctx);
  emitTrack(points, file, ctx, file.path, undefined, undefined);
}

export async function importStrava(files: readonly RootedFile[], ctx: ImportContext): Promise<void> {
  const byRel = new Map(files.map((f) => [f.rel, f]));
  const used = new Set<string>();
  const activities = byRel.get('activities.csv');
  if (activities) {
    ctx.fileRead(PLATFORM, activities);
    await ctx.guard(activities, async () => {
      for (const row of csvObjects(await ctx.text(activities))) {
        const id = row['Activity ID'] ?? row['id'] ?? '';
        const name = row['Activity Name'] ?? row['name'];
        const type = row['Activity Type'] ?? row['type'];
        const start = stravaDateMs(row['Activity Date'] ?? row['date']);
        const filename = (row['Filename'] ?? row['filename'] ?? '').trim();
        const description = row['Activity Description'] ?? row['description'];
        const trackFile = filename && filename !== '#error#' ? byRel.get(filename) : undefined;
        if (trackFile) {
          used.add(trackFile.rel);
          ctx.fileRead(PLATFORM, trackFile);
          await ctx.guard(trackFile, async () => emitTrack(await readTrack(trackFile, ctx), trackFile, ctx, id, name, start));
        }
        ctx.record({ kind: 'activity', source: ctx.source(PLATFORM, activities, id), time: utc(start), text: [type, name, description].filter(Boolean).join(': ') || undefined, media: trackFile ? [{ path: trackFile.path, mediaType: 'track' }] : undefined });
      }
    });
  }
  const profile = byRel.get('profile.csv');
  if (profile) {
    ctx.fileRead(PLATFORM, profile);
    await ctx.guard(profile, async () => {
      for (const row of csvObjects(await ctx.text(profile))) {
        const name = [row['First Name'], row['Last Name']].filter(Boolean).join(' ');
        const email = row['Email Address'];
        const id = row['Athlete ID'];
        const place = [row['City'], row['State'], row['Country']].filter(Boolean).join(', ');
        ctx.record({
          kind: 'profile', source: ctx.source(PLATFORM, profile, 'profile'), placeName: place || undefined,
          identities: [
            ...(name ? [{ kind: 'display-name' as const, value: name, platform: PLATFORM }] : []),
            ...(email ? [{ kind: 'email' as const, value: email, platform: PLATFORM }] : []),
            ...(id ? [{ kind: 'user-id' as const, value: id, platform: PLATFORM }, { kind: 'profile-url' as const, value: `https://www.strava.com/athletes/${id}`, platform: PLATFORM }] : []),
          ],
        });
      }
    });
  }
  const zones = byRel.get('privacy_zones.csv');
  if (zones) {
    ctx.fileRead(PLATFORM, zones);
    await ctx.guard(zones, async () => {
      for (const [index, row] of csvObjects(await ctx.text(zones)).entries()) {
        const address = row['Address'] ?? row['address'];
        if (address) ctx.record({ kind: 'other', source: ctx.source(PLATFORM, zones, index), address, placeLabel: 'privacy zone (Strava)', text: `privacy zone around an address you protect${row['Radius'] ? ` (radius ${row['Radius']})` : ''}` });
      }
    });
  }
  for (const file of files) {
    if (used.has(file.rel) || !isTrackPath(file.rel.toLowerCase())) continue;
    ctx.fileRead(PLATFORM, file);
    await ctx.guard(file, async () => importTrackFile(file, ctx));
  }
}
