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

function offsetByIntl(zone: string, at: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(at));
  const field = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour') % 24, field('minute'), field('second'));
  return asUtc - Math.floor(at / 1000) * 1000;
}

const WEEK_MS = 7 * 24 * HOUR_MS;
const weekCache = new Map<string, number | null>();

/**
 * The zone's UTC offset in milliseconds at an instant. Offsets change at most about twice a year:
 * when a UTC week starts and ends on the same offset, that offset holds for the whole week (one pair
 * of `Intl` calls per zone and week); in a week with a change, offsets are read per quarter hour
 * (they only change on whole quarter hours). Millions of timestamps cost a few thousand `Intl` calls.
 */
export function zoneOffsetMs(zone: string, epochMs: number): number {
  const week = Math.floor(epochMs / WEEK_MS);
  const weekKey = `${zone}|${week}`;
  let whole = weekCache.get(weekKey);
  if (whole === undefined) {
    const a = offsetByIntl(zone, week * WEEK_MS);
    const b = offsetByIntl(zone, (week + 1) * WEEK_MS - 1000);
    whole = a === b ? a : null;
    if (weekCache.size > 100_000) weekCache.clear();
    weekCache.set(weekKey, whole);
  }
  if (whole !== null) return whole;
  const quarter = Math.floor(epochMs / (HOUR_MS / 4));
  const key = `${zone}|${quarter}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const offset = offsetByIntl(zone, quarter * (HOUR_MS / 4));
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
