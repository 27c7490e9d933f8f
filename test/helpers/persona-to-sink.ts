/**
 * Feeds a generated persona (scripts/fixtures/lib/persona.mjs, written by the importers' side and
 * not tuned for this inference) straight into a CollectingSink, the way the importers would: the
 * trace as location points, posts and photos as records. Lets inference be tested against ground
 * truth without depending on the import code.
 */
import { fileURLToPath } from 'node:url';
import { CollectingSink } from '@lowprofile/core';

const PERSONA_LIB = fileURLToPath(new URL('../../scripts/fixtures/lib/persona.mjs', import.meta.url));

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

export interface Persona {
  readonly trace: { epochMs: number; lat: number; lon: number; accuracy: number }[];
  readonly posts: { epochMs: number; lat: number; lon: number; placeName: string; caption: string; tagged: string[] }[];
  readonly tweets: { id: string; epochMs: number; text: string; mentions: string[]; geo: LatLon | null }[];
  readonly photos: { name: string; lat: number; lon: number; epochMs: number; wallMs: number; offset: string | null }[];
  readonly identity: { name: string; handle: string; email: string; phone: string };
  readonly chat: { epochMs: number; from: string; text: string }[];
  readonly groundTruth: { home: LatLon; work: LatLon | null; timeZone: string; nightShift: boolean; sparse: boolean };
}

export async function makePersona(options: Record<string, unknown>): Promise<Persona> {
  const lib = (await import(PERSONA_LIB)) as { makePersona: (o: Record<string, unknown>) => Persona };
  return lib.makePersona(options);
}

export function personaSink(persona: Persona): CollectingSink {
  const sink = new CollectingSink();
  const trail = { platform: 'google-location-history' as const, archive: 'takeout-001.zip', file: 'Takeout/Location History/Records.json' };
  persona.trace.forEach((p, index) => sink.point({ epochMs: p.epochMs, lat: p.lat, lon: p.lon, accuracyM: p.accuracy, index }, trail));
  persona.posts.forEach((post, i) => sink.record({
    id: `instagram:content/posts_1.json:${i}`, kind: 'post',
    source: { platform: 'instagram', archive: 'instagram.zip', file: 'content/posts_1.json', itemId: String(i) },
    time: { epochMs: post.epochMs, basis: 'utc' }, position: { lat: post.lat, lon: post.lon, method: 'geotag' }, placeName: post.placeName, text: post.caption,
    people: post.tagged.map((handle) => ({ handle, platform: 'instagram', relation: 'tagged' as const })),
  }));
  persona.tweets.forEach((t) => sink.record({
    id: `x:data/tweets.js:${t.id}`, kind: 'post', source: { platform: 'x', archive: 'twitter.zip', file: 'data/tweets.js', itemId: t.id },
    time: { epochMs: t.epochMs, basis: 'utc' }, text: t.text, ...(t.geo ? { position: { lat: t.geo.lat, lon: t.geo.lon, method: 'geotag' as const } } : {}),
    people: t.mentions.map((handle) => ({ handle, platform: 'x', relation: 'mentioned' as const })),
  }));
  persona.photos.forEach((ph) => sink.record({
    id: `photo-folder:${ph.name}`, kind: 'photo', source: { platform: 'photo-folder', archive: 'camera-photos', file: ph.name },
    // EXIF without OffsetTimeOriginal: a local wall-clock reading, as the photo importer reports it.
    time: ph.offset === null ? { epochMs: ph.wallMs, basis: 'local-wall-clock' } : { epochMs: ph.epochMs, basis: 'utc' },
    position: { lat: ph.lat, lon: ph.lon, method: 'exif' }, media: [{ path: `camera-photos/${ph.name}`, gps: { lat: ph.lat, lon: ph.lon } }],
  }));
  persona.chat.forEach((m, i) => sink.record({
    id: `whatsapp:chat.txt:${i}`, kind: 'message', source: { platform: 'whatsapp', archive: 'WhatsApp Chat.txt', file: 'WhatsApp Chat.txt', itemId: String(i + 1) },
    time: { epochMs: m.epochMs, basis: 'utc' }, text: m.text,
    ...(m.from !== persona.identity.name ? { people: [{ name: m.from, platform: 'whatsapp', relation: 'message-from' as const }] } : {}),
  }));
  sink.record({ id: 'instagram:personal_information.json:0', kind: 'profile', source: { platform: 'instagram', archive: 'instagram.zip', file: 'personal_information/personal_information.json' }, identities: [{ kind: 'handle', value: persona.identity.handle, platform: 'instagram' }, { kind: 'email', value: persona.identity.email, platform: 'instagram' }, { kind: 'display-name', value: persona.identity.name, platform: 'instagram' }] });
  sink.record({ id: 'x:data/account.js:0', kind: 'profile', source: { platform: 'x', archive: 'twitter.zip', file: 'data/account.js' }, identities: [{ kind: 'handle', value: persona.identity.handle, platform: 'x' }, { kind: 'email', value: persona.identity.email, platform: 'x' }] });
  return sink;
}
