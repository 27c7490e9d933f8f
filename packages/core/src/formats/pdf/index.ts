/**
 * PDF scrubber. Always writes a full new file with one classic cross-reference table, never an
 * incremental update: the input is parsed into pdf-lib's object model, metadata keys are deleted,
 * every object the catalog cannot reach is dropped (earlier revisions, the old Info dictionary,
 * XMP streams, thumbnails, orphans), and only what is left is serialised.
 *
 * Removed: trailer `/Info`; `/Metadata` (XMP) on every dictionary; `/PieceInfo` and `/LastModified`;
 * page `/Thumb`; pdfTeX's `PTEX.*` keys (source file names, embedded Info); the author `/T` of every
 * annotation but form widgets, annotation dates `/M` and `/CreationDate`; embedded files' dates; JPEG APPn segments of
 * `DCTDecode` images (through the JPEG scrubber). The trailer `/ID` gets fresh random bytes.
 * Kept: content streams, fonts, images, links, form fields (a widget's `/T` is its field name), the
 * structure tree, and annotation text (reported in `kept`).
 *
 * pdf-lib (MIT) is used for the object model and the writer. It is loaded with `updateMetadata:
 * false` so it adds no Producer, Creator or dates of its own (tests check this).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { bytesSource, piecesToBytes, readAll, type ByteSource } from '../../bytes/source.js';
import { asciiBytes, indexOfBytes } from '../../bytes/view.js';
import type { Category, MetadataItem } from '../../categories.js';
import { fail, FormatError, isFormatError } from '../../issues.js';
import type { FormatModule, Inspection, ScrubOutput } from '../../registry.js';
import { jpeg } from '../jpeg/index.js';
import { checkObjectStreamSizes } from './bombs.js';
import { MAX_PDF_OBJECTS } from './limits.js';
import { forEachDict, reachableRefs } from './objects.js';
import { randomBytes } from './random.js';

const PDF_SIGNATURE = asciiBytes('%PDF-');
/** The header may follow up to 1024 bytes of junk (PDF 32000-1 §7.5.2, implementation note). */
const HEADER_SEARCH_BYTES = 1024;

/** Annotation subtypes that are "markup annotations" (PDF 32000-1 §12.5.6.2): their `/T` is the author. */
const MARKUP_SUBTYPES = new Set(['Text', 'FreeText', 'Line', 'Square', 'Circle', 'Polygon', 'PolyLine', 'Highlight', 'Underline', 'Squiggly', 'StrikeOut', 'Stamp', 'Caret', 'Ink', 'FileAttachment', 'Sound', 'Redact', 'Projection']);

const INFO_CATEGORIES: Record<string, Category> = {
  Author: 'person',
  Creator: 'software',
  Producer: 'software',
  CreationDate: 'time',
  ModDate: 'time',
};

const name = (text: string): PDFName => PDFName.of(text);

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const start = indexOfBytes(bytes.subarray(0, HEADER_SEARCH_BYTES + PDF_SIGNATURE.length), PDF_SIGNATURE);
  if (start < 0) fail('invalid', 0, 'no %PDF- header');
  checkObjectStreamSizes(bytes);
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true, capNumbers: false, parseSpeed: Infinity });
  } catch (error) {
    if (isFormatError(error)) throw error;
    if (error instanceof RangeError) fail('limit_exceeded', 0, `the object structure is too deep or too large to read (${error.message})`);
    const detail = error instanceof Error ? error.message : String(error);
    fail('invalid', 0, `pdf-lib could not parse the file: ${detail.slice(0, 200)}`);
  }
  const context = document.context;
  if (context.trailerInfo.Encrypt !== undefined) fail('encrypted', 0, 'the PDF has an /Encrypt dictionary');
  if (!(context.trailerInfo.Root instanceof PDFRef) || !(context.lookup(context.trailerInfo.Root) instanceof PDFDict)) fail('invalid', 0, 'the trailer has no usable /Root catalog');
  if (context.enumerateIndirectObjects().length > MAX_PDF_OBJECTS) fail('limit_exceeded', 0, `more than ${MAX_PDF_OBJECTS} objects`);
  return document;
}

function nameOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFName ? value.decodeText() : undefined;
}

function isAnnotation(dict: PDFDict): boolean {
  return nameOf(dict.get(name('Type'))) === 'Annot' || (dict.has(name('Rect')) && dict.has(name('Subtype')) && (dict.has(name('P')) || dict.has(name('F')) || dict.has(name('Contents'))));
}

/** The metadata keys one dictionary holds, as report items and the keys to delete. */
function metadataKeys(dict: PDFDict, where: string): { key: PDFName; item: MetadataItem }[] {
  const found: { key: PDFName; item: MetadataItem }[] = [];
  for (const key of dict.keys()) {
    const text = key.decodeText();
    if (text === 'Metadata') found.push({ key, item: { category: 'other', label: `XMP metadata stream (${where})` } });
    else if (text === 'PieceInfo') found.push({ key, item: { category: 'software', label: `application private data /PieceInfo (${where})` } });
    else if (text === 'LastModified') found.push({ key, item: { category: 'time', label: `/LastModified date (${where})` } });
    else if (text.startsWith('PTEX.')) found.push({ key, item: { category: 'other', label: `pdfTeX /${text} (${where})` } });
  }
  const type = nameOf(dict.get(name('Type')));
  if (type === 'EmbeddedFile' || type === 'Filespec') {
    // Embedded files carry their own dates (stream /Params) and descriptions; the file itself is content.
    for (const key of ['CreationDate', 'ModDate']) if (dict.has(name(key))) found.push({ key: name(key), item: { category: 'time', label: `embedded file /${key} (${where})` } });
  }
  if (type === 'Page' && dict.has(name('Thumb'))) found.push({ key: name('Thumb'), item: { category: 'thumbnail', label: `page thumbnail /Thumb (${where})` } });
  if (dict.has(name('CheckSum')) || (dict.has(name('Size')) && (dict.has(name('ModDate')) || dict.has(name('CreationDate'))) && !dict.has(name('Type')))) {
    // An embedded file's /Params dictionary.
    for (const key of ['CreationDate', 'ModDate']) if (dict.has(name(key))) found.push({ key: name(key), item: { category: 'time', label: `embedded file /Params /${key} (${where})` } });
  }
  if (isAnnotation(dict)) {
    const subtype = nameOf(dict.get(name('Subtype'))) ?? '';
    if (dict.has(name('M'))) found.push({ key: name('M'), item: { category: 'time', label: `annotation date /M (${where})` } });
    // On markup annotations /T is the author; on a widget it is the form field's name (kept). Other
    // annotations do not define /T, but some writers put the author there too (Popup): drop it.
    if (subtype !== 'Widget') {
      if (dict.has(name('T'))) found.push({ key: name('T'), item: { category: 'person', label: `annotation author /T (${where})` } });
      if (dict.has(name('CreationDate'))) found.push({ key: name('CreationDate'), item: { category: 'time', label: `annotation /CreationDate (${where})` } });
    }
  }
  return found;
}

function infoItems(context: PDFContext): MetadataItem[] {
  const infoRef = context.trailerInfo.Info;
  if (infoRef === undefined) return [];
  const info = infoRef instanceof PDFRef ? context.lookup(infoRef) : infoRef;
  if (!(info instanceof PDFDict)) return [{ category: 'other', label: 'trailer /Info entry' }];
  const items = info.keys().map((key): MetadataItem => ({ category: INFO_CATEGORIES[key.decodeText()] ?? 'other', label: `Info /${key.decodeText()}` }));
  return items.length > 0 ? items : [{ category: 'other', label: 'trailer /Info dictionary (empty)' }];
}

function isDctImage(stream: PDFStream): boolean {
  const filter = stream.dict.get(name('Filter'));
  if (nameOf(filter) === 'DCTDecode') return true;
  return filter instanceof PDFArray && filter.size() === 1 && nameOf(filter.get(0)) === 'DCTDecode';
}

/** Revisions after the first add a `startxref` each (linearised files also have two). */
function countStartXref(bytes: Uint8Array): number {
  const needle = asciiBytes('startxref');
  let count = 0;
  for (let at = indexOfBytes(bytes, needle); at !== -1; at = indexOfBytes(bytes, needle, at + needle.length)) count++;
  return count;
}

async function inspectPdf(source: ByteSource): Promise<Inspection> {
  const bytes = await readAll(source);
  const document = await loadPdf(bytes);
  const context = document.context;
  const items: MetadataItem[] = [...infoItems(context)];
  const objects = context.enumerateIndirectObjects();
  for (const [ref, object] of objects) {
    forEachDict(object, (dict) => items.push(...metadataKeys(dict, `object ${ref.objectNumber}`).map((found) => found.item)));
  }
  const reachable = reachableRefs(context, [context.trailerInfo.Root!]);
  const orphans = objects.filter(([ref]) => !reachable.has(ref.toString())).length;
  if (orphans > 0) items.push({ category: 'other', label: `${orphans} objects the document no longer uses (earlier revisions or leftovers)` });
  const revisions = countStartXref(bytes);
  if (revisions > 1) items.push({ category: 'other', label: `${revisions - 1} earlier revisions or update sections (incremental updates or linearisation)` });
  for (const [ref, object] of objects) {
    if (!(object instanceof PDFRawStream) || !isDctImage(object)) continue;
    try {
      const inspection = await jpeg.inspect(bytesSource(object.getContents()));
      items.push(...inspection.items.map((item) => ({ ...item, label: `image object ${ref.objectNumber}: ${item.label}` })));
    } catch (error) {
      if (!isFormatError(error)) throw error; // a JPEG we cannot read has no readable metadata either
    }
  }
  return { items, issues: [] };
}

async function scrubPdf(source: ByteSource): Promise<ScrubOutput> {
  const bytes = await readAll(source);
  const document = await loadPdf(bytes);
  const context = document.context;
  const removed: MetadataItem[] = [...infoItems(context)];
  const kept: MetadataItem[] = [];
  const notes: string[] = [];

  delete context.trailerInfo.Info;
  const objects = context.enumerateIndirectObjects();
  let annotationTexts = 0;
  let embeddedFiles = 0;
  for (const [ref, object] of objects) {
    forEachDict(object, (dict) => {
      for (const found of metadataKeys(dict, `object ${ref.objectNumber}`)) {
        dict.delete(found.key);
        removed.push(found.item);
      }
      if (nameOf(dict.get(name('Type'))) === 'EmbeddedFile') embeddedFiles++;
      if (isAnnotation(dict) && MARKUP_SUBTYPES.has(nameOf(dict.get(name('Subtype'))) ?? '') && dict.has(name('Contents'))) annotationTexts++;
    });
    // Write /Length directly now, so a /Length object is not left behind unreferenced.
    if (object instanceof PDFStream) object.updateDict();
  }
  if (annotationTexts > 0) {
    kept.push({ category: 'other', label: `${annotationTexts} annotation comments (their text is content; authors and dates removed)` });
    notes.push(`Kept the text of ${annotationTexts} comments (annotations); their authors and dates were removed. Check the comments themselves do not identify anyone.`);
  }

  if (embeddedFiles > 0) {
    kept.push({ category: 'other', label: `${embeddedFiles} embedded files (kept as they are; they may carry their own metadata)` });
    notes.push(`The PDF carries ${embeddedFiles} attached files, kept as they are: clean them separately if they matter.`);
  }

  const reachable = reachableRefs(context, [context.trailerInfo.Root!]);
  let orphans = 0;
  for (const [ref] of objects) {
    if (!reachable.has(ref.toString())) {
      context.delete(ref);
      orphans++;
    }
  }
  // The trailer's /Size must be one past the highest object number still written.
  let largest = 0;
  for (const [ref] of context.enumerateIndirectObjects()) largest = Math.max(largest, ref.objectNumber);
  context.largestObjectNumber = largest;
  if (orphans > 0) removed.push({ category: 'other', label: `${orphans} objects the document no longer uses (earlier revisions, metadata streams, leftovers)` });
  const revisions = countStartXref(bytes);
  if (revisions > 1) removed.push({ category: 'other', label: `${revisions - 1} earlier revisions or update sections (the file is rewritten as one revision)` });

  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || !isDctImage(object)) continue;
    const contents = object.getContents();
    try {
      const image = bytesSource(contents);
      const output = await jpeg.scrub(image, { keepColourProfile: true });
      if (output.removed.length === 0) continue;
      context.assign(ref, PDFRawStream.of(object.dict, await piecesToBytes(output.pieces, image)));
      removed.push(...output.removed.map((item) => ({ ...item, label: `image object ${ref.objectNumber}: ${item.label}` })));
    } catch (error) {
      if (!isFormatError(error)) throw error;
      notes.push(`Image object ${ref.objectNumber} is a JPEG that could not be read, so it was kept as it is.`);
    }
  }

  const hadId = context.trailerInfo.ID !== undefined;
  context.trailerInfo.ID = context.obj([PDFHexString.of(hex(randomBytes(16))), PDFHexString.of(hex(randomBytes(16)))]);
  if (hadId) removed.push({ category: 'other', label: 'trailer /ID (replaced with random bytes)' });

  let written: Uint8Array;
  try {
    written = await document.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  } catch (error) {
    if (error instanceof FormatError) throw error;
    fail('invalid', 0, `the cleaned PDF could not be written: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
  }
  keepHeaderVersion(bytes, written);
  return { pieces: [{ kind: 'bytes', bytes: written }], removed, kept, notes };
}

/** pdf-lib always writes `%PDF-1.7`; put the input's version back (same length, so no offset moves). */
function keepHeaderVersion(input: Uint8Array, output: Uint8Array): void {
  const start = indexOfBytes(input.subarray(0, HEADER_SEARCH_BYTES + PDF_SIGNATURE.length), PDF_SIGNATURE);
  const version = input.subarray(start + PDF_SIGNATURE.length, start + PDF_SIGNATURE.length + 3);
  const isVersion = version.length === 3 && version[0]! >= 0x31 && version[0]! <= 0x32 && version[1] === 0x2e && version[2]! >= 0x30 && version[2]! <= 0x39;
  if (isVersion && indexOfBytes(output.subarray(0, 8), asciiBytes('%PDF-1.7')) === 0) output.set(version, PDF_SIGNATURE.length);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export const pdf: FormatModule = {
  id: 'pdf',
  label: 'PDF',
  family: 'document',
  mediaType: 'application/pdf',
  extensions: ['pdf'],
  sniff: (head) => (indexOfBytes(head.subarray(0, HEADER_SEARCH_BYTES + PDF_SIGNATURE.length), PDF_SIGNATURE) >= 0 ? 'confident' : undefined),
  inspect: inspectPdf,
  scrub: scrubPdf,
};
