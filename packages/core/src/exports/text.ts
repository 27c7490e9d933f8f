/** Text helpers shared by importers: UTF-8 decoding, Meta's mojibake, time and coordinate parsing. */

interface Decoder { decode(input?: Uint8Array, options?: { stream?: boolean }): string }
type DecoderConstructor = new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;
/** TextDecoder exists in every browser and in Node; core's ES2022 lib just does not declare it. */
const TextDecoderImpl = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;

/** A streaming UTF-8 decoder (the BOM, if any, is dropped). */
export function utf8Decoder(): Decoder {
  return new TextDecoderImpl('utf-8');
}

export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoderImpl('utf-8').decode(bytes);
}

const strictDecoder = new TextDecoderImpl('utf-8', { fatal: true });

/**
 * Meta (Facebook, Instagram, Messenger) JSON writes each UTF-8 byte as its own `\u00XX` escape, so
 * after JSON.parse "ø" reads "Ã¸". Such a string has only code units ≤ 0xFF: take them as bytes and
 * decode as UTF-8. Strings that are not valid UTF-8 that way are left as they are.
 */
export function fixMojibake(text: string): string {
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return text;
    if (c >= 0x80) high = true;
  }
  if (!high) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return text;
  }
}

/** Applies fixMojibake to every string (keys too) of a parsed JSON value. */
export function fixMojibakeDeep(value: unknown): unknown {
  if (typeof value === 'string') return fixMojibake(value);
  if (Array.isArray(value)) return value.map(fixMojibakeDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[fixMojibake(key)] = fixMojibakeDeep(inner);
    return out;
  }
  return value;
}

// ---- small typed accessors for untrusted JSON ----

export type Json = unknown;

export function obj(value: Json): Record<string, Json> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : undefined;
}

export function arr(value: Json): readonly Json[] {
  return Array.isArray(value) ? value : [];
}

/** Array, or a single object taken as a one-element array (Meta writes both). */
export function list(value: Json): readonly Json[] {
  if (Array.isArray(value)) return value;
  return obj(value) ? [value] : [];
}

export function str(value: Json): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A number, or a string holding one (Google Photos, X and iOS write numbers as strings). */
export function num(value: Json): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

export function get(value: Json, ...keys: string[]): Json {
  let current = value;
  for (const key of keys) {
    const o = obj(current);
    if (!o) return undefined;
    current = o[key];
  }
  return current;
}

// ---- time ----

/** Plausible epoch range for exports: 1995 to 2100 (X archives hold tweets dated 1997; reject 1970 zeros). */
const MIN_EPOCH_MS = Date.UTC(1995, 0, 1);
const MAX_EPOCH_MS = Date.UTC(2100, 0, 1);

export function plausibleMs(ms: number | undefined): number | undefined {
  return ms !== undefined && Number.isFinite(ms) && ms >= MIN_EPOCH_MS && ms < MAX_EPOCH_MS ? ms : undefined;
}

/** ISO 8601 with a zone (Z or ±hh:mm). Strings without a zone are refused (they are local times). */
export function isoWithZoneMs(value: Json): number | undefined {
  const text = str(value);
  if (text === undefined || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(text.trim())) return undefined;
  return plausibleMs(Date.parse(text.trim()));
}

export function epochSecondsMs(value: Json): number | undefined {
  const n = num(value);
  return n === undefined ? undefined : plausibleMs(n * 1000);
}

export function epochMillisMs(value: Json): number | undefined {
  const n = num(value);
  return n === undefined ? undefined : plausibleMs(n);
}

/** `YYYY-MM-DD HH:MM:SS[ UTC]` read as UTC (Snapchat, TikTok: TikTok gives no zone, so this is a guess the caller labels). */
export function spacedUtcMs(value: Json): number | undefined {
  const text = str(value);
  const m = text ? /^(\d{4})[-/](\d\d)[-/](\d\d)[ T](\d\d):(\d\d)(?::(\d\d))?/.exec(text.trim()) : null;
  if (!m) return undefined;
  return plausibleMs(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)));
}

// ---- coordinates ----

export function validLatLon(lat: number | undefined, lon: number | undefined): boolean {
  return lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0);
}

/** Pulls the first two decimal numbers out of "50.05°, 14.34°", "geo:27.72,-97.34", "(38.57 , -121.48)", "lat 51.5 ± 20 meters, long -0.12 ± 20 meters". */
export function parseLatLonText(value: Json): { lat: number; lon: number; accuracyM?: number } | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  if (/±/.test(text)) {
    const m = /(-?\d+(?:\.\d+)?)\s*±\s*(\d+(?:\.\d+)?)[^,]*,\D*?(-?\d+(?:\.\d+)?)/.exec(text);
    if (m) {
      const lat = Number(m[1]);
      const lon = Number(m[3]);
      if (validLatLon(lat, lon)) return { lat, lon, accuracyM: Number(m[2]) };
    }
    return undefined;
  }
  if (numbers.length < 2) return undefined;
  const [lat, lon] = numbers as [number, number];
  return validLatLon(lat, lon) ? { lat, lon } : undefined;
}
