/**
 * The Open Packaging Conventions layer of OOXML: content types and relationships.
 */
import { fail } from '../../issues.js';
import { entryText, type ZipArchive } from '../../zip/reader.js';
import { checkWellFormed, elementsWithAttributes } from '../../zip/xml.js';

export const CONTENT_TYPES = '[Content_Types].xml';

export const REL = {
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  thumbnail: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail',
  printerSettings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings',
  attachedTemplate: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate',
  people: 'http://schemas.microsoft.com/office/2011/relationships/people',
} as const;

export const CT = {
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The part the target names, resolved against the source (internal targets only). */
  readonly part?: string;
}

export interface ContentTypes {
  readonly defaults: ReadonlyMap<string, string>;
  readonly overrides: ReadonlyMap<string, string>;
}

export function readContentTypes(bytes: Uint8Array, archive: ZipArchive): ContentTypes {
  const entry = archive.byName.get(CONTENT_TYPES);
  if (entry === undefined) fail('invalid', 0, 'no [Content_Types].xml: not a valid Office Open XML package');
  const text = entryText(bytes, entry);
  checkWellFormed(text, CONTENT_TYPES);
  if (!/<Types[\s>]/.test(text)) fail('invalid', entry.dataOffset, '[Content_Types].xml has no <Types> root');
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const attributes of elementsWithAttributes(text, 'Default')) {
    const extension = attributes.get('Extension');
    const type = attributes.get('ContentType');
    if (extension === undefined || type === undefined) fail('invalid', entry.dataOffset, '[Content_Types].xml has a <Default> without Extension or ContentType');
    defaults.set(extension.toLowerCase(), type);
  }
  for (const attributes of elementsWithAttributes(text, 'Override')) {
    const part = attributes.get('PartName');
    const type = attributes.get('ContentType');
    if (part === undefined || type === undefined || !part.startsWith('/')) fail('invalid', entry.dataOffset, '[Content_Types].xml has an <Override> without a PartName or ContentType');
    overrides.set(part.slice(1), type);
  }
  return { defaults, overrides };
}

export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const override = [...types.overrides].find(([name]) => name.toLowerCase() === part.toLowerCase());
  if (override !== undefined) return override[1];
  const dot = part.lastIndexOf('.');
  return dot === -1 ? undefined : types.defaults.get(part.slice(dot + 1).toLowerCase());
}

export function isRelsPart(name: string): boolean {
  return /(^|\/)_rels\/[^/]*\.rels$/.test(name);
}

/** The folder a relationships part's relative targets resolve against. */
function relsBase(relsName: string): string {
  const folder = relsName.slice(0, relsName.lastIndexOf('_rels/'));
  return folder;
}

export function resolveTarget(relsName: string, target: string): string {
  const raw = target.split('#')[0]!;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    path = raw;
  }
  const joined = path.startsWith('/') ? path.slice(1) : relsBase(relsName) + path;
  const out: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

export function readRelationships(relsName: string, text: string): Relationship[] {
  checkWellFormed(text, relsName);
  return elementsWithAttributes(text, 'Relationship').map((attributes) => {
    const id = attributes.get('Id') ?? '';
    const type = attributes.get('Type') ?? '';
    const target = attributes.get('Target') ?? '';
    const external = attributes.get('TargetMode') === 'External';
    return external ? { id, type, target, external } : { id, type, target, external, part: resolveTarget(relsName, target) };
  });
}
