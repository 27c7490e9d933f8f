/**
 * SVG scrubber. Edits the text, so the drawing stays character for character as it was.
 *
 * Removed: comments; `<metadata>` (RDF, XMP, C2PA manifests); loose `rdf:RDF` and `c2pa:*`
 * elements; Inkscape and Sodipodi elements (`sodipodi:namedview`, window geometry…) and attributes
 * (`sodipodi:docname`, `inkscape:export-filename` with its absolute path, `inkscape:version`…) and
 * their namespace declarations; the `dc`/`cc`/`rdf` declarations once nothing uses them; metadata
 * in base64 `data:` pictures (through the photo scrubbers, re-encoded as base64).
 * Kept: everything that draws, including `<title>` and `<desc>` (content, read by screen readers).
 */
import { strFromU8, strToU8 } from 'fflate';
import { readAll, type ByteSource } from '../../bytes/source.js';
import type { MetadataItem } from '../../categories.js';
import { fail } from '../../issues.js';
import type { FormatModule, Inspection, ScrubOptions, ScrubOutput } from '../../registry.js';
import { inspectMedia, scrubMedia } from '../../zip/document.js';
import { checkWellFormed, editAttributes, removeElements } from '../../zip/xml.js';
import { decodeBase64, encodeBase64 } from './base64.js';

const EDITOR_PREFIXES = ['inkscape', 'sodipodi'];
const OPTIONAL_PREFIXES = ['rdf', 'cc', 'dc', 'c2pa'];

interface SvgEdit {
  text: string;
  readonly removed: MetadataItem[];
  readonly kept: MetadataItem[];
}

function editSvg(original: string): SvgEdit {
  const edit: SvgEdit = { text: original, removed: [], kept: [] };
  let comments = 0;
  edit.text = edit.text.replace(/<!--[\s\S]*?-->/g, () => {
    comments++;
    return '';
  });
  if (comments > 0) edit.removed.push({ category: 'other', label: `${comments} comments` });

  for (const element of ['metadata', 'svg:metadata', 'rdf:RDF']) {
    const result = removeElements(edit.text, element);
    if (result.count > 0) edit.removed.push({ category: 'other', label: `<${element}> (RDF/XMP/C2PA)` });
    edit.text = result.text;
  }
  // Editor and C2PA elements: outermost first, so nested ones go with their parent.
  for (const prefix of [...EDITOR_PREFIXES, 'c2pa']) {
    const names = new Set([...edit.text.matchAll(new RegExp(`<(${prefix}:[\\w.-]+)`, 'g'))].map((match) => match[1]!));
    for (const name of names) {
      const result = removeElements(edit.text, name);
      if (result.count > 0) edit.removed.push({ category: prefix === 'c2pa' ? 'other' : 'software', label: `${result.count}× <${name}>` });
      edit.text = result.text;
    }
  }
  const attributes = editAttributes(edit.text, (_element, attribute) => {
    const prefix = attribute.includes(':') ? attribute.slice(0, attribute.indexOf(':')) : '';
    if (EDITOR_PREFIXES.includes(prefix)) return 'remove';
    if (attribute.startsWith('xmlns:') && EDITOR_PREFIXES.includes(attribute.slice(6))) return 'remove';
    return undefined;
  });
  edit.text = attributes.text;
  for (const [attribute, count] of attributes.changed) {
    if (attribute.startsWith('xmlns:')) continue;
    const category: MetadataItem['category'] = /version/.test(attribute) ? 'software' : 'other';
    edit.removed.push({ category, label: `${count}× ${attribute}` });
  }
  // Namespace declarations nothing uses any more.
  const unused = OPTIONAL_PREFIXES.filter((prefix) => !new RegExp(`[<\\s]${prefix}:`).test(edit.text));
  const declarations = editAttributes(edit.text, (_element, attribute) => (attribute.startsWith('xmlns:') && unused.includes(attribute.slice(6)) ? 'remove' : undefined));
  edit.text = declarations.text;
  return edit;
}

const DATA_URI = /data:image\/[\w.+-]+;base64,([A-Za-z0-9+/=\s]+)/g;

async function inspectSvg(source: ByteSource): Promise<Inspection> {
  const text = strFromU8(await readAll(source));
  checkWellFormed(text, 'SVG', { allowDoctype: true });
  const edit = editSvg(text);
  const items: MetadataItem[] = [...edit.removed];
  let index = 0;
  for (const match of text.matchAll(DATA_URI)) items.push(...(await inspectMedia(`embedded picture ${++index}`, decodeBase64(match[1]!, match.index))));
  return { items, issues: [] };
}

async function scrubSvg(source: ByteSource, options: ScrubOptions): Promise<ScrubOutput> {
  const bytes = await readAll(source);
  const original = strFromU8(bytes);
  checkWellFormed(original, 'SVG', { allowDoctype: true });
  const edit = editSvg(original);
  let index = 0;
  const replacements: string[] = [];
  for (const match of edit.text.matchAll(DATA_URI)) {
    const media = await scrubMedia(`embedded picture ${++index}`, decodeBase64(match[1]!, match.index), options);
    edit.removed.push(...media.removed);
    edit.kept.push(...media.kept);
    replacements.push(media.data === undefined ? match[0] : match[0].slice(0, match[0].length - match[1]!.length) + encodeBase64(media.data));
  }
  let at = 0;
  edit.text = edit.text.replace(DATA_URI, () => replacements[at++]!);
  if (edit.removed.length === 0) return { pieces: [{ kind: 'copy', offset: 0, length: bytes.length }], removed: [], kept: edit.kept, notes: [] };
  checkWellFormed(edit.text, 'SVG', { allowDoctype: true });
  if (!/<(svg:)?svg[\s>]/.test(edit.text)) fail('invalid', 0, 'the SVG root element was lost while cleaning');
  return { pieces: [{ kind: 'bytes', bytes: strToU8(edit.text) }], removed: edit.removed, kept: edit.kept, notes: [] };
}

/** Text starting (after a BOM, blanks, the XML declaration, comments, DOCTYPE) with an `<svg` root. */
function sniffSvg(head: Uint8Array): 'confident' | 'imprecise' | undefined {
  const text = strFromU8(head.subarray(0, 4096), true);
  const start = text.replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  if (!/^\s*</.test(start)) return undefined;
  const prolog = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)\s*)*<(svg:)?svg[\s>]/.exec(start);
  if (prolog === null) return undefined;
  return start.includes('http://www.w3.org/2000/svg') ? 'confident' : 'imprecise';
}

export const svg: FormatModule = {
  id: 'svg',
  label: 'SVG',
  family: 'document',
  mediaType: 'image/svg+xml',
  extensions: ['svg'],
  sniff: sniffSvg,
  inspect: inspectSvg,
  scrub: scrubSvg,
};
