/** What Facebook, Instagram and Messenger exports share: message threads and `string_map_data`. */
import type { ExportFile, ImportContext } from './context.js';
import type { PersonRef, Platform } from '../dossier/model.js';
import { arr, epochMillisMs, get, obj, str, type Json } from './text.js';

/** Thread files: `{participants:[{name}], messages:[{sender_name, timestamp_ms, content, …}]}`, newest first. */
export function importThread(value: Json, file: ExportFile, ctx: ImportContext, platform: Platform, ownerNames: ReadonlySet<string>): void {
  const participants = arr(get(value, 'participants')).flatMap((p) => {
    const name = typeof p === 'string' ? p : str(get(p, 'name'));
    return name ? [name] : [];
  });
  const others = participants.filter((name) => !ownerNames.has(name));
  const threadPath = str(get(value, 'thread_path')) ?? file.path;
  for (const [index, message] of arr(get(value, 'messages')).entries()) {
    const m = obj(message);
    if (!m) continue;
    const sender = str(m['sender_name']);
    const time = epochMillisMs(m['timestamp_ms']);
    const content = str(m['content']) ?? str(get(m, 'share', 'link'));
    const fromOwner = sender !== undefined && ownerNames.has(sender);
    const people: PersonRef[] = fromOwner || sender === undefined
      ? others.map((name) => ({ name, platform, relation: 'messaged' as const }))
      : [{ name: sender, platform, relation: 'message-from' as const }];
    const media = [...arr(m['photos']), ...arr(m['videos'])].flatMap((p) => {
      const uri = str(get(p, 'uri'));
      return uri ? [{ path: uri }] : [];
    });
    ctx.record({
      kind: 'message',
      source: ctx.source(platform, file, `${threadPath}#${index}`),
      ...(time !== undefined ? { time: { epochMs: time, basis: 'utc' as const } } : {}),
      ...(content ? { text: content } : {}),
      ...(people.length ? { people } : {}),
      ...(media.length ? { media } : {}),
    });
  }
}

/** `string_map_data` value by any of several (localised) labels. */
export function stringMap(value: Json, labels: readonly string[]): string | undefined {
  const map = obj(get(value, 'string_map_data'));
  if (!map) return undefined;
  for (const label of labels) {
    const v = str(get(map, label, 'value'));
    if (v) return v;
  }
  return undefined;
}
