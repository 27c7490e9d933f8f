/**
 * Snapchat "My Data" (export-formats.md §8): `json/account.json`, `json/location_history.json`
 * (both the ~2019–22 and the 2023+ shapes), `json/memories_history.json`, `json/friends.json`,
 * `json/snap_map_places_history.json`. Memories' download links are live, credentialed URLs:
 * never requested; the record says so.
 */
import type { ImportContext, RootedFile } from '../context.js';
import { utc } from '../context.js';
import { arr, get, obj, parseLatLonText, spacedUtcMs, str, type Json } from '../text.js';
import type { IdentityRef } from '../../dossier/model.js';

const PLATFORM = 'snapchat' as const;

export async function importSnapchat(files: readonly RootedFile[], ctx: ImportContext): Promise<void> {
  for (const file of files) {
    const name = file.rel.slice(file.rel.lastIndexOf('/') + 1);
    const handler = HANDLERS[name];
    if (!handler || !file.rel.endsWith(`json/${name}`)) continue;
    ctx.fileRead(PLATFORM, file);
    await ctx.guard(file, async () => handler(await ctx.json(file), file, ctx));
  }
}

type Handler = (value: Json, file: RootedFile, ctx: ImportContext) => void;

const HANDLERS: Record<string, Handler> = {
  'account.json': (value, file, ctx) => {
    const basic = obj(get(value, 'Basic Information'));
    const identities: IdentityRef[] = [];
    const add = (kind: IdentityRef['kind'], v: Json): void => {
      const s = str(v);
      if (s) identities.push({ kind, value: s, platform: PLATFORM });
    };
    add('handle', basic?.['Username']);
    add('display-name', basic?.['Name']);
    add('ip-address', basic?.['Registration IP']);
    const device = obj(get(value, 'Device Information'));
    const model = [str(device?.['Make']), str(device?.['Model Name'])].filter(Boolean).join(' ');
    if (model) add('device', model);
    ctx.record({ kind: 'profile', source: ctx.source(PLATFORM, file, 'account'), time: utc(spacedUtcMs(basic?.['Creation Date'])), identities });
    for (const [index, login] of arr(get(value, 'Login History')).entries()) {
      const ip = str(get(login, 'IP'));
      ctx.record({ kind: 'login', source: ctx.source(PLATFORM, file, `login-${index}`), time: utc(spacedUtcMs(get(login, 'Created'))), placeName: str(get(login, 'Country')), identities: ip ? [{ kind: 'ip-address', value: ip, platform: PLATFORM }] : undefined });
    }
  },
  'location_history.json': (value, file, ctx) => {
    const source = ctx.source(PLATFORM, file);
    for (const [index, row] of arr(get(value, 'Location History')).entries()) {
      // 2023+: ["2024-03-02 14:00:00 UTC", "41.5, -81.6"]; older: {Time, "Latitude, Longitude": "52.37 ± 19.12 meters, 4.89 ± 19.12 meters"}.
      const time = Array.isArray(row) ? spacedUtcMs(row[0]) : spacedUtcMs(get(row, 'Time'));
      const where = parseLatLonText(Array.isArray(row) ? row[1] : get(row, 'Latitude, Longitude'));
      if (time !== undefined && where) ctx.point({ epochMs: time, lat: where.lat, lon: where.lon, ...(where.accuracyM !== undefined ? { accuracyM: where.accuracyM } : {}), index }, source);
    }
    const labelled = obj(get(value, 'Home, School & Work')) ?? obj(get(value, 'Home & Work'));
    for (const [label, text] of Object.entries(labelled ?? {})) {
      const where = parseLatLonText(text);
      if (where) ctx.record({ kind: 'other', source: ctx.source(PLATFORM, file, label), position: { lat: where.lat, lon: where.lon, method: 'unknown', ...(where.accuracyM !== undefined ? { accuracyM: where.accuracyM } : {}) }, placeLabel: label, text: `Snapchat's "${label}"` });
      else if (typeof text === 'string' && text) ctx.record({ kind: 'other', source: ctx.source(PLATFORM, file, label), placeName: text, placeLabel: label });
    }
    for (const [index, area] of arr(get(value, 'Areas you may have visited in the last two years')).entries()) {
      const city = [str(get(area, 'City')), str(get(area, 'Region')), str(get(area, 'Postal Code'))].filter(Boolean).join(', ');
      if (city) ctx.record({ kind: 'visit', source: ctx.source(PLATFORM, file, `area-${index}`), time: utc(spacedUtcMs(get(area, 'Time'))), placeName: city, text: 'area Snapchat thinks you visited' });
    }
  },
  'memories_history.json': (value, file, ctx) => {
    for (const [index, item] of arr(get(value, 'Saved Media')).entries()) {
      const where = parseLatLonText(get(item, 'Location'));
      const video = /video/i.test(str(get(item, 'Media Type')) ?? '');
      ctx.record({
        kind: video ? 'video' : 'photo', source: ctx.source(PLATFORM, file, index), time: utc(spacedUtcMs(get(item, 'Date'))),
        position: where ? { lat: where.lat, lon: where.lon, method: 'geotag' } : undefined,
        text: str(get(item, 'Download Link')) ? 'Memory (its download link is a live, signed URL: not requested)' : 'Memory',
      });
    }
  },
  'friends.json': (value, file, ctx) => {
    for (const [section, relation] of [['Friends', 'friend'], ['Blocked Users', 'blocked']] as const) {
      for (const [index, f] of arr(get(value, section)).entries()) {
        const handle = str(get(f, 'Username'));
        if (handle) ctx.record({ kind: 'connection', source: ctx.source(PLATFORM, file, `${section}-${index}`), time: utc(spacedUtcMs(get(f, 'Creation Timestamp'))), people: [{ handle, name: str(get(f, 'Display Name')) ?? handle, platform: PLATFORM, relation }] });
      }
    }
  },
  'snap_map_places_history.json': (value, file, ctx) => {
    for (const [index, item] of arr(get(value, 'Snap Map Places History')).entries()) {
      ctx.record({ kind: 'check-in', source: ctx.source(PLATFORM, file, index), time: utc(spacedUtcMs(get(item, 'Date'))), placeName: str(get(item, 'Place')), address: str(get(item, 'Place Location')) });
    }
  },
};
