/**
 * X/Twitter archive (export-formats.md §7). `data/manifest.js` is read first and names every data
 * file and part (`tweets.js`, `tweets-part1.js`, …); without a manifest (2019–22 and GDPR-era
 * archives) files are found by name. Each file is JavaScript that assigns one JSON value:
 * `window.YTD.tweets.part0 = [ … ]`. The assignment prefix is checked and stripped and the rest
 * parsed with JSON.parse: the code is NEVER evaluated, and anything after the value is refused.
 */
import type { ImportContext, RootedFile } from '../context.js';
import { utc } from '../context.js';
import type { IdentityRef, MediaRef, PersonRef, Position } from '../../dossier/model.js';
import { arr, get, isoWithZoneMs, num, obj, plausibleMs, str, validLatLon, type Json } from '../text.js';

const PLATFORM = 'x' as const;

/** Parses `window.X.y = <json>[;]`. Throws on anything else (no evaluation, no trailing code). */
export function parseYtd(text: string): Json {
  const body = text.replace(/^\uFEFF/, '');
  const match = /^\s*window\.(?:YTD\.[A-Za-z0-9_]+\.part\d+|__THAR_CONFIG)\s*=\s*/.exec(body);
  if (!match) throw new Error('not an X archive data file (expected "window.YTD.<name>.partN = …")');
  const rest = body.slice(match[0].length).replace(/;\s*$/, '');
  return JSON.parse(rest) as Json;
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** "Wed Oct 10 20:19:24 +0000 2018" (parsed by hand: Date.parse of this form is engine-specific). */
export function twitterDateMs(value: Json): number | undefined {
  const text = str(value);
  const m = text ? /^\w{3} (\w{3}) (\d{1,2}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d) (\d{4})$/.exec(text.trim()) : null;
  if (!m) return isoWithZoneMs(value);
  const month = MONTHS[m[1]!];
  if (month === undefined) return undefined;
  const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
  return plausibleMs(Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - offset * 60_000);
}

type Kind = 'personalization' | 'account' | 'tweets' | 'phone' | 'follower' | 'following' | 'dms' | 'dms-group' | 'profile' | 'ip' | 'screen-name' | 'email-change' | 'devices' | 'deleted-tweets';

const TYPE_BY_MANIFEST: Record<string, Kind> = {
  account: 'account', tweets: 'tweets', tweet: 'tweets', phoneNumber: 'phone', follower: 'follower', following: 'following',
  directMessages: 'dms', directMessagesGroup: 'dms-group', profile: 'profile', ipAudit: 'ip', screenNameChange: 'screen-name',
  emailAddressChange: 'email-change', niDevices: 'devices', deletedTweets: 'deleted-tweets', personalization: 'personalization',
};

function kindFromName(rel: string): Kind | undefined {
  const name = rel.slice(rel.lastIndexOf('/') + 1).replace(/\.js$/, '');
  if (/^tweets?(-part\d+)?$/.test(name)) return 'tweets';
  if (/^deleted-tweets?(-part\d+)?$/.test(name)) return 'deleted-tweets';
  const map: Record<string, Kind> = { account: 'account', 'phone-number': 'phone', follower: 'follower', following: 'following', 'direct-messages': 'dms', 'direct-messages-group': 'dms-group', 'direct-message': 'dms', profile: 'profile', 'ip-audit': 'ip', 'screen-name-change': 'screen-name', 'email-address-change': 'email-change', 'ni-devices': 'devices', personalization: 'personalization' };
  return map[name.replace(/-part\d+$/, '')];
}

export async function importX(files: readonly RootedFile[], ctx: ImportContext): Promise<void> {
  const byRel = new Map(files.map((f) => [f.rel, f]));
  const plan: { file: RootedFile; kind: Kind }[] = [];
  const manifestFile = byRel.get('data/manifest.js');
  let ownerId: string | undefined;
  if (manifestFile) {
    ctx.fileRead(PLATFORM, manifestFile);
    await ctx.guard(manifestFile, async () => {
      const manifest = parseYtd(await ctx.text(manifestFile));
      ownerId = str(get(manifest, 'userInfo', 'accountId'));
      const types = obj(get(manifest, 'dataTypes')) ?? {};
      for (const [type, spec] of Object.entries(types)) {
        const kind = TYPE_BY_MANIFEST[type];
        if (!kind) continue;
        for (const f of arr(get(spec, 'files'))) {
          const name = str(get(f, 'fileName'));
          const file = name ? byRel.get(name.replace(/^\.\//, '')) : undefined;
          if (file) plan.push({ file, kind });
          else if (name) ctx.issue({ archive: manifestFile.archive, path: name }, 'listed in manifest.js but missing from the archive');
        }
      }
    });
  }
  if (plan.length === 0) {
    for (const file of files) {
      if (!file.rel.endsWith('.js') || file.rel.includes('/js/') || file.rel.startsWith('assets/')) continue;
      const kind = kindFromName(file.rel);
      if (kind) plan.push({ file, kind });
    }
  }
  if (plan.length === 0 && files.some((f) => /(^|\/)data\/js\/(tweet_index|user_details)\.js$/.test(f.rel) || /(^|\/)tweets\.csv$/.test(f.rel))) {
    ctx.issue({ archive: files[0]!.archive, path: files.find((f) => f.rel.endsWith('.js') || f.rel.endsWith('.csv'))?.path ?? '' }, 'a classic X/Twitter archive (before August 2018, `tweets.csv` + `data/js/`): not supported; request a new archive from X');
    return;
  }
  // Account first: it names the owner, so DMs can tell sent from received.
  plan.sort((a, b) => (a.kind === 'account' ? 0 : 1) - (b.kind === 'account' ? 0 : 1));
  const media = new Set(files.filter((f) => /(^|\/)tweets?_media\//.test(f.rel)).map((f) => f.rel));
  for (const { file, kind } of plan) {
    ctx.fileRead(PLATFORM, file);
    await ctx.guard(file, async () => {
      const items = arr(parseYtd(await ctx.text(file)));
      if (kind === 'account') ownerId = account(items, file, ctx) ?? ownerId;
      else if (kind === 'tweets' || kind === 'deleted-tweets') tweets(items, file, ctx, media, kind === 'deleted-tweets');
      else if (kind === 'dms' || kind === 'dms-group') dms(items, file, ctx, ownerId);
      else other(kind, items, file, ctx);
    });
  }
}

function account(items: readonly Json[], file: RootedFile, ctx: ImportContext): string | undefined {
  let owner: string | undefined;
  for (const item of items) {
    const a = obj(get(item, 'account'));
    if (!a) continue;
    const identities: IdentityRef[] = [];
    const add = (kind: IdentityRef['kind'], value: Json): void => {
      const v = str(value);
      if (v) identities.push({ kind, value: v, platform: PLATFORM });
    };
    add('handle', a['username']);
    add('email', a['email']);
    add('display-name', a['accountDisplayName']);
    add('user-id', a['accountId']);
    add('phone', a['phoneNumber']);
    const username = str(a['username']);
    if (username) add('profile-url', `https://x.com/${username}`);
    owner = str(a['accountId']);
    const via = str(a['createdVia']);
    ctx.record({ kind: 'profile', source: ctx.source(PLATFORM, file, 'account'), time: utc(isoWithZoneMs(a['createdAt'])), identities, text: via ? `account created via ${via}` : undefined });
  }
  return owner;
}

function tweets(items: readonly Json[], file: RootedFile, ctx: ImportContext, media: ReadonlySet<string>, deleted: boolean): void {
  for (const [index, item] of items.entries()) {
    const t = obj(get(item, 'tweet')) ?? obj(item);
    if (!t) continue;
    const id = str(t['id_str']) ?? str(t['id']) ?? String(index);
    const text = str(t['full_text']) ?? str(t['text']);
    const people: PersonRef[] = [];
    const reply = str(t['in_reply_to_screen_name']);
    if (reply) people.push({ handle: reply, platform: PLATFORM, relation: 'replied-to' });
    for (const m of arr(get(t, 'entities', 'user_mentions'))) {
      const handle = str(get(m, 'screen_name'));
      if (handle && handle !== reply) people.push({ handle, name: str(get(m, 'name')), userId: str(get(m, 'id_str')), platform: PLATFORM, relation: 'mentioned' } as PersonRef);
    }
    let position: Position | undefined;
    const coords = arr(get(t, 'coordinates', 'coordinates')); // GeoJSON: [lon, lat]
    const geo = arr(get(t, 'geo', 'coordinates')); // legacy: [lat, lon]
    if (coords.length === 2 && validLatLon(num(coords[1]), num(coords[0]))) position = { lat: num(coords[1])!, lon: num(coords[0])!, method: 'geotag' };
    else if (geo.length === 2 && validLatLon(num(geo[0]), num(geo[1]))) position = { lat: num(geo[0])!, lon: num(geo[1])!, method: 'geotag' };
    const refs: MediaRef[] = [...arr(get(t, 'extended_entities', 'media')), ...arr(get(t, 'entities', 'media'))].flatMap((m) => {
      const url = str(get(m, 'media_url_https')) ?? str(get(m, 'media_url'));
      if (!url) return [];
      const base = url.slice(url.lastIndexOf('/') + 1);
      const path = [...media].find((rel) => rel.endsWith(`/${id}-${base}`)) ?? `data/tweets_media/${id}-${base}`;
      return [{ path, mediaType: str(get(m, 'type')) === 'photo' ? 'image' : 'video' }];
    });
    const unique = refs.filter((r, i) => refs.findIndex((o) => o.path === r.path) === i);
    const client = str(t['source'])?.replace(/<[^>]*>/g, '');
    ctx.record({
      kind: 'post', source: ctx.source(PLATFORM, file, id),
      time: utc(twitterDateMs(t['created_at'])), position, placeName: str(get(t, 'place', 'full_name')),
      text: deleted && text ? `[deleted] ${text}` : text, people, media: unique,
      identities: client ? [{ kind: 'device', value: client, platform: PLATFORM }] : undefined,
    });
  }
}

function dms(items: readonly Json[], file: RootedFile, ctx: ImportContext, ownerId: string | undefined): void {
  for (const item of items) {
    const conversation = obj(get(item, 'dmConversation'));
    if (!conversation) continue;
    const conversationId = str(conversation['conversationId']) ?? '';
    for (const [index, message] of arr(conversation['messages']).entries()) {
      const m = obj(get(message, 'messageCreate'));
      if (!m) continue;
      const sender = str(m['senderId']);
      const recipient = str(m['recipientId']);
      const fromOwner = ownerId !== undefined && sender === ownerId;
      const other = fromOwner ? recipient : sender;
      const people: PersonRef[] = other ? [{ userId: other, platform: PLATFORM, relation: fromOwner ? 'messaged' : 'message-from' }] : [];
      ctx.record({ kind: 'message', source: ctx.source(PLATFORM, file, `${conversationId}#${str(m['id']) ?? index}`), time: utc(isoWithZoneMs(m['createdAt'])), text: str(m['text']), people });
    }
  }
}

function other(kind: Kind, items: readonly Json[], file: RootedFile, ctx: ImportContext): void {
  for (const [index, item] of items.entries()) {
    switch (kind) {
      case 'phone': {
        const phone = str(get(item, 'device', 'phoneNumber'));
        if (phone) ctx.record({ kind: 'profile', source: ctx.source(PLATFORM, file, index), identities: [{ kind: 'phone', value: phone, platform: PLATFORM }] });
        break;
      }
      case 'follower':
      case 'following': {
        const id = str(get(item, kind, 'accountId'));
        if (id) ctx.record({ kind: 'connection', source: ctx.source(PLATFORM, file, id), people: [{ userId: id, platform: PLATFORM, relation: kind }] });
        break;
      }
      case 'profile': {
        const description = obj(get(item, 'profile', 'description'));
        const location = str(description?.['location']);
        ctx.record({ kind: 'profile', source: ctx.source(PLATFORM, file, 'profile'), text: str(description?.['bio']), placeName: location });
        break;
      }
      case 'ip': {
        const ip = str(get(item, 'ipAudit', 'loginIp'));
        if (ip) ctx.record({ kind: 'login', source: ctx.source(PLATFORM, file, index), time: utc(isoWithZoneMs(get(item, 'ipAudit', 'createdAt'))), identities: [{ kind: 'ip-address', value: ip, platform: PLATFORM }] });
        break;
      }
      case 'screen-name': {
        const change = obj(get(item, 'screenNameChange', 'screenNameChange'));
        const identities: IdentityRef[] = [str(change?.['changedFrom']), str(change?.['changedTo'])].filter((v): v is string => !!v).map((value) => ({ kind: 'handle', value, platform: PLATFORM }));
        ctx.record({ kind: 'profile', source: ctx.source(PLATFORM, file, index), time: utc(isoWithZoneMs(change?.['changedAt'])), identities, text: 'screen name changed' });
        break;
      }
      case 'email-change': {
        const change = obj(get(item, 'emailAddressChange', 'emailChange'));
        const to = str(change?.['changedTo']);
        if (to) ctx.record({ kind: 'profile', source: ctx.source(PLATFORM, file, index), time: utc(isoWithZoneMs(change?.['changedAt'])), identities: [{ kind: 'email', value: to, platform: PLATFORM }], text: 'email address changed' });
        break;
      }
      case 'devices': {
        const device = obj(get(item, 'niDeviceResponse', 'messagingDevice')) ?? obj(get(item, 'niDeviceResponse', 'pushDevice'));
        const phone = str(device?.['phoneNumber']);
        const name = str(device?.['deviceType']) ?? str(device?.['carrier']);
        const identities: IdentityRef[] = [];
        if (phone) identities.push({ kind: 'phone', value: phone, platform: PLATFORM });
        if (name) identities.push({ kind: 'device', value: name, platform: PLATFORM });
        if (identities.length) ctx.record({ kind: 'profile', source: ctx.source(PLATFORM, file, index), identities });
        break;
      }
      case 'personalization': {
        const places = arr(get(item, 'p13nData', 'locationHistory')).map((v) => str(v)).filter((v): v is string => !!v);
        places.forEach((place, i) => ctx.record({ kind: 'other', source: ctx.source(PLATFORM, file, `location-${i}`), placeName: place, placeLabel: 'inferred location (X)', text: 'a place X associates with your account' }));
        break;
      }
      default:
        break;
    }
  }
}
