/**
 * Google Photos sidecars (export-formats.md §4): `IMG.jpg.json`, later
 * `IMG.jpg.supplemental-metadata.json` and truncated variants, possibly in another Takeout part
 * than the photo. Matched to the media file by the sidecar's own `title`, across all parts.
 */
import type { ExportFile, ImportContext } from '../context.js';
import { utc } from '../context.js';
import { arr, epochSecondsMs, get, num, obj, str, validLatLon } from '../text.js';
import type { MediaRef, PersonRef, Position } from '../../dossier/model.js';

const PLATFORM = 'google-photos' as const;

export function isSidecarShape(value: unknown): boolean {
  const o = obj(value);
  return !!o && (o['photoTakenTime'] !== undefined || o['geoData'] !== undefined || o['geoDataExif'] !== undefined) && typeof o['title'] === 'string';
}

function geo(value: unknown, method: NonNullable<Position['method']>): Position | undefined {
  const o = obj(value);
  const lat = num(o?.['latitude']);
  const lon = num(o?.['longitude']);
  return validLatLon(lat, lon) ? { lat: lat!, lon: lon!, method } : undefined;
}

/** `mediaByName` maps a media file's base name to its paths (all parts). */
export async function importSidecar(file: ExportFile, ctx: ImportContext, mediaByName: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const value = await ctx.json(file);
  const o = obj(value);
  if (!o || !isSidecarShape(o)) return;
  const title = str(o['title']) ?? '';
  if (o['photoTakenTime'] === undefined && o['creationTime'] === undefined) {
    // An album's metadata.json (localised name), not a photo's sidecar: its place and comments.
    const place = geo(o['geoData'], 'geotag');
    const location = str(o['location']);
    const commenters: PersonRef[] = arr(o['sharedAlbumComments']).flatMap((c) => {
      const name = str(get(c, 'contentOwnerName'));
      return name ? [{ name, platform: PLATFORM, relation: 'mentioned' as const }] : [];
    });
    ctx.record({ kind: 'other', source: ctx.source(PLATFORM, file, `album:${title}`), time: utc(epochSecondsMs(get(o, 'date', 'timestamp'))), position: place, placeName: location || undefined, text: `album "${title}"`, people: commenters });
    return;
  }
  const dir = file.path.slice(0, file.path.lastIndexOf('/') + 1);
  const candidates = mediaByName.get(title) ?? [];
  const mediaPath = candidates.find((path) => path.startsWith(dir)) ?? candidates[0] ?? `${dir}${title}`;
  const taken = epochSecondsMs(get(o, 'photoTakenTime', 'timestamp')) ?? epochSecondsMs(get(o, 'creationTime', 'timestamp'));
  const exifPos = geo(o['geoDataExif'], 'exif');
  const pos = geo(o['geoData'], 'geotag') ?? exifPos;
  const people: PersonRef[] = arr(o['people']).flatMap((p) => {
    const name = str(get(p, 'name'));
    return name ? [{ name, platform: PLATFORM, relation: 'tagged' as const }] : [];
  });
  const media: MediaRef = { path: mediaPath, ...(/\.(mp4|mov|m4v|3gp|avi|mkv)$/i.test(title) ? { mediaType: 'video' } : { mediaType: 'image' }), ...(exifPos ? { gps: exifPos } : {}) };
  const description = str(o['description']);
  ctx.record({
    kind: media.mediaType === 'video' ? 'video' : 'photo',
    source: ctx.source(PLATFORM, file, title || file.path),
    ...(taken !== undefined ? { time: { epochMs: taken, basis: 'utc' as const } } : {}),
    ...(pos ? { position: pos } : {}),
    ...(description ? { text: description } : {}),
    ...(people.length ? { people } : {}),
    media: [media],
  });
}
