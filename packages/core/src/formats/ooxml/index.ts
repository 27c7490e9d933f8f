/**
 * Office Open XML scrubber (DOCX, XLSX, PPTX). Detected by content: a ZIP whose package holds
 * `[Content_Types].xml`.
 *
 * Removed: the values in docProps core, app and custom properties (the parts stay, empty, so every
 * content type and relationship still resolves); thumbnails, printer settings and `people.xml`
 * (part, relationship and content-type override); `w:rsid*` attributes, `w:rsids`, `w:nsid`,
 * `w15:docId`, the attached template path; author names, initials and dates on comments and
 * tracked changes; spreadsheet save paths and revision ids; metadata in embedded pictures (photo
 * scrubbers); ZIP entry times, extra fields and comments (deterministic writer).
 * Kept, and reported in `kept` for review: comments and tracked changes themselves.
 */
import { strFromU8, strToU8 } from 'fflate';
import { readAll, type ByteSource } from '../../bytes/source.js';
import { indexOfBytes } from '../../bytes/view.js';
import type { MetadataItem } from '../../categories.js';
import type { FormatModule, Inspection, ScrubOptions, ScrubOutput } from '../../registry.js';
import { inspectMedia, reviewNotes, rewrittenMediaPart, rewrittenXmlPart, zipLayerItems } from '../../zip/document.js';
import { entryData, isZipStart, readZip, type ZipArchive } from '../../zip/reader.js';
import { checkWellFormed, filledChildElements } from '../../zip/xml.js';
import { writeZip, type WriteEntry } from '../../zip/writer.js';
import { CONTENT_TYPES, contentTypeOf, CT, isRelsPart, readContentTypes, readRelationships, REL, type ContentTypes, type Relationship } from './package.js';
import { editPart } from './parts.js';

const EMPTY_PROPERTIES: Record<string, string> = {
  [CT.core]:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>',
  [CT.app]: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>',
  [CT.custom]: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>',
};

const PROPERTY_CATEGORY: Record<string, MetadataItem['category']> = {
  creator: 'person', lastModifiedBy: 'person', Manager: 'person', Company: 'person',
  created: 'time', modified: 'time', lastPrinted: 'time', TotalTime: 'time',
  Application: 'software', AppVersion: 'software', DocSecurity: 'other', Template: 'other',
};

/** Relationship types whose target part is removed with the relationship. */
const DROPPED: Record<string, { category: MetadataItem['category']; label: string }> = {
  [REL.thumbnail]: { category: 'thumbnail', label: 'document thumbnail' },
  [REL.printerSettings]: { category: 'device', label: 'printer settings' },
  [REL.people]: { category: 'person', label: 'list of people who edited (people.xml)' },
  [REL.attachedTemplate]: { category: 'other', label: 'attached template path' },
};

/** XML parts edited as text; SVG pictures (image/svg+xml) go to the picture scrubbers instead. */
const isXmlPart = (name: string, types: ContentTypes): boolean => {
  const type = contentTypeOf(types, name) ?? '';
  return /\.xml$|\.rels$/i.test(name) || (/xml/.test(type) && !/^image\//.test(type));
};

interface Package {
  readonly bytes: Uint8Array;
  readonly archive: ZipArchive;
  readonly types: ContentTypes;
  readonly rels: Map<string, Relationship[]>;
  /** Relationships whose internal target is missing (common in the wild: Word leaves font links). */
  readonly dangling: string[];
}

function openPackage(bytes: Uint8Array): Package {
  const archive = readZip(bytes);
  const types = readContentTypes(bytes, archive);
  const rels = new Map<string, Relationship[]>();
  const dangling: string[] = [];
  for (const entry of archive.entries) {
    if (!isRelsPart(entry.name)) continue;
    const list = readRelationships(entry.name, strFromU8(entryData(bytes, entry)));
    for (const relationship of list) {
      // A dangling relationship is kept as it is (Office tolerates it); it is named in the notes.
      if (relationship.part !== undefined && !archive.byName.has(relationship.part)) dangling.push(`${entry.name} ${relationship.id} → ${relationship.target}`);
    }
    rels.set(entry.name, list);
  }
  return { bytes, archive, types, rels, dangling };
}

/** Relationship types of the three properties parts, for packages that leave their content type to a Default. */
const PROPERTIES_RELATIONSHIPS: Record<string, string> = {
  [REL.coreProperties]: CT.core,
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties': CT.app,
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties': CT.custom,
};

/** The properties content type of a part (core, app, custom), by content type or by relationship. */
function propertiesType(pkg: Package, part: string): string | undefined {
  const type = contentTypeOf(pkg.types, part);
  if (type !== undefined && EMPTY_PROPERTIES[type] !== undefined) return type;
  for (const relationship of pkg.rels.get('_rels/.rels') ?? []) {
    if (relationship.part === part && PROPERTIES_RELATIONSHIPS[relationship.type] !== undefined) return PROPERTIES_RELATIONSHIPS[relationship.type];
  }
  return undefined;
}

function propertyItems(name: string, text: string): MetadataItem[] {
  return filledChildElements(text).map((element) => {
    const local = element.slice(element.indexOf(':') + 1);
    return { category: PROPERTY_CATEGORY[local] ?? 'other', label: `${name} ${local}` };
  });
}

function droppedParts(pkg: Package): Map<string, MetadataItem> {
  const dropped = new Map<string, MetadataItem>();
  for (const list of pkg.rels.values()) {
    for (const relationship of list) {
      const what = DROPPED[relationship.type];
      if (what !== undefined && relationship.part !== undefined) dropped.set(relationship.part, { ...what, label: `${what.label} (${relationship.part})` });
    }
  }
  return dropped;
}

async function inspectOoxml(source: ByteSource): Promise<Inspection> {
  const pkg = openPackage(await readAll(source));
  const items: MetadataItem[] = [...zipLayerItems(pkg.archive)];
  for (const [part, item] of droppedParts(pkg)) if (pkg.archive.byName.has(part)) items.push(item);
  for (const list of pkg.rels.values()) for (const relationship of list) if (relationship.type === REL.attachedTemplate) items.push({ category: 'other', label: `attached template ${relationship.target}` });
  for (const entry of pkg.archive.entries) {
    const data = entryData(pkg.bytes, entry);
    const type = propertiesType(pkg, entry.name);
    if (type !== undefined) {
      items.push(...propertyItems(entry.name, strFromU8(data)));
    } else if (isXmlPart(entry.name, pkg.types) && !isRelsPart(entry.name) && entry.name !== CONTENT_TYPES) {
      const text = strFromU8(data);
      checkWellFormed(text, entry.name);
      const edit = editPart(entry.name, text);
      items.push(...edit.removed, ...edit.reviewable);
    } else if (!isXmlPart(entry.name, pkg.types)) {
      items.push(...(await inspectMedia(entry.name, data)));
    }
  }
  return { items, issues: [] };
}

async function scrubOoxml(source: ByteSource, options: ScrubOptions): Promise<ScrubOutput> {
  const pkg = openPackage(await readAll(source));
  const removed: MetadataItem[] = [...zipLayerItems(pkg.archive)];
  const kept: MetadataItem[] = [];
  const dropped = droppedParts(pkg);
  const out: WriteEntry[] = [];

  for (const entry of pkg.archive.entries) {
    const name = entry.name;
    const droppedItem = dropped.get(name);
    if (droppedItem !== undefined) {
      removed.push(droppedItem);
      continue;
    }
    const type = propertiesType(pkg, name);
    const empty = type === undefined ? undefined : EMPTY_PROPERTIES[type];
    if (empty !== undefined) {
      const items = propertyItems(name, strFromU8(entryData(pkg.bytes, entry)));
      removed.push(...items);
      out.push(items.length > 0 ? { name, data: strToU8(empty) } : { name, copyOf: entry });
      continue;
    }
    if (name === CONTENT_TYPES) {
      let text = strFromU8(entryData(pkg.bytes, entry));
      for (const part of dropped.keys()) {
        text = text.replace(new RegExp(`<Override\\s[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`, 'i'), '');
      }
      checkWellFormed(text, name);
      out.push({ name, data: strToU8(text) });
      continue;
    }
    if (isRelsPart(name)) {
      const list = pkg.rels.get(name) ?? [];
      const gone = list.filter((relationship) => DROPPED[relationship.type] !== undefined);
      if (gone.length === 0) {
        out.push({ name, copyOf: entry });
        continue;
      }
      let text = strFromU8(entryData(pkg.bytes, entry));
      for (const relationship of gone) {
        text = text.replace(new RegExp(`<Relationship\\s[^>]*Id="${relationship.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`), '');
      }
      checkWellFormed(text, name);
      out.push({ name, data: strToU8(text) });
      continue;
    }
    if (isXmlPart(name, pkg.types)) {
      const original = strFromU8(entryData(pkg.bytes, entry));
      checkWellFormed(original, name);
      const part = rewrittenXmlPart(name, entry, editPart(name, original));
      removed.push(...part.removed);
      kept.push(...part.kept);
      out.push(part.entry);
      continue;
    }
    const media = await rewrittenMediaPart(name, entry, entryData(pkg.bytes, entry), options);
    removed.push(...media.removed);
    kept.push(...media.kept);
    out.push(media.entry);
  }
  const notes = reviewNotes(kept);
  const embedded = pkg.archive.entries.filter((entry) => /\/embeddings\/[^/]+$/.test(entry.name)).length;
  if (embedded > 0) notes.push(`${embedded} embedded objects (other documents inside this one) were kept as they are: they may carry their own metadata.`);
  if (pkg.dangling.length > 0) notes.push(`${pkg.dangling.length} relationships point at parts the package does not have (kept as they were): ${pkg.dangling.slice(0, 3).join('; ')}`);
  // Nothing to remove (e.g. a second pass): keep the file byte for byte.
  const pieces = removed.length === 0 ? [{ kind: 'copy' as const, offset: 0, length: pkg.bytes.length }] : writeZip(out);
  return { pieces, removed, kept, notes };
}

/** `[Content_Types].xml` is usually the first entry; when a writer put it later, part folders show. */
const PACKAGE_FOLDERS = ['_rels/.rels', 'word/', 'xl/', 'ppt/', 'docProps/'];

function hasName(head: Uint8Array, names: readonly string[]): boolean {
  return names.some((name) => indexOfBytes(head, strToU8(name)) >= 0);
}

function hasContentTypes(head: Uint8Array): boolean {
  return hasName(head, [CONTENT_TYPES]);
}

export const ooxml: FormatModule = {
  id: 'ooxml',
  label: 'Office Open XML (DOCX, XLSX, PPTX)',
  family: 'document',
  mediaType: 'application/vnd.openxmlformats-officedocument',
  extensions: ['docx', 'xlsx', 'pptx', 'docm', 'xlsm', 'pptm'],
  sniff: (head) => (!isZipStart(head) ? undefined : hasContentTypes(head) ? 'confident' : hasName(head, PACKAGE_FOLDERS) ? 'imprecise' : undefined),
  inspect: inspectOoxml,
  scrub: scrubOoxml,
  reviewableCategories: ['other'],
};

