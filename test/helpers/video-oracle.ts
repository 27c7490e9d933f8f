/**
 * Oracles for ISOBMFF outputs (video and HEIF): exiftool with `-ee` (embedded/timed data) read in
 * two group families (1: which directory, 3: which document/track), and ffmpeg for stream hashes
 * and decoding.
 */
import { spawnSync } from 'node:child_process';

export function exiftoolGroups(path: string, family: '1' | '3'): Record<string, unknown> {
  const result = spawnSync('exiftool', ['-j', `-G${family}`, '-a', '-s', '-ee', '-api', 'largefilesupport=1', '--', path], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.stdout.trim() === '') throw new Error(`exiftool failed on ${path}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as Record<string, unknown>[])[0] ?? {};
}

const IDENTIFYING = /GPS|Latitude|Longitude|Location|ISO6709|Make$|Model$|Serial|Software|Encoder$|Author|Artist|Creator|Copyright|Owner|Face|ContentIdentifier|City|Title|Comment|Description|Lens|Firmware|CameraID|HandlerDescription|HandlerVendorID|CompressorName|VendorID|TimeCode$/i;
const METADATA_GROUPS = /^(Keys|UserData|ItemList|XMP(-.+)?|GoPro|Track\d+Keys|IFD0|ExifIFD|GPS|IFD1|MakerNotes|Apple|Camera|Sony|Canon)$/;
const STRUCTURAL = new Set(['SourceFile', 'ExifTool:ExifToolVersion', 'ExifTool:Warning']);

/** Tags that reveal something: identity, location, any non-zero date, metadata groups, timed samples. */
export function leakedVideoTags(path: string): string[] {
  const leaked: string[] = [];
  for (const [key, value] of Object.entries(exiftoolGroups(path, '1'))) {
    if (STRUCTURAL.has(key)) continue;
    const [group = '', name = key] = key.split(':', 2);
    if (group === 'System' || group === 'File' || group === 'ExifTool') continue;
    const text = String(value);
    const isDate = /Date|Time$/.test(name) && /^\d{4}:\d\d:\d\d/.test(text);
    if (isDate && !text.startsWith('0000:00:00')) leaked.push(`${key}=${text}`);
    else if (!isDate && (METADATA_GROUPS.test(group) || IDENTIFYING.test(name))) leaked.push(`${key}=${text.slice(0, 60)}`);
  }
  // Family 3 names documents: Doc1, Doc2… are embedded or timed-metadata samples.
  for (const key of Object.keys(exiftoolGroups(path, '3'))) if (/^Doc\d+/.test(key)) leaked.push(key);
  return leaked;
}

export function streamHash(path: string): string {
  const result = spawnSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-map', '0:V?', '-map', '0:a?', '-c', 'copy', '-f', 'streamhash', '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`ffmpeg streamhash failed on ${path}: ${result.stderr}`);
  return result.stdout;
}

/** Decodes every stream; returns ffmpeg's error output ('' when clean). */
export function decodeErrors(path: string): string {
  const result = spawnSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 'null', '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return result.status === 0 ? result.stderr.trim() : `exit ${result.status}: ${result.stderr}`;
}
