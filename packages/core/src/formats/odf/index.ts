/**
 * OpenDocument scrubber (ODT, ODS, ODP, ODG, ODF formulas…). Detected by content: a ZIP whose first
 * entry is the stored `mimetype` naming an `application/vnd.oasis.opendocument.*` type.
 *
 * Removed: every value in `meta.xml` (creator, dates, editing cycles and duration, generator,
 * user-defined fields, printed-by, template; the part stays, empty), thumbnails (and their manifest
 * entries), the printer name and setup in `settings.xml`, the creator names, initials and dates of
 * annotations and tracked changes, metadata in embedded pictures, ZIP entry times and extra fields.
 * Kept, and reported for review: the annotations and tracked changes themselves.
 * The `mimetype` entry is written first and stored, as the specification requires.
 */
import { strFromU8, strToU8 } from 'fflate';
import { readAll, type ByteSource } from '../../bytes/source.js';
import { asciiBytes, indexOfBytes, startsWith } from '../../bytes/view.js';
import type { MetadataItem } from '../../categories.js';
import { fail } from '../../issues.js';
import type { FormatModule, Inspection, ScrubOptions, ScrubOutput } from '../../registry.js';
import { inspectMedia, reviewNotes, rewrittenMediaPart, rewrittenXmlPart, zipLayerItems, type PartEdit } from '../../zip/document.js';
import { entryData, readZip, type ZipArchive } from '../../zip/reader.js';
import { writeZip, type WriteEntry } from '../../zip/writer.js';
import { blankElementText, checkWellFormed, countElements, filledChildElements, removeElements } from '../../zip/xml.js';

const MIMETYPE = 'mimetype';
const MANIFEST = 'META-INF/manifest.xml';
const ODF_MIME_PREFIX = 'application/vnd.oasis.opendocument.';

const META_CATEGORY: Record<string, MetadataItem['category']> = {
  'initial-creator': 'person', creator: 'person', 'printed-by': 'person',
  'creation-date': 'time', date: 'time', 'print-date': 'time', 'editing-duration': 'time',
  generator: 'software', 'editing-cycles': 'other', 'user-defined': 'other', template: 'other',
};

const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
const isXml = (name: string): boolean => /\.(xml|rdf)$/i.test(name);

interface Package {
  readonly bytes: Uint8Array;
  readonly archive: ZipArchive;
}

function openPackage(bytes: Uint8Array): Package {
  const archive = readZip(bytes);
  const mimetype = archive.byName.get(MIMETYPE);
  if (mimetype === undefined || !strFromU8(entryData(bytes, mimetype)).startsWith(ODF_MIME_PREFIX)) fail('invalid', 0, 'no OpenDocument mimetype entry');
  const manifest = archive.byName.get(MANIFEST);
  if (manifest !== undefined) {
    const text = strFromU8(entryData(bytes, manifest));
    checkWellFormed(text, MANIFEST);
    if (text.includes('encryption-data')) fail('encrypted', manifest.dataOffset, 'the document is password-protected (manifest encryption-data)');
  }
  return { bytes, archive };
}

function metaItems(name: string, text: string): MetadataItem[] {
  return filledChildElements(text)
    .filter((element) => element !== 'meta:document-statistic')
    .map((element) => {
      const local = element.slice(element.indexOf(':') + 1);
      return { category: META_CATEGORY[local] ?? 'other', label: `${name} ${local}` };
    });
}

function emptyMeta(text: string): string {
  const version = /office:version="([^"]*)"/.exec(text)?.[1] ?? '1.2';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="${version}"><office:meta></office:meta></office:document-meta>`;
}

/** content.xml, styles.xml, settings.xml (also inside embedded objects). */
function editPart(name: string, original: string): PartEdit {
  let text = original;
  const removed: MetadataItem[] = [];
  const reviewable: MetadataItem[] = [];
  const base = baseName(name);
  if (base === 'settings.xml') {
    let printer = 0;
    text = text.replace(/<config:config-item\s[^>]*config:name="(?:PrinterName|PrinterSetup|PrinterPaperFromSetup)"[^>]*?(?:\/>|>[^<]*<\/config:config-item>)/g, () => {
      printer++;
      return '';
    });
    if (printer > 0) removed.push({ category: 'device', label: `printer name and setup in ${name}` });
  }
  if (base === 'content.xml' || base === 'styles.xml') {
    const creators = blankElementText(text, 'dc:creator');
    text = creators.text;
    if (creators.count > 0) removed.push({ category: 'person', label: `${creators.count} annotation/change authors in ${name}` });
    const initials = removeElements(text, 'meta:creator-initials');
    text = initials.text;
    if (initials.count > 0) removed.push({ category: 'person', label: `${initials.count} annotation author initials in ${name}` });
    const dates = removeElements(text, 'dc:date');
    text = dates.text;
    if (dates.count > 0) removed.push({ category: 'time', label: `${dates.count} annotation/change dates in ${name}` });
    const annotations = countElements(text, 'office:annotation');
    const changes = countElements(text, 'text:changed-region');
    if (annotations > 0) reviewable.push({ category: 'other', label: `${annotations} comments in ${name} (text kept; authors and dates removed)` });
    if (changes > 0) reviewable.push({ category: 'other', label: `${changes} tracked changes in ${name} (kept; authors and dates removed)` });
  }
  return { text, removed, reviewable };
}

const isThumbnail = (name: string): boolean => name.startsWith('Thumbnails/');

async function inspectOdf(source: ByteSource): Promise<Inspection> {
  const { bytes, archive } = openPackage(await readAll(source));
  const items: MetadataItem[] = [...zipLayerItems(archive)];
  for (const entry of archive.entries) {
    if (isThumbnail(entry.name)) {
      if (!entry.name.endsWith('/')) items.push({ category: 'thumbnail', label: `thumbnail ${entry.name}` });
      continue;
    }
    const data = entryData(bytes, entry);
    if (baseName(entry.name) === 'meta.xml') {
      items.push(...metaItems(entry.name, strFromU8(data)));
    } else if (isXml(entry.name)) {
      const text = strFromU8(data);
      if (text.length === 0) continue;
      checkWellFormed(text, entry.name);
      const edit = editPart(entry.name, text);
      items.push(...edit.removed, ...edit.reviewable);
    } else if (entry.name !== MIMETYPE) {
      items.push(...(await inspectMedia(entry.name, data)));
    }
  }
  return { items, issues: [] };
}

async function scrubOdf(source: ByteSource, options: ScrubOptions): Promise<ScrubOutput> {
  const { bytes, archive } = openPackage(await readAll(source));
  const removed: MetadataItem[] = [...zipLayerItems(archive)];
  const kept: MetadataItem[] = [];
  const dropped = archive.entries.filter((entry) => isThumbnail(entry.name)).map((entry) => entry.name);
  const out: WriteEntry[] = [{ name: MIMETYPE, data: entryData(bytes, archive.byName.get(MIMETYPE)!), store: true }];
  for (const entry of archive.entries) {
    const name = entry.name;
    if (name === MIMETYPE) continue;
    if (isThumbnail(name)) {
      if (!name.endsWith('/')) removed.push({ category: 'thumbnail', label: `thumbnail ${name}` });
      continue;
    }
    if (name === MANIFEST) {
      let text = strFromU8(entryData(bytes, entry));
      text = text.replace(/[ \t]*<manifest:file-entry\s[^>]*manifest:full-path="Thumbnails\/[^"]*"[^>]*\/>\r?\n?/g, '');
      checkWellFormed(text, name);
      out.push({ name, data: strToU8(text) });
      continue;
    }
    if (baseName(name) === 'meta.xml') {
      const text = strFromU8(entryData(bytes, entry));
      const items = metaItems(name, text);
      removed.push(...items);
      out.push(items.length > 0 ? { name, data: strToU8(emptyMeta(text)) } : { name, copyOf: entry });
      continue;
    }
    if (isXml(name)) {
      const original = strFromU8(entryData(bytes, entry));
      if (original.length > 0) checkWellFormed(original, name);
      const part = rewrittenXmlPart(name, entry, editPart(name, original));
      removed.push(...part.removed);
      kept.push(...part.kept);
      out.push(part.entry);
      continue;
    }
    const media = await rewrittenMediaPart(name, entry, entryData(bytes, entry), options);
    removed.push(...media.removed);
    kept.push(...media.kept);
    out.push(media.entry);
  }
  const notes = reviewNotes(kept);
  if (dropped.length > 0 && !archive.byName.has(MANIFEST)) notes.push('The document has no manifest.');
  // Nothing to remove (e.g. a second pass) and `mimetype` already first and stored: keep the file as it is.
  const first = archive.entries[0];
  const unchanged = removed.length === 0 && first?.name === MIMETYPE && first.method === 0 && first.extraBytes === 0;
  return { pieces: unchanged ? [{ kind: 'copy', offset: 0, length: bytes.length }] : writeZip(out), removed, kept, notes };
}

const MIMETYPE_NAME = asciiBytes(MIMETYPE);
const ODF_MIME = asciiBytes(ODF_MIME_PREFIX);

const STORED_MIMETYPE = asciiBytes(MIMETYPE + ODF_MIME_PREFIX);
/** Repacked LibreOffice files (sorted by name) start with this folder; the scrub then checks `mimetype`. */
const LIBREOFFICE_FOLDER = asciiBytes('Configurations2/');

/**
 * Confident: a local header at 0 whose entry is `mimetype` with an OpenDocument media type right
 * after it (as the specification requires). Imprecise: some writers put `mimetype` later; then a
 * stored `mimetype` entry or LibreOffice's `Configurations2/` folder must show in the first bytes.
 */
function sniffOdf(head: Uint8Array): 'confident' | 'imprecise' | undefined {
  if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || head.length < 30 + MIMETYPE_NAME.length) return undefined;
  const nameLength = head[26]! | (head[27]! << 8);
  if (nameLength !== MIMETYPE_NAME.length || indexOfBytes(head.subarray(30, 30 + nameLength), MIMETYPE_NAME) !== 0) return indexOfBytes(head, STORED_MIMETYPE) > 0 || indexOfBytes(head, LIBREOFFICE_FOLDER) > 0 ? 'imprecise' : undefined;
  const dataOffset = 30 + nameLength + (head[28]! | (head[29]! << 8));
  return indexOfBytes(head.subarray(dataOffset, dataOffset + ODF_MIME.length), ODF_MIME) === 0 ? 'confident' : undefined;
}

export const odf: FormatModule = {
  id: 'odf',
  label: 'OpenDocument (ODT, ODS, ODP, ODG)',
  family: 'document',
  mediaType: 'application/vnd.oasis.opendocument',
  extensions: ['odt', 'ods', 'odp', 'odg', 'odf', 'odc', 'odm', 'ott', 'ots', 'otp', 'otg'],
  sniff: sniffOdf,
  inspect: inspectOdf,
  scrub: scrubOdf,
  reviewableCategories: ['other'],
};
