/**
 * Synthetic people with a known home and work, for inference tests. Seeded, so every run is the
 * same. Times are planned in the person's LOCAL time and converted to UTC with the zone's own
 * rules, as a phone would record them.
 */
import { CollectingSink, zoneOffsetMs, type DossierRecord, type RecordSource } from '@lowprofile/core';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** A point `north` and `east` metres from a place. */
export function offset(p: LatLon, north: number, east: number): LatLon {
  return { lat: p.lat + north / 111_195, lon: p.lon + east / (111_195 * Math.cos((p.lat * Math.PI) / 180)) };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** UTC instant of a local wall-clock reading in a zone. */
export function localToUtc(zone: string, localMs: number): number {
  let utc = localMs - zoneOffsetMs(zone, localMs);
  utc = localMs - zoneOffsetMs(zone, utc);
  return utc;
}

export interface DenseOptions {
  readonly seed: number;
  readonly zone: string;
  readonly home: LatLon;
  readonly work: LatLon;
  /** First local day, e.g. Date.UTC(2025, 2, 3) (a Monday). */
  readonly startDay: number;
  readonly days: number;
  readonly nightShift?: boolean;
  /** Bars and friends' homes visited in the evening on some days. */
  readonly eveningDecoys?: readonly LatLon[];
  /** Days (0-based) spent in another city, at `tripPlace`. */
  readonly tripDays?: readonly number[];
  readonly tripPlace?: LatLon;
}

type Segment = { from: number; to: number; at: LatLon } | { from: number; to: number; move: [LatLon, LatLon] };

/** A Google-style dense trail: a sample every few minutes, noisier and rarer while still. */
export function denseTrail(sink: CollectingSink, o: DenseOptions, source: RecordSource = { platform: 'google-location-history', archive: 'takeout.zip', file: 'Takeout/Location History/Records.json' }): void {
  const random = rng(o.seed);
  const noise = (p: LatLon, m: number): LatLon => offset(p, (random() - 0.5) * 2 * m, (random() - 0.5) * 2 * m);
  let index = 0;
  for (let d = 0; d < o.days; d++) {
    const day = o.startDay + d * DAY;
    const weekday = (new Date(day).getUTCDay() + 6) % 7 < 5;
    const segments: Segment[] = [];
    const h = (x: number): number => day + x * HOUR;
    if (o.tripDays?.includes(d) && o.tripPlace) {
      const hotel = o.tripPlace;
      const sight = offset(hotel, 2_000, 1_500);
      segments.push({ from: h(0), to: h(9), at: hotel }, { from: h(9), to: h(9.5), move: [hotel, sight] }, { from: h(9.5), to: h(18), at: sight }, { from: h(18), to: h(18.5), move: [sight, hotel] }, { from: h(18.5), to: h(24), at: hotel });
    } else if (o.nightShift) {
      // Works 22:00–06:30 on weekdays, sleeps at home by day.
      const errand = offset(o.home, 800, -600);
      if (weekday) segments.push({ from: h(0), to: h(6.5), at: o.work }, { from: h(6.5), to: h(7.2), move: [o.work, o.home] }, { from: h(7.2), to: h(17), at: o.home }, { from: h(17), to: h(17.3), move: [o.home, errand] }, { from: h(17.3), to: h(18.5), at: errand }, { from: h(18.5), to: h(18.8), move: [errand, o.home] }, { from: h(18.8), to: h(21.3), at: o.home }, { from: h(21.3), to: h(22), move: [o.home, o.work] }, { from: h(22), to: h(24), at: o.work });
      else segments.push({ from: h(0), to: h(10), at: o.home }, { from: h(10), to: h(10.3), move: [o.home, errand] }, { from: h(10.3), to: h(12), at: errand }, { from: h(12), to: h(12.3), move: [errand, o.home] }, { from: h(12.3), to: h(24), at: o.home });
    } else {
      const decoy = o.eveningDecoys && o.eveningDecoys.length > 0 && random() < 0.35 ? o.eveningDecoys[Math.floor(random() * o.eveningDecoys.length)] : undefined;
      const evening: Segment[] = decoy ? [{ from: h(19.5), to: h(20), move: [o.home, decoy] }, { from: h(20), to: h(23.5), at: decoy }, { from: h(23.5), to: h(24), move: [decoy, o.home] }] : [{ from: h(19.5), to: h(24), at: o.home }];
      if (weekday) segments.push({ from: h(0), to: h(8), at: o.home }, { from: h(8), to: h(8.6), move: [o.home, o.work] }, { from: h(8.6), to: h(17.3), at: o.work }, { from: h(17.3), to: h(18), move: [o.work, o.home] }, { from: h(18), to: h(19.5), at: o.home }, ...evening);
      else segments.push({ from: h(0), to: h(10), at: o.home }, { from: h(10), to: h(10.4), move: [o.home, offset(o.home, -1500, 900)] }, { from: h(10.4), to: h(13), at: offset(o.home, -1500, 900) }, { from: h(13), to: h(13.4), move: [offset(o.home, -1500, 900), o.home] }, { from: h(13.4), to: h(19.5), at: o.home }, ...evening);
    }
    for (const seg of segments) {
      const still = 'at' in seg;
      const step = still ? (8 + random() * 10) * 60_000 : 60_000;
      for (let t = seg.from; t < seg.to; t += step) {
        let p: LatLon;
        if ('at' in seg) p = noise(seg.at, 25);
        else {
          const f = (t - seg.from) / (seg.to - seg.from);
          p = noise({ lat: seg.move[0].lat + (seg.move[1].lat - seg.move[0].lat) * f, lon: seg.move[0].lon + (seg.move[1].lon - seg.move[0].lon) * f }, 10);
        }
        sink.point({ epochMs: localToUtc(o.zone, t), lat: p.lat, lon: p.lon, accuracyM: 10 + random() * 30, index: index++ }, source);
      }
    }
  }
}

export interface GeotagOptions {
  readonly seed: number;
  readonly zone: string;
  readonly platform?: DossierRecord['source']['platform'];
  readonly startDay: number;
  readonly days: number;
  readonly home: LatLon;
  /** Night-time posts at home (local 21:00–02:00 and 06:00–08:00). */
  readonly homePosts: number;
  readonly work?: LatLon;
  /** Weekday 10:00–16:00 posts at work. */
  readonly workPosts?: number;
  /** Evening posts (21:00–00:30) from bars and friends' homes. */
  readonly decoys?: readonly LatLon[];
  readonly decoyPosts?: number;
  readonly trip?: LatLon;
  readonly tripPosts?: number;
  /** Camera EXIF: local wall-clock times with no offset. */
  readonly exifLocal?: boolean;
}

/** Sparse geotagged posts or photos. */
export function geotags(sink: CollectingSink, o: GeotagOptions): void {
  const random = rng(o.seed);
  const platform = o.platform ?? 'instagram';
  let n = 0;
  const add = (place: LatLon, localMs: number, jitterM: number, text: string): void => {
    const p = offset(place, (random() - 0.5) * 2 * jitterM, (random() - 0.5) * 2 * jitterM);
    const id = `${platform}:posts.json:${n++}`;
    sink.record({
      id,
      kind: o.exifLocal ? 'photo' : 'post',
      source: { platform, archive: 'export.zip', file: o.exifLocal ? `photos/IMG_${1000 + n}.jpg` : 'content/posts_1.json', itemId: String(n) },
      time: o.exifLocal ? { epochMs: localMs, basis: 'local-wall-clock' } : { epochMs: localToUtc(o.zone, localMs), basis: 'utc' },
      position: { lat: p.lat, lon: p.lon, method: o.exifLocal ? 'exif' : 'geotag' },
      text,
    });
  };
  const day = (): number => o.startDay + Math.floor(random() * o.days) * DAY;
  for (let i = 0; i < o.homePosts; i++) {
    const hour = random() < 0.75 ? 21 + random() * 5 : 6 + random() * 2; // 21:00–02:00 or early morning
    add(o.home, day() + hour * HOUR, 30, 'quiet night in');
  }
  for (let i = 0; i < (o.workPosts ?? 0); i++) {
    let d = day();
    while ((new Date(d).getUTCDay() + 6) % 7 >= 5) d = day();
    add(o.work as LatLon, d + (10 + random() * 6) * HOUR, 40, 'lunch break');
  }
  for (let i = 0; i < (o.decoyPosts ?? 0); i++) {
    const decoys = o.decoys ?? [];
    add(decoys[i % decoys.length] as LatLon, day() + (21 + random() * 3.5) * HOUR, 20, 'great night out');
  }
  for (let i = 0; i < (o.tripPosts ?? 0); i++) add(o.trip as LatLon, day() + (random() * 24) * HOUR, 300, 'on holiday');
}

/** A fuller persona for report tests: trail, geotags, profile identities, people, posts, photos. */
export function richPersona(): { sink: CollectingSink; home: LatLon; work: LatLon } {
  const sink = new CollectingSink();
  const home = { lat: 34.0934, lon: -118.2106 };
  const work = offset(home, 3_500, -5_200);
  const start = Date.UTC(2024, 2, 4);
  denseTrail(sink, { seed: 11, zone: 'America/Los_Angeles', home, work, startDay: start, days: 28, eveningDecoys: [offset(home, 900, 1_200)] });
  geotags(sink, { seed: 12, zone: 'America/Los_Angeles', startDay: start, days: 60, home, homePosts: 6, work, workPosts: 3 });
  const profile = (platform: DossierRecord['source']['platform'], file: string, ids: [string, string][]): void =>
    sink.record({ id: `${platform}:${file}:profile`, kind: 'profile', source: { platform, archive: `${platform}-export.zip`, file }, identities: ids.map(([kind, value]) => ({ kind: kind as 'handle', value, platform })) });
  profile('instagram', 'personal_information/personal_information.json', [['handle', 'danareyes_la'], ['email', 'dana.reyes91@example.com'], ['display-name', 'Dana Reyes']]);
  profile('x', 'data/account.js', [['handle', 'DanaReyes91'], ['email', 'dana.reyes91@example.com'], ['display-name', 'Dana Reyes']]);
  profile('facebook', 'profile_information/profile_information.json', [['display-name', 'Dana Reyes'], ['phone', '+1 (323) 555-0142']]);
  const people: [string, string, DossierRecord['source']['platform'], 'tagged' | 'mentioned' | 'messaged' | 'following' | 'follower'][] = [
    ['Sam Ortiz', 'sam.ortiz', 'instagram', 'tagged'], ['Sam Ortiz', 'sam.ortiz', 'instagram', 'following'], ['Sam Ortiz', 'sam.ortiz', 'instagram', 'follower'],
    ['Lupe Reyes', 'lupe_r', 'instagram', 'tagged'], ['Lupe Reyes', 'lupe_r', 'instagram', 'tagged'], ['Marco Diaz', 'marcod', 'x', 'mentioned'],
  ];
  people.forEach(([name, handle, platform, relation], i) => sink.record({ id: `${platform}:rel:${i}`, kind: relation === 'tagged' ? 'post' : relation === 'mentioned' ? 'post' : 'connection', source: { platform, archive: `${platform}-export.zip`, file: 'content/posts_1.json', itemId: String(i) }, time: { epochMs: start + i * 86_400_000, basis: 'utc' }, people: [{ name, handle, platform, relation }] }));
  for (let i = 0; i < 30; i++) sink.record({ id: `whatsapp:chat:${i}`, kind: 'message', source: { platform: 'whatsapp', archive: 'WhatsApp Chat with Sam Ortiz.txt', file: 'WhatsApp Chat with Sam Ortiz.txt', itemId: String(i) }, time: { epochMs: start + i * 3_600_000, basis: 'utc' }, people: [{ name: 'Sam Ortiz', platform: 'whatsapp', relation: 'messaged' }] });
  sink.record({ id: 'x:data/tweets.js:1', kind: 'post', source: { platform: 'x', archive: 'twitter.zip', file: 'data/tweets.js', itemId: '1780000000000000001' }, time: { epochMs: start + 5 * 86_400_000, basis: 'utc' }, text: 'ICE raids in our neighborhood again. These agents are cruel and disgusting, shame on them.' });
  sink.record({ id: 'x:data/tweets.js:2', kind: 'post', source: { platform: 'x', archive: 'twitter.zip', file: 'data/tweets.js', itemId: '1780000000000000002' }, time: { epochMs: start + 9 * 86_400_000, basis: 'utc' }, text: 'Power outage on our block after the storm, anyone else?' });
  sink.record({ id: 'instagram:posts:3', kind: 'post', source: { platform: 'instagram', archive: 'instagram.zip', file: 'content/posts_1.json', itemId: '3' }, time: { epochMs: start + 12 * 86_400_000, basis: 'utc' }, text: 'La migra otra vez en el barrio. Son unos abusadores y racistas, qué vergüenza.' });
  sink.record({ id: 'photo-folder:IMG_0001.jpg', kind: 'photo', source: { platform: 'photo-folder', archive: 'camera-photos', file: 'IMG_0001.jpg' }, time: { epochMs: start + 3 * 86_400_000 + 22 * 3_600_000, basis: 'local-wall-clock' }, position: { ...offset(home, 10, 5), method: 'exif' }, media: [{ path: 'camera-photos/IMG_0001.jpg', gps: { ...offset(home, 10, 5) }, device: 'Apple iPhone 12', deviceSerial: 'DNPXK2ZRN72J' }] });
  sink.record({ id: 'google-timeline:visit:1', kind: 'visit', source: { platform: 'google-timeline', archive: 'Timeline.json', file: 'Timeline.json', itemId: '1' }, time: { epochMs: start + 7 * 86_400_000, basis: 'utc' }, position: offset(home, -3000, 2000), placeName: 'St. Mary Catholic Church' });
  return { sink, home, work };
}
