/**
 * TikTok `user_data.json` / `user_data_tiktok.json` (export-formats.md §9), both key generations
 * ("Activity" → "Your Activity", "Profile Information" → "Profile Info", "Video" → "Post", …).
 * TikTok dates carry no zone; they are read as UTC (what TikTok's servers log) and that guess is
 * documented. Read whole: the file is one JSON document (limit MAX_WHOLE_JSON_BYTES).
 */
import type { ExportFile, ImportContext } from '../context.js';
import { utc } from '../context.js';
import { arr, get, obj, spacedUtcMs, str, type Json } from '../text.js';
import type { IdentityRef } from '../../dossier/model.js';

const PLATFORM = 'tiktok' as const;

/** First present path among alternatives. */
function pick(value: Json, ...paths: string[][]): Json {
  for (const path of paths) {
    const v = get(value, ...path);
    if (v !== undefined) return v;
  }
  return undefined;
}

export async function importTikTok(file: ExportFile, ctx: ImportContext): Promise<void> {
  const data = await ctx.json(file);
  const profile = obj(pick(data, ['Profile', 'Profile Info', 'ProfileMap'], ['Profile', 'Profile Information', 'ProfileMap']));
  const identities: IdentityRef[] = [];
  const add = (kind: IdentityRef['kind'], v: Json): void => {
    const s = str(v);
    if (s) identities.push({ kind, value: s, platform: PLATFORM });
  };
  add('handle', profile?.['userName']);
  add('email', profile?.['emailAddress']);
  add('phone', profile?.['telephoneNumber']);
  const autofill = obj(pick(data, ['Profile', 'Autofill']));
  add('email', autofill?.['Email']);
  add('phone', autofill?.['PhoneNumber']);
  const address = [str(autofill?.['Address']), str(autofill?.['City']), str(autofill?.['ZipCode']), str(autofill?.['Country'])].filter(Boolean).join(', ');
  ctx.record({ kind: 'profile', source: ctx.source(PLATFORM, file, 'profile'), identities, text: str(profile?.['bioDescription']), address: address || undefined });

  const activity = pick(data, ['Your Activity'], ['Activity']);
  for (const [index, login] of arr(pick(activity, ['Login History', 'LoginHistoryList'])).entries()) {
    const ip = str(get(login, 'IP'));
    const device = str(get(login, 'DeviceModel'));
    ctx.record({ kind: 'login', source: ctx.source(PLATFORM, file, `login-${index}`), time: utc(spacedUtcMs(get(login, 'Date'))), identities: [...(ip ? [{ kind: 'ip-address' as const, value: ip, platform: PLATFORM }] : []), ...(device ? [{ kind: 'device' as const, value: device, platform: PLATFORM }] : [])] });
  }
  for (const status of arr(pick(activity, ['Status', 'Status List']))) {
    const ids = Object.entries(obj(status) ?? {}).flatMap(([key, v]) => (/IDFA|GAID|Android ID|IDFV/.test(key) && str(v) ? [{ kind: 'device' as const, value: `${key} ${str(v)}`, platform: PLATFORM }] : []));
    if (ids.length) ctx.record({ kind: 'profile', source: ctx.source(PLATFORM, file, 'advertising-ids'), identities: ids, text: 'advertising/device identifiers' });
  }
  for (const [index, f] of arr(pick(activity, ['Follower', 'FansList'], ['Follower List', 'FansList'])).entries()) {
    const handle = str(get(f, 'UserName'));
    if (handle) ctx.record({ kind: 'connection', source: ctx.source(PLATFORM, file, `follower-${index}`), time: utc(spacedUtcMs(get(f, 'Date'))), people: [{ handle, platform: PLATFORM, relation: 'follower' }] });
  }
  for (const [index, f] of arr(pick(activity, ['Following', 'Following'], ['Following List', 'Following'])).entries()) {
    const handle = str(get(f, 'UserName'));
    if (handle) ctx.record({ kind: 'connection', source: ctx.source(PLATFORM, file, `following-${index}`), time: utc(spacedUtcMs(get(f, 'Date'))), people: [{ handle, platform: PLATFORM, relation: 'following' }] });
  }
  const posts = arr(pick(data, ['Post', 'Posts', 'VideoList'], ['Video', 'Videos', 'VideoList']));
  for (const [index, p] of posts.entries()) {
    const location = str(get(p, 'Location'));
    ctx.record({ kind: 'post', source: ctx.source(PLATFORM, file, `post-${index}`), time: utc(spacedUtcMs(get(p, 'Date'))), text: str(get(p, 'Title')), placeName: location && !/^unknown$/i.test(location) ? location : undefined });
  }
  const chats = obj(pick(data, ['Direct Message', 'Direct Messages', 'ChatHistory'], ['Direct Messages', 'Chat History', 'ChatHistory']));
  for (const [title, messages] of Object.entries(chats ?? {})) {
    const other = /Chat History with (.+?):?$/.exec(title)?.[1];
    for (const [index, m] of arr(messages).entries()) {
      const from = str(get(m, 'From'));
      const person = from && from !== other ? other : from;
      ctx.record({ kind: 'message', source: ctx.source(PLATFORM, file, `${title}#${index}`), time: utc(spacedUtcMs(get(m, 'Date'))), text: str(get(m, 'Content')), people: person ? [{ handle: person, platform: PLATFORM, relation: from === other ? 'message-from' : 'messaged' }] : undefined });
    }
  }
}
