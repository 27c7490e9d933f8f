// Sweep checks for ISOBMFF video (MP4/MOV/M4V/3GP/M4A) and HEIF stills (HEIC/AVIF), which share one
// scrubber:
//   - leftovers by exiftool -ee: GPS, identity (make/model/serial/software/owner, metadata groups),
//     non-zero dates, and for video the timed metadata samples exiftool -G3 lists as Doc1… (ICC
//     header fields are not counted: the profile is kept on purpose);
//   - video/audio: the streams are identical (ffmpeg streamhash, copied, not decoded; cover art is
//     not a stream) and the output decodes without errors when the original did;
//   - HEIF: the decoded pixels are identical (heif-convert, then ImageMagick's signature).
// Used by `npm run sweep` (and `--compare` for exiftool -all= / mat2 outputs) and by the thin
// wrapper bench/sweep-video.mjs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const family = 'video';
/** Format ids this module checks, whatever family the core files them under (HEIF is 'photo'). */
export const formats = ['mp4', 'mov', 'm4v', '3gp', 'm4a', 'heic', 'avif'];
const HEIF = new Set(['heic', 'avif']);

function run(command, args) {
  return spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300_000 });
}

function tags(path, groupFamily) {
  const result = run('exiftool', ['-j', `-G${groupFamily}`, '-a', '-s', '-ee', '-api', 'largefilesupport=1', '--', path]);
  try {
    return JSON.parse(result.stdout)[0] ?? {};
  } catch {
    return {};
  }
}

const IDENTIFYING = /GPS|Latitude|Longitude|Location|ISO6709|Make$|Model$|Serial|Software|Encoder$|Author|Artist|Creator|Copyright|Owner|Face|ContentIdentifier|Lens|Firmware|CameraID|HandlerDescription|HandlerVendorID|CompressorName/i;
const METADATA_GROUPS = /^(Keys|UserData|ItemList|XMP(-.+)?|GoPro|Track\d+Keys|IFD0|ExifIFD|GPS|IFD1|MakerNotes|Apple|Sony|Canon)$/;

/** Counts what exiftool -ee still reads: { gps, identity, dates, timed }. */
export function leaks(path, heif) {
  const out = { gps: 0, identity: 0, dates: 0, timed: 0 };
  for (const [key, value] of Object.entries(tags(path, '1'))) {
    const [group = '', name = key] = key.split(':', 2);
    if (['System', 'File', 'ExifTool', 'Composite', ''].includes(group) || group.startsWith('ICC')) continue; // ICC is kept on purpose
    const text = String(value);
    if (/Date|Time$/.test(name) && /^\d{4}:\d\d:\d\d/.test(text)) {
      if (!text.startsWith('0000:00:00')) out.dates++;
      continue;
    }
    if (/GPS|Latitude|Longitude|Location|ISO6709/i.test(name)) out.gps++;
    else if (METADATA_GROUPS.test(group) || IDENTIFYING.test(name)) out.identity++;
  }
  // In HEIF, exiftool's Doc1… are image items (tiles, thumbnails), not timed samples.
  out.timed = heif ? 0 : Object.keys(tags(path, '3')).filter((key) => /^Doc\d+/.test(key)).length;
  return out;
}

export const formatLeaks = (l) => Object.entries({ GPS: l.gps, id: l.identity, dates: l.dates, timed: l.timed }).filter(([, count]) => count > 0).map(([label, count]) => `${label} ${count}`).join(' · ') || 'none';

export function streamhash(path) {
  const result = run('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-map', '0:V?', '-map', '0:a?', '-c', 'copy', '-f', 'streamhash', '-']);
  return result.status === 0 ? result.stdout : undefined;
}

function decodesClean(path) {
  const result = run('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 'null', '-']);
  return result.status === 0 && (result.stderr ?? '').trim() === '';
}

/** ImageMagick's pixel signature of the primary image, decoded by libheif; undefined if undecodable. */
export function heifPixels(path) {
  const dir = mkdtempSync(join(tmpdir(), 'lowprofile-heif-'));
  try {
    const png = join(dir, 'primary.png');
    if (run('heif-convert', ['--', path, png]).status !== 0) return undefined;
    const signature = run('identify', ['-quiet', '-format', '%#', '--', png]);
    return signature.status === 0 ? signature.stdout : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function check(input, output, entry) {
  const heif = HEIF.has(entry.format);
  const left = leaks(output, heif);
  const columns = { 'exiftool -ee leftovers': Object.values(left).some((count) => count > 0) ? `NO: ${formatLeaks(left)}` : 'none' };
  if (entry.status === 'already-clean') return { ...columns, 'streams / pixels identical': 'yes (same bytes)' };
  if (heif) {
    const before = heifPixels(input);
    columns['streams / pixels identical'] = before === undefined ? 'n/a' : heifPixels(output) === before ? 'yes (pixels)' : 'NO (pixels)';
    return columns;
  }
  const before = streamhash(input);
  columns['streams / pixels identical'] = before === undefined ? 'n/a' : streamhash(output) === before ? 'yes (streams)' : 'NO (streams)';
  if (decodesClean(input)) columns.decodes = decodesClean(output) ? 'yes' : 'NO';
  else columns.decodes = 'n/a (original has errors)';
  return columns;
}
