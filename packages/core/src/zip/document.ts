/**
 * What ZIP-based document formats (OOXML, ODF) share: metadata held by the ZIP layer itself, and
 * media entries, which go through the photo scrubbers of the format registry.
 */
import { bytesSource, piecesToBytes } from '../bytes/source.js';
import { SNIFF_HEAD_BYTES } from '../bytes/limits.js';
import type { MetadataItem } from '../categories.js';
import { FORMATS } from '../formats/index.js';
import { FormatError, isFormatError } from '../issues.js';
import { detectFormat, type FormatModule, type ScrubOptions } from '../registry.js';
import { strToU8 } from 'fflate';
import type { ZipArchive, ZipEntry } from './reader.js';
import type { WriteEntry } from './writer.js';
import { checkWellFormed } from './xml.js';

const DOS_DATE_1980 = 0x0021;

/** Entry times, extra fields and comments: what the writer never carries over. */
export function zipLayerItems(archive: ZipArchive): MetadataItem[] {
  const items: MetadataItem[] = [];
  const dated = archive.entries.filter((entry) => entry.dosDate !== DOS_DATE_1980 || entry.dosTime !== 0).length;
  if (dated > 0) items.push({ category: 'time', label: `ZIP entry times (${dated} entries)` });
  const extras = archive.entries.filter((entry) => entry.extraBytes > 0).length;
  if (extras > 0) items.push({ category: 'other', label: `ZIP extra fields (${extras} entries: timestamps, owner ids)` });
  if (archive.commentBytes > 0 || archive.entries.some((entry) => entry.commentBytes > 0)) items.push({ category: 'other', label: 'ZIP comments' });
  return items;
}

/** Pictures: the photo formats, and SVG (Office 365 and LibreOffice embed SVG pictures). */
function photoFormat(data: Uint8Array): FormatModule | undefined {
  const photos = FORMATS.filter((format) => format.family === 'photo' || format.id === 'svg');
  return detectFormat(photos, data.subarray(0, SNIFF_HEAD_BYTES), data.length);
}

/** Metadata in an embedded picture, as its photo scrubber's reader sees it (kept kinds excluded). */
export async function inspectMedia(name: string, data: Uint8Array): Promise<MetadataItem[]> {
  const format = photoFormat(data);
  if (format === undefined) return [];
  const inspection = await format.inspect(bytesSource(data));
  return inspection.items.map((item) => ({ ...item, label: `${name}: ${item.label}` }));
}

export interface MediaResult {
  readonly data?: Uint8Array;
  readonly removed: MetadataItem[];
  readonly kept: MetadataItem[];
}

/**
 * Scrubs an embedded picture. Pictures in formats lowprofile does not clean (EMF, WMF…) stay as
 * they are; a picture that cannot be cleaned fails the whole document (fail closed).
 */
export async function scrubMedia(name: string, data: Uint8Array, options: ScrubOptions): Promise<MediaResult> {
  const format = photoFormat(data);
  if (format === undefined) return { removed: [], kept: [] };
  const source = bytesSource(data);
  try {
    const output = await format.scrub(source, options);
    const label = (item: MetadataItem): MetadataItem => ({ ...item, label: `${name}: ${item.label}` });
    const removed = output.removed.map(label);
    const kept = output.kept.map(label);
    return removed.length === 0 ? { removed, kept } : { data: await piecesToBytes(output.pieces, source), removed, kept };
  } catch (error) {
    if (!isFormatError(error)) throw error;
    throw new FormatError({ ...error.toIssue(), detail: `embedded picture ${name}: ${error.detail}` });
  }
}

/** What a format's edit of one XML part gives: the new text, what went, what stays for review. */
export interface PartEdit {
  readonly text: string;
  readonly removed: MetadataItem[];
  /** Kept on purpose for the person to decide (comments, tracked changes): reported in `kept`. */
  readonly reviewable: MetadataItem[];
}

/** One package entry as written, with what its rewrite removed and kept. */
export interface RewrittenEntry {
  readonly entry: WriteEntry;
  readonly removed: readonly MetadataItem[];
  readonly kept: readonly MetadataItem[];
}

/**
 * Turns a format's edit of an XML part into the entry to write: the input entry byte for byte when
 * nothing was removed, otherwise the edited text, which must still be well-formed.
 */
export function rewrittenXmlPart(name: string, entry: ZipEntry, edit: PartEdit): RewrittenEntry {
  if (edit.removed.length === 0) return { entry: { name, copyOf: entry }, removed: [], kept: edit.reviewable };
  checkWellFormed(edit.text, name);
  return { entry: { name, data: strToU8(edit.text) }, removed: edit.removed, kept: edit.reviewable };
}

/** An embedded picture, cleaned by its photo scrubber (see scrubMedia), as the entry to write. */
export async function rewrittenMediaPart(name: string, entry: ZipEntry, data: Uint8Array, options: ScrubOptions): Promise<RewrittenEntry> {
  const media = await scrubMedia(name, data, options);
  return { entry: media.data !== undefined ? { name, data: media.data } : { name, copyOf: entry }, removed: media.removed, kept: media.kept };
}

/** The note both document families give when comments or tracked changes were kept for review. */
export function reviewNotes(kept: readonly MetadataItem[]): string[] {
  return kept.some((item) => item.category === 'other') ? ['Comments and tracked changes were kept (their authors and dates were removed): read them before sharing.'] : [];
}
