/**
 * Telegram Desktop JSON export (export-formats.md §11): the full `result.json` (personal
 * information, contacts, frequent contacts, sessions with IPs, chats) or a single-chat export.
 * Streamed item by item (each chat is one item). Times from `date_unixtime`; the bare `date` is
 * the exporting machine's local time and used only as a local wall clock when nothing else exists.
 */
import type { ExportFile, ImportContext } from '../context.js';
import { utc } from '../context.js';
import { arr, epochSecondsMs, get, num, obj, plausibleMs, str, validLatLon, type Json } from '../text.js';
import type { IdentityRef, PersonRef, RecordTime } from '../../dossier/model.js';

const PLATFORM = 'telegram' as const;

function textOf(value: Json): string | undefined {
  if (typeof value === 'string') return value || undefined;
  const parts = arr(value).map((part) => (typeof part === 'string' ? part : str(get(part, 'text')) ?? ''));
  return parts.join('') || undefined;
}

function timeOf(message: Record<string, Json>): RecordTime | undefined {
  const unix = epochSecondsMs(message['date_unixtime']);
  if (unix !== undefined) return utc(unix);
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)$/.exec(str(message['date']) ?? '');
  const wall = m ? plausibleMs(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
  return wall === undefined ? undefined : { epochMs: wall, basis: 'local-wall-clock' };
}

function fullName(o: Json): string | undefined {
  return [str(get(o, 'first_name')), str(get(o, 'last_name'))].filter(Boolean).join(' ') || undefined;
}

export async function importTelegram(file: ExportFile, ctx: ImportContext): Promise<void> {
  let ownerName: string | undefined;
  let singleChat: { name?: string; type?: string; id?: string } = {};
  const chat = (value: Json, chatIndex: number | string): void => {
    const chatName = str(get(value, 'name'));
    const chatType = str(get(value, 'type'));
    for (const [index, message] of arr(get(value, 'messages')).entries()) messageRecord(message, `${chatIndex}#${index}`, chatName, chatType);
  };
  const messageRecord = (message: Json, itemId: string, chatName: string | undefined, chatType: string | undefined): void => {
    const m = obj(message);
    if (!m || m['type'] !== 'message') return;
    const from = str(m['from']);
    const fromOwner = from !== undefined && from === ownerName;
    const people: PersonRef[] = [];
    if (from && !fromOwner) people.push({ name: from, platform: PLATFORM, relation: 'message-from' });
    if (fromOwner && chatName && chatType === 'personal_chat') people.push({ name: chatName, platform: PLATFORM, relation: 'messaged' });
    const location = obj(m['location_information']);
    const lat = num(location?.['latitude']);
    const lon = num(location?.['longitude']);
    const contact = obj(m['contact_information']);
    const shared = contact ? fullName(contact) : undefined;
    if (shared) people.push({ name: shared, platform: PLATFORM, relation: 'contact' });
    const photo = str(m['photo']) ?? str(m['file']);
    ctx.record({
      kind: 'message', source: ctx.source(PLATFORM, file, `${str(get(m, 'id')) ?? itemId}@${itemId}`),
      time: timeOf(m), text: textOf(m['text']),
      position: validLatLon(lat, lon) ? { lat: lat!, lon: lon!, method: 'geotag' } : undefined,
      placeName: str(m['place_name']), address: str(m['address']), people,
      media: photo && !photo.startsWith('(File not included') ? [{ path: photo }] : undefined,
    });
  };
  await ctx.streamJson(file, ['personal_information', 'contacts.list.*', 'frequent_contacts.list.*', 'sessions.list.*', 'chats.list.*', 'left_chats.list.*', 'name', 'type', 'id', 'messages.*'], (path, value, index) => {
    switch (path) {
      case 'personal_information': {
        const identities: IdentityRef[] = [];
        const name = fullName(value);
        ownerName = name;
        if (name) identities.push({ kind: 'display-name', value: name, platform: PLATFORM });
        const phone = str(get(value, 'phone_number'));
        if (phone) identities.push({ kind: 'phone', value: phone, platform: PLATFORM });
        const handle = str(get(value, 'username'))?.replace(/^@/, '');
        if (handle) identities.push({ kind: 'handle', value: handle, platform: PLATFORM });
        const id = str(get(value, 'user_id'));
        if (id) identities.push({ kind: 'user-id', value: id, platform: PLATFORM });
        ctx.record({ kind: 'profile', source: ctx.source(PLATFORM, file, 'personal_information'), identities, text: str(get(value, 'bio')) });
        break;
      }
      case 'contacts.list.*':
      case 'frequent_contacts.list.*': {
        const name = fullName(value) ?? str(get(value, 'name'));
        if (name) ctx.record({ kind: 'connection', source: ctx.source(PLATFORM, file, `${path.split('.')[0]}-${index}`), time: utc(epochSecondsMs(get(value, 'date_unixtime'))), people: [{ name, platform: PLATFORM, relation: 'contact' }], text: path.startsWith('frequent') ? `frequent contact (rating ${str(get(value, 'rating')) ?? '?'})` : undefined });
        break;
      }
      case 'sessions.list.*': {
        const ip = str(get(value, 'last_ip'));
        const where = [str(get(value, 'last_region')), str(get(value, 'last_country'))].filter(Boolean).join(', ');
        const device = [str(get(value, 'device_model')), str(get(value, 'platform'))].filter(Boolean).join(', ');
        ctx.record({
          kind: 'login', source: ctx.source(PLATFORM, file, `session-${index}`), time: utc(epochSecondsMs(get(value, 'last_active_unixtime'))), placeName: where || undefined,
          identities: [...(ip ? [{ kind: 'ip-address' as const, value: ip, platform: PLATFORM }] : []), ...(device ? [{ kind: 'device' as const, value: device, platform: PLATFORM }] : [])],
        });
        break;
      }
      case 'chats.list.*':
      case 'left_chats.list.*':
        chat(value, `${path.split('.')[0]}-${index}`);
        break;
      case 'name': singleChat = { ...singleChat, ...(str(value) ? { name: str(value)! } : {}) }; break;
      case 'type': singleChat = { ...singleChat, ...(str(value) ? { type: str(value)! } : {}) }; break;
      case 'messages.*': messageRecord(value, `chat#${index}`, singleChat.name, singleChat.type); break;
      default: break;
    }
  });
}
