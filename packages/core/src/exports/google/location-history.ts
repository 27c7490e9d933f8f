/**
 * Google Takeout Location History (the legacy cloud Timeline, export-formats.md §2):
 * `Records.json` (raw fixes, streamed: never loaded whole), the monthly `Semantic Location History`
 * files (place visits and activity segments) and `Settings.json` (devices).
 */
import type { ImportContext, ExportFile } from '../context.js';
import { arr, epochMillisMs, get, isoWithZoneMs, num, obj, str, validLatLon, type Json } from '../text.js';
import type { Position } from '../../dossier/model.js';

const PLATFORM = 'google-location-history' as const;

/** E7 integers; very old exports wrote some as unsigned 32-bit (values past ±180°): wrap them back. */
export function fromE7(value: Json): number | undefined {
  let n = num(value);
  if (n === undefined) return undefined;
  if (n > 1_800_000_000) n -= 4_294_967_296;
  if (n < -1_800_000_000) n += 4_294_967_296;
  return n / 1e7;
}

function timeOf(o: Record<string, Json>): number | undefined {
  return isoWithZoneMs(o['timestamp']) ?? epochMillisMs(o['timestampMs']) ?? isoWithZoneMs(o['deviceTimestamp']) ?? isoWithZoneMs(o['serverTimestamp']);
}

/** Streams Records.json's `locations` array into sink.point. */
export async function importRecords(file: ExportFile, ctx: ImportContext): Promise<void> {
  const source = ctx.source(PLATFORM, file);
  let skipped = 0;
  await ctx.streamJson(file, ['locations.*'], (_path, value, index) => {
    const o = obj(value);
    if (!o) return void skipped++;
    const lat = fromE7(o['latitudeE7']);
    const lon = fromE7(o['longitudeE7']);
    const epochMs = timeOf(o);
    if (epochMs === undefined || !validLatLon(lat, lon)) return void skipped++;
    const accuracy = num(o['accuracy']);
    ctx.point(accuracy === undefined ? { epochMs, lat: lat!, lon: lon!, index } : { epochMs, lat: lat!, lon: lon!, accuracyM: accuracy, index }, source);
  });
  if (skipped > 0) ctx.issue(file, `${skipped} location(s) without a valid time or position were skipped`);
}

function position(location: Json, accuracyKey = 'accuracyMetres'): Position | undefined {
  const o = obj(location);
  if (!o) return undefined;
  const lat = fromE7(o['latitudeE7'] ?? o['latE7']);
  const lon = fromE7(o['longitudeE7'] ?? o['lngE7']);
  if (!validLatLon(lat, lon)) return undefined;
  const accuracy = num(o[accuracyKey] ?? o['accuracyMeters']);
  return accuracy === undefined ? { lat: lat!, lon: lon!, method: 'place' } : { lat: lat!, lon: lon!, accuracyM: accuracy, method: 'place' };
}

function durationMs(duration: Json, which: 'start' | 'end'): number | undefined {
  const d = obj(duration);
  if (!d) return undefined;
  const iso = isoWithZoneMs(d[`${which}Timestamp`]);
  if (iso !== undefined) return iso;
  const ms = d[`${which}TimestampMs`] ?? d[`${which}Timestamp`];
  const n = num(ms);
  if (n === undefined) return undefined;
  // Seconds are tolerated too (dawarich saw them): below 1e11 is seconds.
  return epochMillisMs(n < 1e11 ? n * 1000 : n);
}

/** One monthly Semantic Location History file: place visits → 'visit', activity segments → 'activity' + path points. */
export async function importSemantic(file: ExportFile, ctx: ImportContext): Promise<void> {
  const source = ctx.source(PLATFORM, file);
  let pathIndex = 0;
  await ctx.streamJson(file, ['timelineObjects.*'], (_path, value, index) => {
    const visit = obj(get(value, 'placeVisit'));
    const activity = obj(get(value, 'activitySegment'));
    if (visit) {
      const location = obj(visit['location']);
      const pos = position(location) ?? position({ latitudeE7: visit['centerLatE7'], longitudeE7: visit['centerLngE7'] });
      const start = durationMs(visit['duration'], 'start');
      const end = durationMs(visit['duration'], 'end');
      const name = str(location?.['name']);
      const address = str(location?.['address']);
      const label = str(location?.['semanticType']);
      ctx.record({
        kind: 'visit', source: ctx.source(PLATFORM, file, `visit-${index}`),
        ...(start !== undefined ? { time: { epochMs: start, basis: 'utc' as const } } : {}),
        ...(end !== undefined ? { endTime: { epochMs: end, basis: 'utc' as const } } : {}),
        ...(pos ? { position: pos } : {}),
        ...(name ? { placeName: name } : {}),
        ...(address ? { address } : {}),
        ...(label && label !== 'TYPE_UNKNOWN' ? { placeLabel: label } : {}),
      });
    } else if (activity) {
      const start = durationMs(activity['duration'], 'start');
      const end = durationMs(activity['duration'], 'end');
      const pos = position(activity['startLocation']);
      const type = str(activity['activityType']);
      ctx.record({
        kind: 'activity', source: ctx.source(PLATFORM, file, `activity-${index}`),
        ...(start !== undefined ? { time: { epochMs: start, basis: 'utc' as const } } : {}),
        ...(end !== undefined ? { endTime: { epochMs: end, basis: 'utc' as const } } : {}),
        ...(pos ? { position: { ...pos, method: 'activity' as const } } : {}),
        ...(type ? { text: type } : {}),
      });
      for (const point of arr(get(activity, 'simplifiedRawPath', 'points'))) {
        const p = obj(point);
        const t = p ? isoWithZoneMs(p['timestamp']) ?? epochMillisMs(p['timestampMs']) : undefined;
        const at = position(p, 'accuracyMeters');
        if (t !== undefined && at) ctx.point({ epochMs: t, lat: at.lat, lon: at.lon, ...(at.accuracyM !== undefined ? { accuracyM: at.accuracyM } : {}), index: pathIndex++ }, source);
      }
      const parking = obj(activity['parkingEvent']);
      const parked = position(parking?.['location']);
      const parkedAt = isoWithZoneMs(parking?.['timestamp']) ?? epochMillisMs(parking?.['timestampMs']);
      if (parked) ctx.record({ kind: 'visit', source: ctx.source(PLATFORM, file, `parking-${index}`), position: parked, placeName: 'Parked car', ...(parkedAt !== undefined ? { time: { epochMs: parkedAt, basis: 'utc' as const } } : {}) });
    }
  });
}

/** Settings.json: each device becomes an identity (a phone tied to the account). */
export async function importSettings(file: ExportFile, ctx: ImportContext): Promise<void> {
  const settings = await ctx.json(file);
  const devices = arr(get(settings, 'deviceSettings'));
  const identities = devices.flatMap((device) => {
    const d = obj(device);
    if (!d) return [];
    const pretty = str(d['devicePrettyName']);
    const spec = obj(d['deviceSpec']);
    const model = [str(spec?.['manufacturer']), str(spec?.['model'])].filter(Boolean).join(' ');
    const value = pretty && model && !model.endsWith(pretty) ? `${pretty} (${model})` : pretty ?? model;
    return value ? [{ kind: 'device' as const, value, platform: PLATFORM }] : [];
  });
  const created = isoWithZoneMs(get(settings, 'createdTime'));
  ctx.record({
    kind: 'profile', source: ctx.source(PLATFORM, file, 'settings'), identities,
    text: `Location History ${get(settings, 'historyEnabled') === true ? 'enabled' : 'setting recorded'}; ${devices.length} device(s) reporting`,
    ...(created !== undefined ? { time: { epochMs: created, basis: 'utc' as const } } : {}),
  });
}

/**
 * `Timeline Edits.json` (2023+): raw signals the person's edits referred to (positions with
 * `accuracyMm`) become trail points; `placeAggregates` (Google's ranking of most-visited places,
 * in effect home and work) become records labelled as Google's own ranking.
 */
export async function importTimelineEdits(file: ExportFile, ctx: ImportContext): Promise<void> {
  const source = ctx.source(PLATFORM, file);
  let pointIndex = 0;
  await ctx.streamJson(file, ['timelineEdits.*'], (_path, value, index) => {
    const position = obj(get(value, 'rawSignal', 'signal', 'position'));
    if (position) {
      const lat = fromE7(get(position, 'point', 'latE7'));
      const lon = fromE7(get(position, 'point', 'lngE7'));
      const t = isoWithZoneMs(position['timestamp']);
      const mm = num(position['accuracyMm']);
      if (t !== undefined && validLatLon(lat, lon)) ctx.point({ epochMs: t, lat: lat!, lon: lon!, ...(mm !== undefined ? { accuracyM: mm / 1000 } : {}), index: pointIndex++ }, source);
    }
    const aggregates = obj(get(value, 'placeAggregates'));
    if (aggregates) {
      const ranked = arr(aggregates['topRankedPlacesPlaceIds']).map((id) => str(id));
      for (const [rank, info] of arr(aggregates['placeAggregateInfo']).entries()) {
        const lat = fromE7(get(info, 'point', 'latE7'));
        const lon = fromE7(get(info, 'point', 'lngE7'));
        if (!validLatLon(lat, lon)) continue;
        const placeId = str(get(info, 'placeId'));
        const top = placeId !== undefined && ranked.includes(placeId);
        ctx.record({ kind: 'other', source: ctx.source(PLATFORM, file, `aggregate-${index}-${rank}`), position: { lat: lat!, lon: lon!, method: 'place' }, placeLabel: top ? 'TOP_RANKED_PLACE' : undefined, text: `Google place aggregate (score ${str(get(info, 'score')) ?? '?'})` });
      }
    }
  });
}
