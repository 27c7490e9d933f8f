/**
 * Local time from coordinates, offline. The IANA zone comes from the bundled boundary data of
 * `@photostructure/tz-lookup` (CC0, ~73 KB, works in Node and the browser); the zone's own rules,
 * daylight saving included, come from `Intl`. Never from UTC: for someone in California, UTC night
 * is local afternoon.
 */
import tzLookup from '@photostructure/tz-lookup';
import type { RecordTime } from '../dossier/model.js';

const HOUR_MS = 3_600_000;

/** The IANA zone at a position, or undefined when the lookup fails (invalid coordinates). */
export function zoneAt(lat: number, lon: number): string | undefined {
  try {
    return tzLookup(lat, lon);
  } catch {
    return undefined;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The zone's UTC offset in milliseconds at an instant. Offsets only change on whole quarter hours,
 * so one `Intl` call per zone and UTC quarter-hour is cached: millions of timestamps cost a few
 * thousand `Intl` calls.
 */
export function zoneOffsetMs(zone: string, epochMs: number): number {
  const quarter = Math.floor(epochMs / (HOUR_MS / 4));
  const key = `${zone}|${quarter}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const at = quarter * (HOUR_MS / 4);
  const parts = formatterFor(zone).formatToParts(new Date(at));
  const field = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour') % 24, field('minute'), field('second'));
  const offset = asUtc - at;
  if (offsetCache.size > 200_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * A local wall-clock reading as milliseconds "as if UTC": read its hour, weekday and date with the
 * UTC getters. `local-wall-clock` times (camera EXIF without an offset) are already local and are
 * never converted again.
 */
export function localWallMs(time: RecordTime, zone: string | undefined): number | undefined {
  if (time.basis === 'local-wall-clock') return time.epochMs;
  if (zone === undefined) return undefined;
  return time.epochMs + zoneOffsetMs(zone, time.epochMs);
}

/** Hour of week, 0 = Monday 00:00 … 167 = Sunday 23:00, of a local wall-clock reading. */
export function hourOfWeek(localMs: number): number {
  const date = new Date(localMs);
  const day = (date.getUTCDay() + 6) % 7;
  return day * 24 + date.getUTCHours();
}

/** Local calendar day number (days since 1970-01-01) of a local wall-clock reading. */
export function localDay(localMs: number): number {
  return Math.floor(localMs / 86_400_000);
}

/** Day of week of a local day number, 0 = Monday. */
export function weekdayOfDay(day: number): number {
  return (day + 3) % 7; // 1970-01-01 was a Thursday
}
