/**
 * Independent oracles for tests: exiftool reads the metadata, ImageMagick decodes the pixels. The
 * rules for "leaked" are deliberately broad: any tag from a metadata group, or any tag whose name
 * says location, time, device, person or software, counts, unless it belongs to what a clean file
 * may keep (orientation, colour profile, structural fields).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export type ExiftoolTags = Record<string, unknown>;

export function exiftoolJson(path: string, extraArgs: readonly string[] = []): ExiftoolTags {
  const result = spawnSync('exiftool', ['-j', '-G1', '-a', '-s', '-ee', '-api', 'largefilesupport=1', ...extraArgs, '--', path], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0 && result.stdout.trim() === '') throw new Error(`exiftool failed on ${path}: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as ExiftoolTags[];
  return parsed[0] ?? {};
}

/** Groups whose every tag is metadata we remove. */
const METADATA_GROUPS = /^(ExifIFD|GPS|IFD1|IFD2|InteropIFD|SubIFD\d*|MakerNotes|Canon|Nikon|Sony|Olympus|Panasonic|Pentax|Samsung|Apple|FLIR|XMP(-.+)?|IPTC|Photoshop|MPF\d*|MPImage\d*|Trailer|JUMBF|C2PA|FlashPix|Ducky|APP\d+|Comment|PrintIM|Keys|ItemList|UserData|Track\d+Keys|GoPro|Doc\d+)$/;
/** Tag names that reveal something wherever they appear. */
const IDENTIFYING_NAME = /GPS|Latitude|Longitude|Location|Make$|Model$|Serial|Owner|Artist|Author|Creator|Copyright|By-?line|Software|HostComputer|DateTime|CreateDate|ModifyDate|DateCreated|CreationTime|City|Comment|Description|UniqueID|ThumbnailImage|PreviewImage|Thumbnail|History|DocumentName|PageName|Title|Keywords|Subject/i;
/** What a clean file may keep. */
const KEPT_GROUPS = /^(ExifTool|System|File|Composite|JFIF|ICC_Profile|ICC-header|ICC-view|ICC-meas|ICC\d*|PNG-pHYs)$/;
const KEPT_TAGS = new Set(['IFD0:Orientation', 'IFD0:ExifByteOrder', 'File:ExifByteOrder', 'PNG:Gamma', 'PNG:SRGBRendering']);
/** Structural facts with scary names. */
const STRUCTURAL = new Set(['SourceFile', 'ExifTool:ExifToolVersion', 'ExifTool:Warning', 'ExifTool:Error']);

export function leakedTags(tags: ExiftoolTags): string[] {
  const leaked: string[] = [];
  // In a TIFF, IFD1, IFD2… are the later pages, not EXIF thumbnails: judge them like IFD0.
  const pagedTiff = /^(TIFF|BTF)$/.test(String(tags['File:FileType'] ?? ''));
  for (const [key, value] of Object.entries(tags)) {
    if (STRUCTURAL.has(key) || KEPT_TAGS.has(key)) continue;
    const [group = '', name = key] = key.includes(':') ? key.split(':', 2) : ['', key];
    if (KEPT_GROUPS.test(group) && key !== 'File:Comment') continue; // exiftool files JPEG/GIF comments under File
    const page = pagedTiff && /^IFD\d+$/.test(group);
    if (page && name === 'Orientation') continue;
    if ((!page && METADATA_GROUPS.test(group)) || IDENTIFYING_NAME.test(name)) leaked.push(`${key}=${String(value).slice(0, 60)}`);
  }
  return leaked;
}

/** A hash of the decoded pixels (ImageMagick's signature), independent of the container. */
export function pixelSignature(path: string): string {
  const result = spawnSync('identify', ['-quiet', '-format', '%#\n', '--', path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`identify failed on ${path}: ${result.stderr}`);
  return result.stdout.trim();
}

/** SHA-256 of a JPEG from its first SOS marker to EOI: the entropy-coded image data. */
export function jpegScanHash(path: string): string {
  const bytes = readFileSync(path);
  const sos = findMarker(bytes, 0xda);
  const eoi = bytes.indexOf(Buffer.from([0xff, 0xd9]), sos); // FF is byte-stuffed in scans, so the first FFD9 is EOI
  return createHash('sha256').update(bytes.subarray(sos, eoi + 2)).digest('hex');
}

function findMarker(bytes: Buffer, marker: number): number {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`no marker at ${at}`);
    if (bytes[at + 1] === marker) return at;
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error('marker not found');
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
