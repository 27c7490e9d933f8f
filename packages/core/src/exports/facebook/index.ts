/**
 * Facebook "Download your information" (JSON), all eras (export-formats.md §6): 2018–20
 * (`profile_information/`, `friends/friends.json`, `posts/your_posts_1.json`, `location/`),
 * 2020–23 (`_v2` keys, `friends_and_followers/`), 2024+ (`personal_information/…`,
 * `your_facebook_activity/…`, `connections/friends/`). Recognised by file name wherever it sits;
 * every string is re-decoded from Meta's mojibake. Arrays and single objects are both accepted.
 */
import type { ImportContext, RootedFile } from '../context.js';
import type { IdentityRef, MediaRef, PersonRef, Position } from '../../dossier/model.js';
import { arr, epochSecondsMs, get, list, num, obj, parseLatLonText, str, validLatLon, type Json } from '../text.js';
import { importThread } from '../meta.js';
import { mentionsIn } from '../instagram/index.js';

const PLATFORM = 'facebook' as const;

type Handler = (value: Json, file: RootedFile, ctx: ImportContext, owner: Set<string>) => void;

export async function importFacebook(files: readonly RootedFile[], ctx: ImportContext): Promise<void> {
  const owner = new Set<string>();
  const ordered = [...files].sort((a, b) => (a.rel.includes('profile_information') ? 0 : 1) - (b.rel.includes('profile_information') ? 0 : 1));
  let sawJson = false;
  for (const file of ordered) {
    const name = file.rel.slice(file.rel.lastIndexOf('/') + 1);
    if (!name.endsWith('.json')) continue;
    sawJson = true;
    const handler = pick(file.rel, name);
    if (!handler) continue;
    ctx.fileRead(PLATFORM, file);
    await ctx.guard(file, async () => handler(await ctx.json(file, { meta: true }), file, ctx, owner));
  }
  if (!sawJson && files.some((f) => f.rel.endsWith('.html'))) {
    ctx.issue({ archive: files[0]!.archive, path: '' }, 'an HTML-format Facebook export: only the JSON format is supported (choose "JSON" when downloading your information)');
  }
}

/** A lone Messenger thread file (`message_1.json` handed over by itself): Messenger is Facebook's. */
export async function importLooseThread(file: import('../context.js').ExportFile, ctx: ImportContext): Promise<void> {
  importThread(await ctx.json(file, { meta: true }), file, ctx, PLATFORM, new Set());
}

function pick(rel: string, name: string): Handler | undefined {
  if (name === 'profile_information.json') return profile;
  if (/^(your_)?friends\.json$/.test(name)) return friends;
  if (/^your_posts(__check_ins__photos_and_videos)?_\d+\.json$/.test(name)) return posts;
  if (/^(your_uncategorized_photos|your_videos)\.json$/.test(name) || /posts\/album\/\d+\.json$/.test(rel)) return photos;
  if (name === 'check-ins.json') return checkins;
  if (name === 'places_you_have_been_tagged_in.json') return taggedPlaces;
  if (name === 'location_history.json') return locationHistory;
  if (/messages\/(inbox|archived_threads|filtered_threads|message_requests|e2ee_cutover)\/[^/]+\/message_\d+\.json$/.test(rel)) return (v, f, c, owner) => importThread(v, f, c, PLATFORM, owner);
  if (/^(account_activity|ip_address_activity|logins_and_logouts)\.json$/.test(name)) return logins;
  if (/^(primary_location|primary_public_location|timezone|phone_number_location)\.json$/.test(name)) return inferredLocation;
  return undefined;
}

const profile: Handler = (value, file, ctx, owner) => {
  const p = obj(get(value, 'profile_v2')) ?? obj(get(value, 'profile'));
  if (!p) return;
  const identities: IdentityRef[] = [];
  const name = str(get(p, 'name', 'full_name')) ?? str(p['name']);
  if (name) {
    owner.add(name);
    identities.push({ kind: 'display-name', value: name, platform: PLATFORM });
  }
  for (const email of [...arr(get(p, 'emails', 'emails')), ...arr(get(p, 'emails', 'previous_emails'))]) {
    const v = str(email);
    if (v) identities.push({ kind: 'email', value: v, platform: PLATFORM });
  }
  for (const phone of [...arr(get(p, 'phone_numbers')), ...arr(get(p, 'previous_phone_numbers'))]) {
    const v = str(get(phone, 'phone_number'));
    if (v) identities.push({ kind: 'phone', value: v, platform: PLATFORM });
  }
  const username = str(p['username']);
  if (username) identities.push({ kind: 'handle', value: username, platform: PLATFORM });
  const uri = str(p['profile_uri']);
  if (uri) identities.push({ kind: 'profile-url', value: uri, platform: PLATFORM });
  const city = str(get(p, 'current_city', 'name'));
  const hometown = str(get(p, 'hometown', 'name'));
  const family: PersonRef[] = arr(p['family_members']).flatMap((m) => {
    const n = str(get(m, 'name'));
    return n ? [{ name: n, platform: PLATFORM, relation: 'contact' as const }] : [];
  });
  ctx.record({
    kind: 'profile', source: ctx.source(PLATFORM, file, 'profile'), identities,
    ...(city ? { placeName: city } : {}),
    ...(city || hometown ? { text: [city ? `current city: ${city}` : '', hometown ? `hometown: ${hometown}` : ''].filter(Boolean).join('; ') } : {}),
    ...(family.length ? { people: family } : {}),
  });
};

const friends: Handler = (value, file, ctx) => {
  const items = list(get(value, 'friends_v2') ?? get(value, 'friends') ?? value);
  for (const [index, item] of items.entries()) {
    const name = str(get(item, 'name'));
    if (!name) continue;
    const time = epochSecondsMs(get(item, 'timestamp'));
    ctx.record({ kind: 'connection', source: ctx.source(PLATFORM, file, index), ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}), people: [{ name, platform: PLATFORM, relation: 'friend' }] });
  }
};

function coordinate(value: Json): Position | undefined {
  const lat = num(get(value, 'latitude'));
  const lon = num(get(value, 'longitude'));
  return validLatLon(lat, lon) ? { lat: lat!, lon: lon!, method: 'geotag' } : undefined;
}

function mediaOf(media: Json): { ref?: MediaRef; ip?: string } {
  const uri = str(get(media, 'uri'));
  let gps: Position | undefined;
  let ip: string | undefined;
  let device: string | undefined;
  for (const kind of ['photo_metadata', 'video_metadata']) {
    for (const exif of arr(get(media, 'media_metadata', kind, 'exif_data'))) {
      gps ??= coordinate(exif) ? { ...coordinate(exif)!, method: 'exif' } : undefined;
      ip ??= str(get(exif, 'upload_ip'));
      const make = [str(get(exif, 'camera_make')), str(get(exif, 'camera_model'))].filter(Boolean).join(' ');
      if (make) device ??= make;
    }
  }
  if (!uri) return ip ? { ip } : {};
  return { ref: { path: uri, mediaType: /\.(mp4|mov)$/i.test(uri) ? 'video' : 'image', ...(gps ? { gps } : {}), ...(device ? { device } : {}) }, ...(ip ? { ip } : {}) };
}

const posts: Handler = (value, file, ctx) => {
  const items = Array.isArray(value) ? value : list(get(value, 'status_updates_v2') ?? value);
  for (const [index, item] of items.entries()) {
    const time = epochSecondsMs(get(item, 'timestamp'));
    const text = arr(get(item, 'data')).map((d) => str(get(d, 'post'))).filter(Boolean).join('\n') || undefined;
    const people: PersonRef[] = arr(get(item, 'tags')).flatMap((t) => {
      const name = typeof t === 'string' ? t : str(get(t, 'name'));
      return name ? [{ name, platform: PLATFORM, relation: 'tagged' as const }] : [];
    });
    if (text) people.push(...mentionsIn(text, PLATFORM));
    let position: Position | undefined;
    let placeName: string | undefined;
    let address: string | undefined;
    const media: MediaRef[] = [];
    const identities: IdentityRef[] = [];
    for (const attachment of arr(get(item, 'attachments'))) {
      for (const data of arr(get(attachment, 'data'))) {
        const place = obj(get(data, 'place'));
        if (place) {
          position ??= coordinate(place['coordinate']);
          placeName ??= str(place['name']);
          address ??= str(place['address']) || undefined;
        }
        const m = mediaOf(get(data, 'media'));
        if (m.ref) media.push(m.ref);
        if (m.ip) identities.push({ kind: 'ip-address', value: m.ip, platform: PLATFORM });
        if (!position && m.ref?.gps) position = m.ref.gps;
      }
    }
    const title = str(get(item, 'title'));
    const body = text ?? title;
    ctx.record({
      kind: placeName && /checked in|was at|is at/i.test(title ?? '') ? 'check-in' : 'post', source: ctx.source(PLATFORM, file, index),
      ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}),
      ...(position ? { position } : {}),
      ...(placeName ? { placeName } : {}),
      ...(address ? { address } : {}),
      ...(body ? { text: body } : {}),
      ...(people.length ? { people } : {}),
      ...(media.length ? { media } : {}),
      ...(identities.length ? { identities } : {}),
    });
  }
};

const photos: Handler = (value, file, ctx) => {
  const items = [...arr(get(value, 'other_photos_v2')), ...arr(get(value, 'videos_v2')), ...arr(get(value, 'photos')), ...(Array.isArray(value) ? value : [])];
  for (const [index, item] of items.entries()) {
    const m = mediaOf(item);
    if (!m.ref) continue;
    const time = epochSecondsMs(get(item, 'creation_timestamp'));
    const text = str(get(item, 'description')) ?? str(get(item, 'title'));
    ctx.record({
      kind: m.ref.mediaType === 'video' ? 'video' : 'photo', source: ctx.source(PLATFORM, file, index),
      ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}),
      ...(m.ref.gps ? { position: m.ref.gps } : {}),
      ...(text ? { text } : {}),
      media: [m.ref],
      ...(m.ip ? { identities: [{ kind: 'ip-address' as const, value: m.ip, platform: PLATFORM }] } : {}),
    });
  }
};

/** `label_values` entries: {label, value | timestamp_value | dict: [...]} . */
function labels(item: Json): Map<string, Json> {
  const out = new Map<string, Json>();
  const walk = (entries: readonly Json[]): void => {
    for (const entry of entries) {
      const label = str(get(entry, 'label'));
      if (!label) continue;
      const dict = get(entry, 'dict');
      if (Array.isArray(dict)) walk(dict);
      out.set(label, get(entry, 'value') ?? get(entry, 'timestamp_value') ?? dict);
    }
  };
  walk(arr(get(item, 'label_values')));
  return out;
}

const checkins: Handler = (value, file, ctx) => {
  for (const [index, item] of list(value).entries()) {
    const l = labels(item);
    const coords = parseLatLonText(l.get('Coordinates'));
    const time = epochSecondsMs(get(item, 'timestamp')) ?? epochSecondsMs(l.get('Visit time'));
    const name = str(l.get('Name')) ?? str(l.get('Place name'));
    const address = str(l.get('Address'));
    const message = str(l.get('Message'));
    ctx.record({
      kind: 'check-in', source: ctx.source(PLATFORM, file, index),
      ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}),
      ...(coords ? { position: { lat: coords.lat, lon: coords.lon, method: 'geotag' as const } } : {}),
      ...(name ? { placeName: name } : {}),
      ...(address ? { address } : {}),
      ...(message ? { text: message } : {}),
    });
  }
};

const taggedPlaces: Handler = (value, file, ctx) => {
  for (const [index, item] of list(get(value, 'tagged_places_v2') ?? value).entries()) {
    const l = labels(item);
    const name = str(l.get('Place name')) ?? str(get(item, 'name'));
    const time = epochSecondsMs(l.get('Visit time')) ?? epochSecondsMs(get(item, 'timestamp'));
    const coords = parseLatLonText(l.get('Coordinates'));
    ctx.record({
      kind: 'check-in', source: ctx.source(PLATFORM, file, index), text: 'tagged at a place',
      ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}),
      ...(coords ? { position: { lat: coords.lat, lon: coords.lon, method: 'geotag' as const } } : {}),
      ...(name ? { placeName: name } : {}),
    });
  }
};

const locationHistory: Handler = (value, file, ctx) => {
  const source = ctx.source(PLATFORM, file);
  for (const [index, item] of list(get(value, 'location_history_v2') ?? get(value, 'location_history') ?? value).entries()) {
    const pos = coordinate(get(item, 'coordinate'));
    const time = epochSecondsMs(get(item, 'creation_timestamp'));
    if (pos && time !== undefined) ctx.point({ epochMs: time, lat: pos.lat, lon: pos.lon, index }, source);
  }
};

const logins: Handler = (value, file, ctx) => {
  const o = obj(value);
  const items = o ? Object.values(o).flatMap((v) => (Array.isArray(v) ? v : [])) : arr(value);
  for (const [index, item] of items.entries()) {
    const ip = str(get(item, 'ip_address')) ?? str(get(item, 'ip'));
    const time = epochSecondsMs(get(item, 'timestamp'));
    const where = [str(get(item, 'city')), str(get(item, 'region')), str(get(item, 'country'))].filter(Boolean).join(', ');
    ctx.record({
      kind: 'login', source: ctx.source(PLATFORM, file, index),
      ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}),
      ...(where ? { placeName: where } : {}),
      ...(ip ? { identities: [{ kind: 'ip-address' as const, value: ip, platform: PLATFORM }] } : {}),
    });
  }
};

/** Meta's own conclusions: inferred home city/zip (`primary_location_v2`), public location, time zone. */
const inferredLocation: Handler = (value, file, ctx) => {
  const primary = obj(get(value, 'primary_location_v2'));
  if (primary) {
    const pairs = arr(primary['city_region_pairs']).map((pair) => arr(pair).map((v) => str(v)).filter(Boolean).join(', ')).filter(Boolean);
    const zips = arr(primary['zipcode']).map((v) => str(v)).filter(Boolean);
    ctx.record({ kind: 'other', source: ctx.source(PLATFORM, file, 'primary_location'), placeName: pairs[0], address: zips.length ? `postal code ${zips.join(', ')}` : undefined, placeLabel: 'inferred primary location (Meta)', text: 'Facebook\'s inferred home area' });
  }
  const publicLocation = obj(get(value, 'primary_public_location_v2'));
  if (publicLocation) {
    const place = [str(publicLocation['city']), str(publicLocation['region']), str(publicLocation['country'])].filter(Boolean).join(', ');
    ctx.record({ kind: 'other', source: ctx.source(PLATFORM, file, 'primary_public_location'), placeName: place || undefined, placeLabel: 'public location (Meta)' });
  }
  const zone = str(get(value, 'timezone_v2'));
  if (zone) ctx.record({ kind: 'other', source: ctx.source(PLATFORM, file, 'timezone'), text: `time zone on record: ${zone}`, placeLabel: 'time zone (Meta)' });
};
