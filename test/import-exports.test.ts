/**
 * Importers end to end on generated exports (scripts/fixtures/exports-platforms.mjs): every
 * platform and layout era, compared with the persona that generated them.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DossierRecord, Platform } from '@lowprofile/core';
import { makePersona, distanceMetres } from '../scripts/fixtures/lib/persona.mjs';
import { importPaths, type Imported } from './helpers/import.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'generated', 'exports');
const persona = makePersona({ seed: 5, timeZone: 'America/New_York', days: 14, travel: false });
const e7 = (x: number): number => Math.round(x * 1e7) / 1e7;

const of = (result: Imported, platform: Platform, kind?: DossierRecord['kind']): DossierRecord[] => result.records.filter((r) => r.source.platform === platform && (kind === undefined || r.kind === kind));
const identities = (records: DossierRecord[]): string[] => records.flatMap((r) => (r.identities ?? []).map((i) => `${i.kind}:${i.value}`));

describe('Google Takeout Location History', () => {
  for (const era of ['timestamp', 'timestampMs', 'mixed']) {
    it(`streams every Records.json point (${era} era)`, async () => {
      const result = await importPaths([join(DIR, `takeout-${era}`)]);
      expect(result.issues).toEqual([]);
      const points = result.points.filter((p) => p.source.file.endsWith('Records.json'));
      expect(points).toHaveLength(persona.trace.length);
      points.forEach(({ point }, i) => {
        const truth = persona.trace[i]!;
        expect(point.epochMs).toBe(truth.epochMs);
        expect(point.lat).toBeCloseTo(e7(truth.lat), 7);
        expect(point.lon).toBeCloseTo(e7(truth.lon), 7);
        expect(point.accuracyM).toBe(truth.accuracy);
        expect(point.index).toBe(i);
      });
      expect(points[0]!.source.file).toMatch(/Records\.json$/);
    });
  }

  it('reads Semantic Location History visits with Google\'s own labels, and Settings devices', async () => {
    const result = await importPaths([join(DIR, 'takeout-timestamp')]);
    const visits = of(result, 'google-location-history', 'visit');
    expect(visits).toHaveLength(persona.visits.length);
    const home = visits.filter((v) => v.placeLabel === 'TYPE_HOME');
    expect(home.length).toBe(persona.visits.filter((v) => v.place === 'home').length);
    expect(distanceMetres(home[0]!.position!, persona.places.home!)).toBeLessThan(1);
    expect(home[0]!.address).toMatch(/Example St/);
    expect(home[0]!.time!.epochMs).toBe(persona.visits.find((v) => v.place === 'home')!.start);
    expect(home[0]!.endTime!.epochMs).toBeGreaterThan(home[0]!.time!.epochMs);
    expect(identities(of(result, 'google-location-history', 'profile'))).toEqual(['device:Pixel 7', 'device:Galaxy S9 (samsung SM-G960U)']);
    // Timeline Edits: raw signals (accuracy in mm) and Google's top-ranked places.
    const edits = result.points.filter((p) => p.source.file.endsWith('Timeline Edits.json'));
    expect(edits).toHaveLength(Math.ceil(persona.trace.length / 500));
    expect(edits[0]!.point.accuracyM).toBe(persona.trace[0]!.accuracy);
    const ranked = result.records.filter((r) => r.placeLabel === 'TOP_RANKED_PLACE');
    expect(ranked).toHaveLength(2);
    expect(distanceMetres(ranked[0]!.position!, persona.places.home!)).toBeLessThan(1);
  });

  it('merges a two-part Takeout: a sidecar in one part finds its photo in the other', async () => {
    const result = await importPaths([join(DIR, 'takeout-parts')]);
    expect(result.summary.inputs).toBe(2);
    const sidecars = of(result, 'google-photos');
    expect(sidecars).toHaveLength(2);
    for (const record of sidecars) {
      const media = record.media![0]!;
      const photo = result.records.find((r) => r.source.platform === 'photo-folder' && r.source.file === media.path);
      expect(photo, media.path).toBeDefined();
      expect(photo!.source.archive).not.toBe(record.source.archive);
      expect(record.people).toEqual([{ name: persona.friends[0]!.name, platform: 'google-photos', relation: 'tagged' }]);
      expect(record.position).toBeDefined();
    }
    expect(result.points.filter((p) => p.source.file.endsWith('Records.json'))).toHaveLength(persona.trace.length);
  });

  it('detects a localised tree by content, not by folder names', async () => {
    const result = await importPaths([join(DIR, 'takeout-german')]);
    expect(result.points).toHaveLength(persona.trace.length);
    expect(result.points[0]!.source.file).toBe('Takeout/Standortverlauf/Records.json');
  });
});

describe('Google on-device Timeline', () => {
  it('reads the Android object and the iOS array', async () => {
    const result = await importPaths([join(DIR, 'timeline')]);
    expect(result.issues).toEqual([]);
    const android = result.records.filter((r) => r.source.file === 'Timeline.json');
    const ios = result.records.filter((r) => r.source.file === 'location-history.json');
    expect(android.filter((r) => r.kind === 'visit')).toHaveLength(persona.visits.length);
    expect(ios.filter((r) => r.kind === 'visit')).toHaveLength(persona.visits.length);
    const frequentHome = android.find((r) => r.placeLabel === 'HOME')!;
    expect(distanceMetres(frequentHome.position!, persona.places.home!)).toBeLessThan(1);
    expect(android.some((r) => r.placeLabel === 'INFERRED_HOME')).toBe(true);
    // iOS path points: start time + minute offsets, 6-decimal coordinates.
    const iosPoints = result.points.filter((p) => p.source.file === 'location-history.json');
    expect(iosPoints).toHaveLength(100);
    expect(Math.abs(iosPoints[50]!.point.epochMs - persona.trace[50]!.epochMs)).toBeLessThanOrEqual(30_000);
    expect(distanceMetres(iosPoints[50]!.point, persona.trace[50]!)).toBeLessThan(0.2);
    // Android: the path (offsets in the ISO strings) and raw signals.
    const androidPoints = result.points.filter((p) => p.source.file === 'Timeline.json');
    expect(androidPoints).toHaveLength(200 + 300);
    expect(androidPoints[0]!.point.epochMs).toBe(Math.floor(persona.trace[0]!.epochMs));
  });
});

describe('Instagram, every layout era', () => {
  for (const era of ['2019', '2021', '2022', '2024']) {
    it(`era ${era}: profile, posts, connections, messages (mojibake repaired)`, async () => {
      const result = await importPaths([join(DIR, `instagram-${era}.zip`)]);
      expect(result.issues).toEqual([]);
      const ids = identities(of(result, 'instagram', 'profile'));
      expect(ids).toEqual(expect.arrayContaining([`handle:${persona.identity.handle}`, `email:${persona.identity.email}`, `phone:${persona.identity.phone}`, `display-name:${persona.identity.name}`]));
      const posts = of(result, 'instagram', 'post');
      expect(posts).toHaveLength(persona.posts.length);
      expect(posts.map((p) => p.text)).toEqual(persona.posts.map((p) => p.caption));
      if (era !== '2019') {
        posts.forEach((post, i) => expect(distanceMetres(post.position!, persona.posts[i]!)).toBeLessThan(1));
        expect(posts[0]!.time!.epochMs).toBe(Math.floor(persona.posts[0]!.epochMs / 1000) * 1000);
      } else {
        expect(posts.every((p) => p.placeName)).toBe(true);
      }
      const tagged = posts.flatMap((p) => p.people ?? []).map((p) => p.handle);
      expect(tagged).toContain(persona.friends[0]!.handle);
      const connections = of(result, 'instagram', 'connection').flatMap((r) => r.people!);
      expect(connections.filter((p) => p.relation === 'follower').map((p) => p.handle)).toEqual(persona.friends.slice(0, 5).map((f) => f.handle));
      expect(connections.filter((p) => p.relation === 'following')).toHaveLength(4);
      const messages = of(result, 'instagram', 'message');
      expect(messages).toHaveLength(10);
      const names = messages.flatMap((m) => m.people ?? []).map((p) => p.name ?? p.handle);
      expect(names).toContain(era === '2019' ? persona.friends[1]!.handle : 'José Müller');
      expect(names).not.toContain(era === '2019' ? persona.identity.handle : persona.identity.name);
    });
  }
});

describe('Facebook, every layout era', () => {
  for (const era of ['2019', '2022', '2024']) {
    it(`era ${era}: profile identities, friends, posts with places and tags, messages`, async () => {
      const result = await importPaths([join(DIR, `facebook-${era}.zip`)]);
      expect(result.issues).toEqual([]);
      const ids = identities(of(result, 'facebook', 'profile'));
      expect(ids).toEqual(expect.arrayContaining([`email:${persona.identity.email}`, 'email:old.address@example.net', `phone:${persona.identity.phone}`, `display-name:${persona.identity.name}`]));
      const friends = of(result, 'facebook', 'connection').flatMap((r) => r.people!).map((p) => p.name);
      expect(friends).toEqual(persona.friends.map((f) => f.name));
      expect(friends).toContain('José Müller');
      const placed = result.records.filter((r) => r.source.platform === 'facebook' && (r.kind === 'post' || r.kind === 'check-in') && r.position);
      expect(placed.length).toBeGreaterThanOrEqual(8);
      expect(distanceMetres(placed[0]!.position!, persona.posts[0]!)).toBeLessThan(1);
      const tags = placed.flatMap((r) => r.people ?? []).filter((p) => p.relation === 'tagged').map((p) => p.name);
      expect(tags).toContain(persona.friends[0]!.name);
      if (era === '2024') {
        const checkins = result.records.filter((r) => r.source.file.endsWith('check-ins.json'));
        expect(checkins).toHaveLength(3);
        expect(distanceMetres(checkins[0]!.position!, persona.posts[8]!)).toBeLessThan(1);
      }
      if (era === '2019') expect(result.points).toHaveLength(5);
      if (era === '2024') expect(of(result, 'facebook', 'other').find((r) => r.placeLabel === 'inferred primary location (Meta)')).toMatchObject({ placeName: 'New York, NY', address: 'postal code 90026' });
      expect(of(result, 'facebook', 'message')).toHaveLength(6);
    });
  }
});

describe('X archive, every layout era', () => {
  for (const era of ['manifest', 'tweet-js', 'gdpr']) {
    it(`era ${era}: account, tweets with geotags and mentions, followers, DMs`, async () => {
      const result = await importPaths([join(DIR, `x-${era}.zip`)]);
      expect(result.issues).toEqual([]);
      expect(identities(of(result, 'x', 'profile'))).toEqual(expect.arrayContaining([`handle:${persona.identity.handle}`, `email:${persona.identity.email}`, `phone:${persona.identity.phone.replace(/ /g, '')}`, `user-id:${persona.identity.xAccountId}`]));
      const tweets = of(result, 'x', 'post');
      expect(tweets.map((t) => t.source.itemId).sort()).toEqual(persona.tweets.map((t) => t.id).sort());
      for (const truth of persona.tweets) {
        const tweet = tweets.find((t) => t.source.itemId === truth.id)!;
        expect(tweet.text).toBe(truth.text);
        expect(tweet.time!.epochMs).toBe(Math.floor(truth.epochMs / 1000) * 1000);
        if (truth.geo) expect(distanceMetres(tweet.position!, truth.geo)).toBeLessThan(1); // lon,lat vs lat,lon order
        else expect(tweet.position).toBeUndefined();
        for (const handle of truth.mentions) expect(tweet.people!.map((p) => p.handle)).toContain(handle);
      }
      expect(of(result, 'x', 'connection')).toHaveLength(8);
      expect(of(result, 'x', 'other').map((r) => r.placeName)).toEqual(['New York, NY, United States']);
      const dms = of(result, 'x', 'message');
      expect(dms).toHaveLength(4);
      expect(dms.map((d) => d.people![0]!.relation)).toEqual(['messaged', 'message-from', 'messaged', 'message-from']);
    });
  }

  it('never evaluates: a data file with code after the value is refused', async () => {
    const { parseYtd } = await import('@lowprofile/core');
    expect(parseYtd('window.YTD.tweets.part0 = [{"a":1}]')).toEqual([{ a: 1 }]);
    expect(() => parseYtd('window.YTD.tweets.part0 = [1]; fetch("http://x")')).toThrow();
    expect(() => parseYtd('globalThis.x = [1]')).toThrow(/not an X archive/);
  });
});

describe('WhatsApp', () => {
  it('reads Android (month-first) and iOS (day-first) chats to the same wall-clock times, with pins', async () => {
    const result = await importPaths([join(DIR, 'whatsapp')]);
    expect(result.issues).toEqual([]);
    const android = result.records.filter((r) => r.source.file.startsWith('WhatsApp Chat with'));
    const ios = result.records.filter((r) => r.source.file === '_chat.txt');
    expect(android).toHaveLength(persona.chat.length);
    expect(ios).toHaveLength(persona.chat.length);
    expect(android.every((r) => r.time!.basis === 'local-wall-clock')).toBe(true);
    const wallMinute = (ms: number): number => Math.floor(ms / 60_000);
    expect(android.map((r) => wallMinute(r.time!.epochMs))).toEqual(ios.map((r) => wallMinute(r.time!.epochMs)));
    // Wall clock = UTC shifted by the persona's zone (New York: -5/-4 h).
    const shift = persona.chat[0]!.epochMs - ios[0]!.time!.epochMs;
    expect([4, 5].map((h) => h * 3_600_000)).toContain(Math.round(shift / 3_600_000) * 3_600_000);
    const pin = android.find((r) => r.position)!;
    expect(distanceMetres(pin.position!, persona.places.bar!)).toBeLessThan(30);
    expect(android[2]!.text).toContain('\nand a second line');
    expect(android[0]!.people![0]).toMatchObject({ name: persona.identity.name, relation: 'message-from' });
  });
});

describe('Strava', () => {
  for (const [name, fitRuns] of [['strava-current.zip', 2], ['strava-old', 0]] as const) {
    it(`${name}: activities.csv by header, GPX and FIT tracks whose ends give away home`, async () => {
      const result = await importPaths([join(DIR, name)]);
      expect(result.issues).toEqual([]);
      const ends = of(result, 'strava', 'activity').filter((r) => r.position);
      expect(ends).toHaveLength(persona.runs.length * 2);
      for (const end of ends) expect(distanceMetres(end.position!, persona.places.home!)).toBeLessThan(150);
      const fitPoints = result.points.filter((p) => p.source.file.endsWith('.fit'));
      expect(fitPoints).toHaveLength(fitRuns * 61);
      if (fitRuns) expect(distanceMetres(fitPoints[0]!.point, persona.runs[0]!.points[0]!)).toBeLessThan(0.01);
      const rows = of(result, 'strava', 'activity').filter((r) => !r.position);
      expect(rows.map((r) => r.time!.epochMs)).toEqual(persona.runs.map((r) => Math.floor(r.epochMs / 1000) * 1000));
      expect(identities(of(result, 'strava', 'profile'))).toContain(`email:${persona.identity.email}`);
      expect(of(result, 'strava', 'other')[0]).toMatchObject({ placeLabel: 'privacy zone (Strava)', address: '125 Example St, New York, NY' });
    });
  }
});

describe('Photo folders (EXIF via exifr)', () => {
  it('keeps GPS, device serial, and the time basis: UTC with an offset tag, local wall clock without', async () => {
    const result = await importPaths([join(DIR, 'photos')]);
    const photos = of(result, 'photo-folder', 'photo');
    expect(photos).toHaveLength(persona.photos.length);
    expect(result.summary.notes).toEqual([]);
    for (const truth of persona.photos) {
      const photo = photos.find((p) => p.source.file === truth.name)!;
      expect(distanceMetres(photo.position!, truth)).toBeLessThan(1);
      expect(photo.media![0]!.deviceSerial).toBe(persona.identity.device.serial);
      expect(photo.media![0]!.device).toBe('Google Pixel 7');
      if (truth.offset) expect(photo.time).toEqual({ epochMs: Math.floor(truth.epochMs / 60_000) * 60_000, basis: 'utc' });
      else expect(photo.time).toEqual({ epochMs: Math.floor(truth.wallMs / 60_000) * 60_000, basis: 'local-wall-clock' });
    }
  });
});

describe('Videos (moov via the ISOBMFF reader)', () => {
  for (const where of ['photos', 'photos-zipped.zip']) {
    it(`reads creation time, position and device of MOV and MP4 (${where})`, async () => {
      const result = await importPaths([join(DIR, where)]);
      expect(result.issues).toEqual([]);
      const videos = of(result, 'photo-folder', 'video');
      expect(videos).toHaveLength(2);
      for (const truth of persona.videos) {
        const video = videos.find((v) => v.source.file === truth.name)!;
        expect(video.time).toEqual({ epochMs: truth.epochMs, basis: 'utc' });
        expect(distanceMetres(video.position!, truth)).toBeLessThan(15); // ISO 6709 keeps 4 decimals
        expect(video.media![0]!.mediaType).toBe('video');
        if (truth.kind === 'mov') expect(video.media![0]!.device).toBe('Apple iPhone 12');
      }
    });
  }
});

describe('Telegram, Snapchat, TikTok', () => {
  it('Telegram result.json: personal info, contacts, sessions with IPs, messages with a venue', async () => {
    const result = await importPaths([join(DIR, 'telegram')]);
    expect(result.issues).toEqual([]);
    expect(identities(of(result, 'telegram', 'profile'))).toEqual(expect.arrayContaining([`phone:${persona.identity.phone}`, `handle:${persona.identity.handle}`]));
    expect(identities(of(result, 'telegram', 'login'))).toContain('ip-address:203.0.113.9');
    expect(of(result, 'telegram', 'connection')).toHaveLength(3);
    const venue = of(result, 'telegram', 'message').find((m) => m.placeName)!;
    expect(distanceMetres(venue.position!, persona.places.bar!)).toBeLessThan(1);
  });

  it('Snapchat: inferred home, location rows, memories with (0,0) treated as none', async () => {
    const result = await importPaths([join(DIR, 'snapchat-mydata.zip')]);
    expect(result.issues).toEqual([]);
    const home = of(result, 'snapchat').find((r) => r.placeLabel === 'inferredHome')!;
    expect(distanceMetres(home.position!, persona.places.home!)).toBeLessThan(150);
    expect(home.position!.accuracyM).toBe(20);
    expect(result.points.length).toBe(Math.ceil(persona.trace.length / 97));
    const memories = result.records.filter((r) => r.source.file.endsWith('memories_history.json'));
    expect(memories.filter((m) => m.position)).toHaveLength(persona.photos.length);
    expect(memories.filter((m) => !m.position)).toHaveLength(1);
  });

  it('TikTok: profile, logins, followers, posts with a location, DMs', async () => {
    const result = await importPaths([join(DIR, 'tiktok')]);
    expect(result.issues).toEqual([]);
    expect(identities(of(result, 'tiktok'))).toEqual(expect.arrayContaining([`handle:${persona.identity.handle}`, 'ip-address:203.0.113.44']));
    expect(of(result, 'tiktok', 'post').every((p) => p.placeName === 'New York, NY')).toBe(true);
    expect(of(result, 'tiktok', 'message')).toHaveLength(3);
  });
});

describe('a whole persona handed over as one folder of zips', () => {
  let result: Imported;
  beforeAll(async () => {
    result = await importPaths([join(DIR, 'persona-chicago')]);
  });
  it('finds every platform by content', () => {
    expect(result.issues).toEqual([]);
    expect(Object.keys(result.summary.platforms).sort()).toEqual(['facebook', 'google-location-history', 'google-photos', 'instagram', 'photo-folder', 'snapchat', 'strava', 'telegram', 'tiktok', 'whatsapp', 'x']);
  });
  it('gives every record a unique id and a source naming archive and file', () => {
    const ids = new Set(result.records.map((r) => r.id));
    expect(ids.size).toBe(result.records.length);
    for (const r of result.records) {
      expect(r.source.archive).toBeTruthy();
      expect(r.source.file).toBeTruthy();
      expect(r.id.startsWith(`${r.source.platform}:`)).toBe(true);
    }
  });
});

describe('detection by content', () => {
  it('ignores archive names, and says plainly that HTML-only exports are not supported', async () => {
    const { mkdtempSync, copyFileSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'lowprofile-detect-'));
    copyFileSync(join(DIR, 'x-manifest.zip'), join(dir, 'backup (3).zip'));
    copyFileSync(join(DIR, 'instagram-2024.zip'), join(dir, 'twitter-2024-01-01.zip')); // a misleading name
    mkdirSync(join(dir, 'html-export', 'your_instagram_activity', 'content'), { recursive: true });
    writeFileSync(join(dir, 'html-export', 'your_instagram_activity', 'content', 'posts_1.html'), '<html><body>posts</body></html>');
    writeFileSync(join(dir, 'html-export', 'start_here.html'), '<html></html>');
    const result = await importPaths([join(dir, 'backup (3).zip'), join(dir, 'twitter-2024-01-01.zip'), join(dir, 'html-export')]);
    expect(of(result, 'x', 'post')).toHaveLength(persona.tweets.length);
    expect(of(result, 'x', 'post').every((r) => r.source.archive === 'backup (3).zip')).toBe(true);
    expect(of(result, 'instagram', 'post')).toHaveLength(persona.posts.length);
    expect(of(result, 'instagram', 'post').every((r) => r.source.archive === 'twitter-2024-01-01.zip')).toBe(true);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.reason).toMatch(/HTML-format Instagram export: only the JSON format is supported/);
  });

  it('reads lone files: an X data file, a Messenger thread; names a classic X archive as unsupported', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { xTree, facebookTree } = await import('../scripts/fixtures/lib/persona.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'lowprofile-lone-'));
    writeFileSync(join(dir, 'direct-messages.js'), xTree(persona, { era: 'manifest' })['data/direct-messages.js'] as string);
    writeFileSync(join(dir, 'message_1.json'), facebookTree(persona, { era: '2024' })['your_facebook_activity/messages/inbox/samortiz_10/message_1.json'] as string);
    mkdirSync(join(dir, 'classic', 'data', 'js'), { recursive: true });
    writeFileSync(join(dir, 'classic', 'data', 'js', 'tweet_index.js'), 'var tweet_index = []');
    writeFileSync(join(dir, 'classic', 'tweets.csv'), 'tweet_id,text\n');
    const result = await importPaths([dir]);
    expect(of(result, 'x', 'message')).toHaveLength(4);
    const thread = of(result, 'facebook', 'message');
    expect(thread).toHaveLength(6);
    expect(thread.flatMap((m) => m.people ?? []).map((p) => p.name)).toContain(persona.friends[0]!.name);
    expect(result.issues.map((i) => i.reason)).toEqual([expect.stringMatching(/classic X\/Twitter archive .* not supported/)]);
  });
});

describe('record ids', () => {
  it('stay unique when two inputs hold the same relative paths', async () => {
    const result = await importPaths([join(DIR, 'photos'), join(DIR, 'strava-old', '..', 'photos'), join(DIR, 'instagram-2022.zip'), join(DIR, 'instagram-2022.zip')]);
    expect(new Set(result.records.map((r) => r.id)).size).toBe(result.records.length);
    expect(of(result, 'photo-folder')).toHaveLength(2 * (persona.photos.length + persona.videos.length));
  });
});
