/**
 * Instagram "Download your information" (JSON), all layout eras (export-formats.md §5):
 * 2018–20 flat files (`profile.json`, `media.json`, `connections.json`, `messages.json`), ~2020–22
 * `account_information/` + `content/`, 2022–24 `personal_information/` + `your_instagram_activity/`,
 * 2024–25 `…/instagram_profile_information.json` + `your_instagram_activity/media/`. Files are
 * recognised by name wherever they sit; Meta's mojibake is repaired. HTML-only exports carry no
 * JSON and are not supported (the person is told to request JSON).
 */
import type { ImportContext, RootedFile } from '../context.js';
import type { IdentityRef, MediaRef, PersonRef, Position } from '../../dossier/model.js';
import { arr, epochSecondsMs, get, isoWithZoneMs, list, num, obj, str, validLatLon, type Json } from '../text.js';
import { importThread, stringMap } from '../meta.js';

const PLATFORM = 'instagram' as const;

const LABELS = {
  email: ['Email', 'E-mail', 'E-Mail', 'Adresse e-mail', 'E-mailadres', 'Correo electrónico'],
  phone: ['Phone Number', 'Phone number', 'Telefoonnummer', 'Telefonnummer', 'Numéro de téléphone', 'Número de teléfono'],
  username: ['Username', 'Gebruikersnaam', 'Benutzername', "Nom d'utilisateur", 'Nombre de usuario'],
  name: ['Name', 'Naam', 'Nom', 'Nombre'],
};

const MENTION = /(?:^|[^\w.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)/g;

export function mentionsIn(text: string, platform: PersonRef['platform']): PersonRef[] {
  const seen = new Set<string>();
  const out: PersonRef[] = [];
  for (const match of text.matchAll(MENTION)) {
    const handle = match[1]!;
    if (seen.has(handle.toLowerCase())) continue;
    seen.add(handle.toLowerCase());
    out.push({ handle, platform, relation: 'mentioned' });
  }
  return out;
}

function exifOf(media: Json): { position?: Position; device?: string } {
  for (const kind of ['photo_metadata', 'video_metadata']) {
    for (const exif of arr(get(media, 'media_metadata', kind, 'exif_data'))) {
      const lat = num(get(exif, 'latitude'));
      const lon = num(get(exif, 'longitude'));
      const device = str(get(exif, 'device_id'));
      if (validLatLon(lat, lon)) return { position: { lat: lat!, lon: lon!, method: 'exif' }, ...(device ? { device } : {}) };
      if (device) return { device };
    }
  }
  return {};
}

export async function importInstagram(files: readonly RootedFile[], ctx: ImportContext): Promise<void> {
  const owner = new Set<string>();
  const ordered = [...files].sort((a, b) => rank(a.rel) - rank(b.rel));
  let sawJson = false;
  for (const file of ordered) {
    const rel = file.rel;
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (!name.endsWith('.json')) continue;
    sawJson = true;
    const handler = pick(rel, name);
    if (!handler) continue;
    ctx.fileRead(PLATFORM, file);
    await ctx.guard(file, async () => handler(await ctx.json(file, { meta: true }), file, ctx, owner));
  }
  if (!sawJson && files.some((f) => f.rel.endsWith('.html'))) {
    const first = files[0]!;
    ctx.issue({ archive: first.archive, path: '' }, 'an HTML-format Instagram export: only the JSON format is supported (request "JSON" when downloading your information)');
  }
}

/** Profile files first, so the owner's name is known when messages are read. */
function rank(rel: string): number {
  return /personal_information|profile\.json|instagram_profile_information/.test(rel) ? 0 : 1;
}

type Handler = (value: Json, file: RootedFile, ctx: ImportContext, owner: Set<string>) => void;

function pick(rel: string, name: string): Handler | undefined {
  if (/(^|\/)(personal_information|instagram_profile_information)\.json$/.test(rel) && !rel.includes('profile_information/profile_information')) return profile;
  if (rel === 'profile.json' || /^[^/]+\/profile\.json$/.test(rel)) return oldProfile;
  if (/^posts_\d+\.json$/.test(name) || name === 'stories.json' || name === 'reels.json') return posts;
  if (rel === 'media.json' || /^[^/]+\/media\.json$/.test(rel)) return oldMedia;
  if (/^followers(_\d+)?\.json$/.test(name)) return (v, f, c) => connections(v, f, c, 'follower');
  if (/^following(_\d+)?\.json$/.test(name)) return (v, f, c) => connections(v, f, c, 'following');
  if (/^close_friends\.json$/.test(name)) return (v, f, c) => connections(v, f, c, 'close-friend');
  if (/^blocked_(accounts|profiles)\.json$/.test(name)) return (v, f, c) => connections(v, f, c, 'blocked');
  if (rel === 'connections.json' || /^[^/]+\/connections\.json$/.test(rel)) return oldConnections;
  if (/messages\/(inbox|message_requests)\/[^/]+\/message_\d+\.json$/.test(rel)) return (v, f, c, owner) => importThread(v, f, c, PLATFORM, owner);
  if (rel === 'messages.json' || /^[^/]+\/messages\.json$/.test(rel)) return oldMessages;
  if (name === 'login_activity.json') return logins;
  if (name === 'profile_based_in.json') return basedIn;
  return undefined;
}

const profile: Handler = (value, file, ctx, owner) => {
  const user = list(get(value, 'profile_user'))[0] ?? value;
  const email = stringMap(user, LABELS.email);
  const phone = stringMap(user, LABELS.phone);
  const handle = stringMap(user, LABELS.username);
  const name = stringMap(user, LABELS.name);
  if (name) owner.add(name);
  if (handle) owner.add(handle);
  emitProfile(file, ctx, { email, phone, handle, name });
};

const oldProfile: Handler = (value, file, ctx, owner) => {
  const o = obj(value);
  if (!o || (o['username'] === undefined && o['email'] === undefined)) return;
  const name = str(o['name']);
  const handle = str(o['username']);
  if (name) owner.add(name);
  if (handle) owner.add(handle);
  emitProfile(file, ctx, { email: str(o['email']), phone: str(o['phone_number']), handle, name });
};

function emitProfile(file: RootedFile, ctx: ImportContext, p: { email: string | undefined; phone: string | undefined; handle: string | undefined; name: string | undefined }): void {
  const identities: IdentityRef[] = [];
  if (p.handle) identities.push({ kind: 'handle', value: p.handle, platform: PLATFORM }, { kind: 'profile-url', value: `https://www.instagram.com/${p.handle}`, platform: PLATFORM });
  if (p.email) identities.push({ kind: 'email', value: p.email, platform: PLATFORM });
  if (p.phone) identities.push({ kind: 'phone', value: p.phone, platform: PLATFORM });
  if (p.name) identities.push({ kind: 'display-name', value: p.name, platform: PLATFORM });
  ctx.record({ kind: 'profile', source: ctx.source(PLATFORM, file, 'profile'), identities });
}

const posts: Handler = (value, file, ctx) => {
  const items = Array.isArray(value) ? value : [...arr(get(value, 'ig_stories')), ...arr(get(value, 'ig_reels_media')), ...arr(get(value, 'ig_reels'))];
  const kind = /stories/.test(file.rel) ? 'story' : 'post';
  for (const [index, item] of items.entries()) {
    const mediaList = arr(get(item, 'media')).length ? arr(get(item, 'media')) : [item];
    const first = mediaList[0];
    const caption = str(get(item, 'title')) || str(get(first, 'title')) || '';
    const time = epochSecondsMs(get(item, 'creation_timestamp')) ?? epochSecondsMs(get(first, 'creation_timestamp'));
    let position: Position | undefined;
    const media: MediaRef[] = [];
    for (const m of mediaList) {
      const uri = str(get(m, 'uri'));
      const exif = exifOf(m);
      if (exif.position && !position) position = exif.position;
      if (uri) media.push({ path: uri, mediaType: /\.(mp4|mov)$/i.test(uri) ? 'video' : 'image', ...(exif.position ? { gps: exif.position } : {}), ...(exif.device ? { device: exif.device } : {}) });
    }
    const people = [...mentionsIn(caption, PLATFORM), ...taggedUsers(item)];
    ctx.record({
      kind, source: ctx.source(PLATFORM, file, index),
      ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}),
      ...(position ? { position } : {}),
      ...(caption ? { text: caption } : {}),
      ...(people.length ? { people } : {}),
      ...(media.length ? { media } : {}),
    });
  }
};

/** Some exports list tagged accounts per media item; accept the shapes seen in the wild loosely. */
function taggedUsers(item: Json): PersonRef[] {
  const out: PersonRef[] = [];
  for (const m of [item, ...arr(get(item, 'media'))]) {
    for (const tag of arr(get(m, 'tagged_users'))) {
      const handle = typeof tag === 'string' ? tag : str(get(tag, 'username')) ?? str(get(tag, 'value'));
      if (handle) out.push({ handle, platform: PLATFORM, relation: 'tagged' });
    }
  }
  return out;
}

const oldMedia: Handler = (value, file, ctx) => {
  for (const section of ['photos', 'videos', 'stories'] as const) {
    for (const [index, item] of arr(get(value, section)).entries()) {
      const caption = str(get(item, 'caption')) ?? '';
      const time = isoWithZoneMs(get(item, 'taken_at'));
      const place = str(get(item, 'location'));
      const path = str(get(item, 'path'));
      const people = mentionsIn(caption, PLATFORM);
      ctx.record({
        kind: section === 'stories' ? 'story' : 'post', source: ctx.source(PLATFORM, file, `${section}-${index}`),
        ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}),
        ...(place ? { placeName: place } : {}),
        ...(caption ? { text: caption } : {}),
        ...(people.length ? { people } : {}),
        ...(path ? { media: [{ path, mediaType: section === 'videos' ? 'video' : 'image' }] } : {}),
      });
    }
  }
};

function connections(value: Json, file: RootedFile, ctx: ImportContext, relation: PersonRef['relation']): void {
  const o = obj(value);
  const items = Array.isArray(value) ? value : o ? Object.values(o).flatMap((v) => (Array.isArray(v) ? v : [])) : [];
  for (const [index, item] of items.entries()) {
    const entry = arr(get(item, 'string_list_data'))[0];
    const handle = str(get(entry, 'value')) || str(get(item, 'title')) || undefined;
    if (!handle) continue;
    const time = epochSecondsMs(get(entry, 'timestamp'));
    ctx.record({
      kind: 'connection', source: ctx.source(PLATFORM, file, index),
      ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}),
      people: [{ handle, platform: PLATFORM, relation }],
    });
  }
}

const oldConnections: Handler = (value, file, ctx) => {
  for (const [section, relation] of [['followers', 'follower'], ['following', 'following'], ['blocked_users', 'blocked'], ['close_friends', 'close-friend']] as const) {
    const map = obj(get(value, section));
    if (!map) continue;
    for (const [handle, date] of Object.entries(map)) {
      const time = isoWithZoneMs(date);
      ctx.record({ kind: 'connection', source: ctx.source(PLATFORM, file, `${section}-${handle}`), ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}), people: [{ handle, platform: PLATFORM, relation }] });
    }
  }
};

const oldMessages: Handler = (value, file, ctx, owner) => {
  for (const [t, thread] of arr(value).entries()) {
    const participants = arr(get(thread, 'participants')).flatMap((p) => (typeof p === 'string' ? [p] : []));
    const others = participants.filter((p) => !owner.has(p));
    for (const [index, message] of arr(get(thread, 'conversation')).entries()) {
      const sender = str(get(message, 'sender'));
      const time = isoWithZoneMs(get(message, 'created_at'));
      const text = str(get(message, 'text'));
      const people: PersonRef[] = sender && !owner.has(sender) ? [{ handle: sender, platform: PLATFORM, relation: 'message-from' }] : others.map((handle) => ({ handle, platform: PLATFORM, relation: 'messaged' as const }));
      ctx.record({ kind: 'message', source: ctx.source(PLATFORM, file, `${t}-${index}`), ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}), ...(text ? { text } : {}), people });
    }
  }
};

const logins: Handler = (value, file, ctx) => {
  for (const [index, item] of arr(get(value, 'account_history_login_history')).entries()) {
    const ip = stringMap(item, ['IP Address', 'IP-adres', 'IP-Adresse', 'Adresse IP']);
    const time = isoWithZoneMs(get(item, 'title')) ?? epochSecondsMs(get(get(item, 'string_map_data'), 'Time', 'timestamp'));
    ctx.record({ kind: 'login', source: ctx.source(PLATFORM, file, index), ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}), ...(ip ? { identities: [{ kind: 'ip-address', value: ip, platform: PLATFORM }] } : {}) });
  }
};

const basedIn: Handler = (value, file, ctx) => {
  for (const [index, item] of arr(get(value, 'inferred_data_primary_location')).entries()) {
    const city = stringMap(item, ['City Name', 'Stad', 'Stadt', 'Ville']);
    if (city) ctx.record({ kind: 'other', source: ctx.source(PLATFORM, file, index), placeName: city, placeLabel: 'inferred primary location (Meta)', text: `Instagram thinks you are based in ${city}` });
  }
};
