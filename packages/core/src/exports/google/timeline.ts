/**
 * Google Maps on-device Timeline exports (2024+, export-formats.md §3): Android's `Timeline.json`
 * (an object: semanticSegments, rawSignals, userLocationProfile) and iOS's `location-history.json`
 * (a bare array, every scalar a string). Both are streamed item by item.
 */
import type { ExportFile, ImportContext } from '../context.js';
import { arr, get, isoWithZoneMs, num, obj, parseLatLonText, str, type Json } from '../text.js';
import type { Position, RecordSource } from '../../dossier/model.js';

const PLATFORM = 'google-timeline' as const;

function latLng(value: Json): Position | undefined {
  const parsed = parseLatLonText(typeof value === 'string' ? value : get(value, 'latLng') ?? get(value, 'LatLng'));
  return parsed ? { lat: parsed.lat, lon: parsed.lon, method: 'place' } : undefined;
}

interface State { pathIndex: number; source: RecordSource }

function segment(item: Json, index: number, file: ExportFile, ctx: ImportContext, state: State): void {
  const o = obj(item);
  if (!o) return;
  const start = isoWithZoneMs(o['startTime']);
  const end = isoWithZoneMs(o['endTime']);
  const times = {
    ...(start !== undefined ? { time: { epochMs: start, basis: 'utc' as const } } : {}),
    ...(end !== undefined ? { endTime: { epochMs: end, basis: 'utc' as const } } : {}),
  };
  const visit = obj(o['visit']);
  const activity = obj(o['activity']);
  if (visit) {
    const candidate = obj(visit['topCandidate']);
    const pos = latLng(candidate?.['placeLocation']);
    const label = str(candidate?.['semanticType']);
    ctx.record({ kind: 'visit', source: ctx.source(PLATFORM, file, `segment-${index}`), ...times, ...(pos ? { position: pos } : {}), ...(label && !/^unknown$/i.test(label) ? { placeLabel: label } : {}) });
  } else if (activity) {
    const pos = latLng(activity['start']);
    const type = str(get(activity, 'topCandidate', 'type'));
    ctx.record({ kind: 'activity', source: ctx.source(PLATFORM, file, `segment-${index}`), ...times, ...(pos ? { position: { ...pos, method: 'activity' as const } } : {}), ...(type ? { text: type } : {}) });
    const parking = obj(activity['parking']);
    const parked = latLng(get(parking, 'location'));
    const parkedAt = isoWithZoneMs(parking?.['startTime']);
    if (parked) ctx.record({ kind: 'visit', source: ctx.source(PLATFORM, file, `parking-${index}`), position: parked, placeName: 'Parked car', ...(parkedAt !== undefined ? { time: { epochMs: parkedAt, basis: 'utc' as const } } : {}) });
  }
  for (const point of arr(o['timelinePath'])) {
    const p = obj(point);
    const at = parseLatLonText(p?.['point']);
    let t = isoWithZoneMs(p?.['time']);
    if (t === undefined && start !== undefined) {
      const offset = num(p?.['durationMinutesOffsetFromStartTime']);
      if (offset !== undefined) t = start + offset * 60_000;
    }
    if (at && t !== undefined) ctx.point({ epochMs: t, lat: at.lat, lon: at.lon, index: state.pathIndex++ }, state.source);
  }
}

export async function importTimelineAndroid(file: ExportFile, ctx: ImportContext): Promise<void> {
  const state: State = { pathIndex: 0, source: ctx.source(PLATFORM, file) };
  await ctx.streamJson(file, ['semanticSegments.*', 'rawSignals.*', 'userLocationProfile'], (path, value, index) => {
    if (path === 'semanticSegments.*') segment(value, index, file, ctx, state);
    else if (path === 'rawSignals.*') {
      const position = obj(get(value, 'position'));
      const at = parseLatLonText(position?.['LatLng'] ?? position?.['latLng']);
      const t = isoWithZoneMs(position?.['timestamp']);
      const accuracy = num(position?.['accuracyMeters']);
      if (at && t !== undefined) ctx.point({ epochMs: t, lat: at.lat, lon: at.lon, ...(accuracy !== undefined ? { accuracyM: accuracy } : {}), index: state.pathIndex++ }, state.source);
    } else {
      for (const [i, place] of arr(get(value, 'frequentPlaces')).entries()) {
        const pos = latLng(get(place, 'placeLocation'));
        const label = str(get(place, 'label'));
        if (pos) ctx.record({ kind: 'other', source: ctx.source(PLATFORM, file, `frequent-place-${i}`), position: pos, text: 'Google frequent place', ...(label ? { placeLabel: label } : {}) });
      }
    }
  });
}

export async function importTimelineIos(file: ExportFile, ctx: ImportContext): Promise<void> {
  const state: State = { pathIndex: 0, source: ctx.source(PLATFORM, file) };
  await ctx.streamJson(file, ['*'], (_path, value, index) => {
    const o = obj(value);
    if (!o) return;
    // iOS activity start/end are plain "geo:" strings, not objects.
    const activity = obj(o['activity']);
    if (activity && typeof activity['start'] === 'string') {
      segment({ ...o, activity: { ...activity, start: { latLng: activity['start'] } } }, index, file, ctx, state);
    } else segment(o, index, file, ctx, state);
  });
}
