/**
 * `importExports`: the entry point. Opens every input (zips by their central directory, folders as
 * given), merges them into one list of files, finds each export's root and platform by CONTENT
 * (paths of signature files, JSON shapes), never by the archive's name, and runs the importers.
 * Google Takeout parts (`takeout-…-001.zip`, `-002.zip`) are one export: their files are handled
 * together, so a sidecar in one part finds its photo in another. One bad file or archive never
 * stops the rest: it becomes an issue.
 */
import type { ImportSink, Platform } from '../dossier/model.js';
import { bytesSource } from '../bytes/source.js';
import { DEFAULT_ZIP_LIMITS, readZipDirectory, zipEntryChunks, zipEntrySource, type ZipLimits } from '../archive/zip.js';
import { ImportContext, ImportStopped, describeError, type ExportFile, type RootedFile } from './context.js';
import type { ImportInput, ImportOptions, ImportSummary, ReadableStreamLike, VirtualFile } from './types.js';
import { decodeUtf8 } from './text.js';
import { importRecords, importSemantic, importSettings, importTimelineEdits } from './google/location-history.js';
import { importTimelineAndroid, importTimelineIos } from './google/timeline.js';
import { importSidecar } from './google/photos.js';
import { importInstagram } from './instagram/index.js';
import { importFacebook, importLooseThread } from './facebook/index.js';
import { importX } from './x/index.js';
import { importPhoto, importVideo, isPhotoPath, MAX_VIDEO_COPY_BYTES } from './photos/index.js';
import { importStrava, importTrackFile, isTrackPath } from './strava/index.js';
import { importWhatsApp, looksLikeWhatsApp } from './whatsapp/index.js';
import { importTelegram } from './telegram/index.js';
import { importSnapchat } from './snapchat/index.js';
import { importTikTok } from './tiktok/index.js';

type RootPlatform = 'x' | 'instagram' | 'facebook' | 'snapchat' | 'strava' | 'google';

/** Signature paths: `(.*?)` captures the export's root inside its input. */
const ROOT_RULES: readonly { readonly platform: RootPlatform; readonly re: RegExp; readonly weight: number }[] = [
  { platform: 'x', re: /^(.*?)data\/manifest\.js$/, weight: 10 },
  { platform: 'x', re: /^(.*?)data\/(?:account|tweets?|tweets-part\d+|follower|following|direct-messages|phone-number|profile)\.js$/, weight: 3 },
  { platform: 'x', re: /^(.*?)Your archive\.html$/, weight: 3 },
  { platform: 'x', re: /^(.*?)data\/js\/tweet_index\.js$/, weight: 3 },
  { platform: 'x', re: /^((?:[^/]+\/)?)(?:account|tweet|tweets)\.js$/, weight: 3 },
  { platform: 'instagram', re: /^(.*?)(?:your_instagram_activity|followers_and_following|account_information)\//, weight: 2 },
  { platform: 'instagram', re: /^(.*?)personal_information\/(?:personal_information\/)?(?:personal_information|instagram_profile_information)\.json$/, weight: 4 },
  { platform: 'instagram', re: /^(.*?)content\/posts_\d+\.json$/, weight: 2 },
  { platform: 'instagram', re: /^((?:[^/]+\/)?)(?:media|connections)\.json$/, weight: 2 },
  { platform: 'facebook', re: /^(.*?)(?:your_facebook_activity|friends_and_followers|logged_information)\//, weight: 2 },
  { platform: 'facebook', re: /^(.*?)(?:personal_information\/)?profile_information\/profile_information\.json$/, weight: 4 },
  { platform: 'facebook', re: /^(.*?)(?:friends\/friends\.json|connections\/friends\/)/, weight: 2 },
  { platform: 'facebook', re: /^(.*?)posts\/your_posts(?:__check_ins__photos_and_videos)?_\d+\.json$/, weight: 2 },
  { platform: 'snapchat', re: /^(.*?)json\/(?:account|location_history|memories_history|friends|chat_history|snap_history|user_profile|account_history)\.json$/, weight: 3 },
  { platform: 'strava', re: /^(.*?)activities\.csv$/, weight: 3 },
  { platform: 'strava', re: /^(.*?)profile\.csv$/, weight: 1 },
  { platform: 'google', re: /^(.*?)Takeout\//, weight: 1 },
];
const PRIORITY: readonly RootPlatform[] = ['x', 'facebook', 'instagram', 'snapchat', 'strava', 'google'];

const ROOT_IMPORTERS: Record<Exclude<RootPlatform, 'google'>, (files: readonly RootedFile[], ctx: ImportContext) => Promise<void>> = {
  x: importX,
  instagram: importInstagram,
  facebook: importFacebook,
  snapchat: importSnapchat,
  strava: importStrava,
};

export function resolveZipLimits(partial?: Partial<ZipLimits>): ZipLimits {
  return { ...DEFAULT_ZIP_LIMITS, ...partial };
}

async function* streamChunks(stream: AsyncIterable<Uint8Array> | ReadableStreamLike): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in stream) {
    yield* stream as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (stream as ReadableStreamLike).getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Opens the inputs into one flat list of files; damaged archives and refused members become issues. */
async function openInputs(inputs: readonly ImportInput[], ctx: ImportContext, options: ImportOptions): Promise<ExportFile[]> {
  const limits = resolveZipLimits(options.zipLimits);
  const files: ExportFile[] = [];
  const openZip = async (name: string, source: import('../bytes/source.js').ByteSource): Promise<void> => {
    let directory;
    try {
      directory = await readZipDirectory(source, limits);
    } catch (error) {
      ctx.issue({ archive: name, path: '' }, `archive could not be opened: ${describeError(error)}`);
      return;
    }
    for (const refused of directory.refused) ctx.issue({ archive: name, path: refused.name }, `refused: ${refused.reason}`);
    for (const entry of directory.entries) {
      if (entry.isDirectory) continue;
      files.push({ archive: name, path: entry.name, size: entry.size, chunks: () => zipEntryChunks(source, entry), source: zipEntrySource(source, entry) });
    }
  };
  for (const input of inputs) {
    ctx.checkAbort();
    if (input.kind === 'zip') {
      await openZip(input.name, input.source);
      continue;
    }
    for (const file of input.files) {
      if (options.openNestedZips !== false && /\.zip$/i.test(file.path)) {
        const source = file.source ?? (file.size <= 512 * 1024 * 1024 ? bytesSource(await file.read()) : undefined);
        if (source) {
          await openZip(input.files.length === 1 && file.path === input.name.split('/').pop() ? input.name : `${input.name}/${file.path}`, source);
          continue;
        }
      }
      files.push({ archive: input.name, path: file.path.replace(/^\.\//, ''), size: file.size, chunks: () => streamChunks((file as VirtualFile).stream()), source: file.source });
    }
  }
  return files;
}

interface Root { readonly archive: string; readonly prefix: string; platform: RootPlatform; readonly votes: Map<RootPlatform, number> }

function findRoots(files: readonly ExportFile[]): Root[] {
  const roots = new Map<string, Root>();
  for (const file of files) {
    for (const rule of ROOT_RULES) {
      const match = rule.re.exec(file.path);
      if (!match) continue;
      const prefix = match[1] ?? '';
      const key = `${file.archive}\0${prefix}`;
      let root = roots.get(key);
      if (!root) {
        root = { archive: file.archive, prefix, platform: rule.platform, votes: new Map() };
        roots.set(key, root);
      }
      root.votes.set(rule.platform, (root.votes.get(rule.platform) ?? 0) + rule.weight);
    }
  }
  for (const root of roots.values()) {
    let best: RootPlatform = 'google';
    let bestVotes = -1;
    for (const platform of PRIORITY) {
      const votes = root.votes.get(platform) ?? 0;
      if (votes > bestVotes) {
        best = platform;
        bestVotes = votes;
      }
    }
    root.platform = best;
  }
  // One export often matches rules at two depths (`content/posts_1.json` under
  // `your_instagram_activity/`): a root nested in another of the same platform is the same export.
  const kept: Root[] = [];
  for (const root of [...roots.values()].sort((a, b) => a.prefix.length - b.prefix.length)) {
    if (kept.some((outer) => outer.archive === root.archive && outer.platform === root.platform && root.prefix.startsWith(outer.prefix))) continue;
    kept.push(root);
  }
  // Longest prefix first, so a file goes to its innermost export.
  return kept.sort((a, b) => b.prefix.length - a.prefix.length);
}

const VIDEO = /\.(mp4|mov|m4v|3gp|3g2|avi|mkv|webm)$/i;

type FileKind = 'x-file' | 'meta-thread' | 'timeline-edits' | 'records' | 'semantic' | 'settings' | 'timeline-android' | 'timeline-ios' | 'sidecar' | 'telegram' | 'tiktok' | 'whatsapp' | 'photo' | 'track';

/** Classifies a file outside a platform root (and every Google file) by name and first bytes. */
async function classify(file: ExportFile, ctx: ImportContext): Promise<FileKind | undefined> {
  const lower = file.path.toLowerCase();
  if (isPhotoPath(lower)) return 'photo';
  if (isTrackPath(lower)) return 'track';
  if (lower.endsWith('.txt')) {
    if (file.size === 0) return undefined;
    return looksLikeWhatsApp(decodeUtf8(await ctx.head(file, 2048))) ? 'whatsapp' : undefined;
  }
  if (lower.endsWith('.js')) {
    // A lone X data file (`window.YTD.direct_messages.part0 = …`) outside an archive folder.
    return /^\s*window\.YTD\.[A-Za-z0-9_]+\.part\d+\s*=/.test(decodeUtf8(await ctx.head(file, 256)).replace(/^\uFEFF/, '')) ? 'x-file' : undefined;
  }
  if (!lower.endsWith('.json')) return undefined;
  if (file.size === 0) return undefined;
  const head = decodeUtf8(await ctx.head(file, 4096)).replace(/^\uFEFF/, '');
  const start = head.trimStart()[0];
  if (start === '{') {
    if (/"locations"\s*:\s*\[/.test(head) && /"latitudeE7"|"timestampMs"|"timestamp"|\]\s*}/.test(head)) return 'records';
    if (head.includes('"timelineObjects"')) return 'semantic';
    if (head.includes('"deviceSettings"')) return 'settings';
    if (head.includes('"timelineEdits"')) return 'timeline-edits';
    if (/"(semanticSegments|rawSignals|userLocationProfile)"/.test(head)) return 'timeline-android';
    if (/"(photoTakenTime|geoData|geoDataExif)"/.test(head) && head.includes('"title"')) return 'sidecar';
    if (head.includes('Telegram is ad free') || (/"messages"\s*:/.test(head) && /"type"\s*:\s*"(personal_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages|bot_chat)"/.test(head))) return 'telegram';
    if (/"participants"\s*:/.test(head) && /"sender_name"|"messages"\s*:/.test(head)) return 'meta-thread';
    if (/(^|\/)user_data(_tiktok)?\.json$/.test(lower) || /"(ProfileMap|Profile Info|Your Activity)"/.test(head)) return 'tiktok';
    // Large Records.json files whose first item pushes the keys past the head: trust the name.
    if (/(^|\/)(records|location history|locationhistory)\.json$/.test(lower) && /"locations"/.test(head)) return 'records';
  } else if (start === '[') {
    if (/"startTime"/.test(head) && /"(visit|activity|timelinePath|timelineMemory)"/.test(head)) return 'timeline-ios';
  }
  return undefined;
}

const KIND_PLATFORM: Record<FileKind, Platform> = {
  'x-file': 'x', 'meta-thread': 'facebook', 'timeline-edits': 'google-location-history', records: 'google-location-history', semantic: 'google-location-history', settings: 'google-location-history',
  'timeline-android': 'google-timeline', 'timeline-ios': 'google-timeline', sidecar: 'google-photos',
  telegram: 'telegram', tiktok: 'tiktok', whatsapp: 'whatsapp', photo: 'photo-folder', track: 'strava',
};

/**
 * Imports a person's exports. Each input is a zip (as a ByteSource) or a folder/single file (as
 * VirtualFiles). Records, trail points and issues go to `sink` as they are found.
 */
export async function importExports(inputs: readonly ImportInput[], sink: ImportSink, options: ImportOptions = {}): Promise<ImportSummary> {
  const ctx = new ImportContext(sink, options.signal);
  const files = await openInputs(inputs, ctx, options);
  const roots = findRoots(files);
  const byRoot = new Map<Root, RootedFile[]>();
  const loose: ExportFile[] = [];
  for (const file of files) {
    const root = roots.find((r) => r.archive === file.archive && file.path.startsWith(r.prefix));
    if (!root || root.platform === 'google') loose.push(file);
    else {
      const list = byRoot.get(root) ?? [];
      list.push({ ...file, rel: file.path.slice(root.prefix.length), chunks: file.chunks });
      byRoot.set(root, list);
    }
  }

  for (const [root, rooted] of byRoot) {
    ctx.checkAbort();
    const platform = root.platform as Exclude<RootPlatform, 'google'>;
    try {
      await ROOT_IMPORTERS[platform](rooted, ctx);
    } catch (error) {
      if (error instanceof ImportStopped) throw error;
      ctx.issue({ archive: root.archive, path: root.prefix }, `${platform} export could not be read: ${describeError(error)}`);
    }
  }

  // Files inside a platform's folder that its importer did not take (a WhatsApp chat or GPX file
  // dropped into an export) are classified like loose files; images there are the platform's own
  // media (photos, videos), already referenced by its records, except in a Strava export.
  for (const [root, rooted] of byRoot) {
    for (const file of rooted) {
      if (ctx.claimed.has(`${file.archive}\0${file.path}`)) continue;
      if (root.platform !== 'strava' && (isPhotoPath(file.path.toLowerCase()) || VIDEO.test(file.path))) continue;
      loose.push(file);
    }
  }

  // Loose files (and all of Google Takeout, across parts).
  const mediaByName = new Map<string, string[]>();
  for (const file of loose) {
    if (isPhotoPath(file.path.toLowerCase()) || /\.(mp4|mov|m4v|3gp)$/i.test(file.path)) {
      const name = file.path.slice(file.path.lastIndexOf('/') + 1);
      const list = mediaByName.get(name) ?? [];
      list.push(file.path);
      mediaByName.set(name, list);
    }
  }
  let unrecognised = 0;
  let videos = 0;
  for (const file of loose) {
    ctx.checkAbort();
    if (VIDEO.test(file.path)) {
      ctx.fileRead('photo-folder', file);
      await ctx.guard(file, async () => {
        if (!(await importVideo(file, ctx))) videos++;
      });
      continue;
    }
    let kind: FileKind | undefined;
    try {
      kind = await classify(file, ctx);
    } catch (error) {
      if (error instanceof ImportStopped) throw error;
      ctx.issue(file, `could not be read: ${describeError(error)}`);
      continue;
    }
    if (kind === undefined) {
      unrecognised++;
      continue;
    }
    ctx.fileRead(KIND_PLATFORM[kind]);
    await ctx.guard(file, async () => {
      switch (kind) {
        case 'records': return importRecords(file, ctx);
        case 'x-file': return importX([{ ...file, rel: file.path.slice(file.path.lastIndexOf('/') + 1) }], ctx);
        case 'meta-thread': return importLooseThread(file, ctx);
        case 'timeline-edits': return importTimelineEdits(file, ctx);
        case 'semantic': return importSemantic(file, ctx);
        case 'settings': return importSettings(file, ctx);
        case 'timeline-android': return importTimelineAndroid(file, ctx);
        case 'timeline-ios': return importTimelineIos(file, ctx);
        case 'sidecar': return importSidecar(file, ctx, mediaByName);
        case 'telegram': return importTelegram(file, ctx);
        case 'tiktok': return importTikTok(file, ctx);
        case 'whatsapp': return importWhatsApp(file, ctx);
        case 'photo': return importPhoto(file, ctx);
        case 'track': return importTrackFile(file, ctx);
      }
    });
  }

  return {
    inputs: inputs.length,
    filesSeen: files.length,
    filesRead: ctx.filesRead,
    records: ctx.records,
    points: ctx.points,
    issues: ctx.issues,
    platforms: ctx.platforms,
    unrecognised,
    notes: videos > 0 ? [`${videos} video file(s) too large to read without random access (a deflated zip entry over ${MAX_VIDEO_COPY_BYTES / 1024 / 1024} MB): their own metadata was not read.`] : [],
  };
}
