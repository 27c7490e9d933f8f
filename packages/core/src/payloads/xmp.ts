/**
 * Lists what an XMP packet reveals. XMP is RDF/XML; we do not need a full parse to classify it,
 * only the property names present (namespace prefix + local name), matched against known families.
 * Any packet at all is metadata: an unrecognised one is still reported as 'other'.
 */
import type { Category, MetadataItem } from '../categories.js';

const PROPERTY_RULES: ReadonlyArray<{ pattern: RegExp; category: Category; label: string }> = [
  { pattern: /\b(?:exif:GPS\w*|drone-dji:\w*(?:Latitude|Longitude|Altitude)\w*|Iptc4xmpExt:LocationShown|Iptc4xmpExt:LocationCreated|photoshop:(?:City|State|Country)|Iptc4xmpCore:Location|GPano:\w+Latitude)/, category: 'location', label: 'XMP location' },
  { pattern: /\b(?:xmp:(?:CreateDate|ModifyDate|MetadataDate)|exif:DateTime\w*|photoshop:DateCreated|stEvt:when)/, category: 'time', label: 'XMP dates' },
  { pattern: /\b(?:tiff:(?:Make|Model)|exifEX:\w*Serial\w*|aux:(?:SerialNumber|Lens\w*|OwnerName)|exif:(?:Lens\w*|BodySerialNumber))/, category: 'device', label: 'XMP camera identity' },
  { pattern: /\b(?:dc:creator|dc:rights|xmpRights:\w+|photoshop:(?:AuthorsPosition|Credit)|Iptc4xmpCore:CreatorContactInfo|mwg-rs:Regions|MP:RegionInfo|MPRI:Regions|Iptc4xmpExt:PersonInImage|aux:OwnerName)/, category: 'person', label: 'XMP people, names or face regions' },
  { pattern: /\b(?:xmp:CreatorTool|stEvt:softwareAgent|photoshop:History|xmpMM:History|crs:\w+)/, category: 'software', label: 'XMP software and edit history' },
  { pattern: /\b(?:xmp:Thumbnails|xmpGImg:image|GDepth:Data|GImage:Data|GCamera:MicroVideo|Container:Directory)/, category: 'thumbnail', label: 'XMP embedded images or depth/motion data' },
  { pattern: /\b(?:xmpMM:(?:DocumentID|InstanceID|OriginalDocumentID|DerivedFrom)|dc:(?:description|title|subject)|photoshop:\w+|Iptc4xmpCore:\w+)/, category: 'other', label: 'XMP descriptions and document ids' },
];

export function classifyXmp(packet: Uint8Array | string, offset?: number): MetadataItem[] {
  const text = typeof packet === 'string' ? packet : latin1(packet);
  const items: MetadataItem[] = [];
  for (const rule of PROPERTY_RULES) {
    if (rule.pattern.test(text)) items.push(withOffset({ category: rule.category, label: rule.label }, offset));
  }
  if (items.length === 0) items.push(withOffset({ category: 'other', label: 'XMP packet' }, offset));
  return items;
}

function withOffset(item: { category: Category; label: string }, offset: number | undefined): MetadataItem {
  return offset === undefined ? item : { ...item, offset };
}

function latin1(bytes: Uint8Array): string {
  // XMP is UTF-8; property names are ASCII, so a Latin-1 view is enough to find them.
  let text = '';
  const chunk = 0x8000;
  for (let at = 0; at < bytes.length; at += chunk) text += String.fromCharCode(...bytes.subarray(at, at + chunk));
  return text;
}
