/**
 * Classifies the metadata boxes found in a movie or an image file (`udta`, `meta` with
 * `keys`/`ilst`, `uuid`), for the report and for verification. They are dropped whole; this only
 * says what they revealed. A box we cannot read is still reported (as 'other'), never skipped.
 */
import type { MetadataItem } from '../categories.js';
import { isFormatError } from '../issues.js';
import { classifyXmp } from '../payloads/xmp.js';
import { payloadStart, printable, walkChildren, type Box } from './box.js';
import { readKeys } from './boxes/keys.js';
import { metaChildrenStart } from './boxes/meta.js';
import { keyCategory, userDataCategory } from './boxes/udta.js';
import { describeUuid, XMP_UUID } from './boxes/uuid.js';
import type { BoxData } from './tree.js';

export function classifyMetadataBox(data: BoxData, box: Box, where: string, depth: number): MetadataItem[] {
  try {
    switch (box.type) {
      case 'udta':
        return classifyUserData(data, box, where, depth);
      case 'meta':
        return classifyMeta(data, box, where, depth);
      case 'uuid':
        if (box.uuid === XMP_UUID) return classifyXmp(data.payload(box), box.start).map((item) => ({ ...item, label: `${item.label} (${where} uuid)` }));
        return [{ category: 'other', label: `${describeUuid(box.uuid)} in ${where}`, offset: box.start }];
      default:
        return [{ category: 'other', label: `'${printable(box.type)}' box in ${where}`, offset: box.start }];
    }
  } catch (error) {
    if (!isFormatError(error)) throw error;
    return [{ category: 'other', label: `unreadable '${printable(box.type)}' box in ${where}`, offset: box.start }];
  }
}

function classifyUserData(data: BoxData, box: Box, where: string, depth: number): MetadataItem[] {
  const { children } = walkChildren(data.bytes, data.base, payloadStart(box), box.end, depth + 1);
  const items: MetadataItem[] = [];
  for (const child of children) {
    if (child.type === 'meta' || child.type === 'uuid') items.push(...classifyMetadataBox(data, child, `${where}/udta`, depth + 1));
    else items.push({ category: userDataCategory(child.type), label: `user data '${printable(child.type)}' (${where}/udta)`, offset: child.start });
  }
  return items;
}

function classifyMeta(data: BoxData, box: Box, where: string, depth: number): MetadataItem[] {
  const start = metaChildrenStart(data.payload(box), payloadStart(box));
  const { children } = walkChildren(data.bytes, data.base, start, box.end, depth + 1);
  const items: MetadataItem[] = [];
  for (const child of children) {
    if (child.type === 'keys') {
      for (const key of readKeys(data.payload(child), child.start)) items.push({ category: keyCategory(key), label: `QuickTime key ${key} (${where}/meta)`, offset: child.start });
    } else if (child.type === 'ilst') {
      const list = walkChildren(data.bytes, data.base, payloadStart(child), child.end, depth + 2).children;
      // With `keys`, ilst item types are 1-based key indices; without, they are iTunes atoms (©nam, ©ART, covr…).
      if (!children.some((other) => other.type === 'keys')) for (const item of list) items.push({ category: userDataCategory(item.type), label: `iTunes-style tag '${printable(item.type)}' (${where}/meta/ilst)`, offset: item.start });
    } else if (child.type === 'xml ' || child.type === 'XMP_') {
      items.push({ category: 'other', label: `XML metadata '${child.type}' (${where}/meta)`, offset: child.start });
    } else if (child.type !== 'hdlr' && child.type !== 'free') {
      items.push({ category: 'other', label: `'${printable(child.type)}' in ${where}/meta`, offset: child.start });
    }
  }
  if (items.length === 0) items.push({ category: 'other', label: `metadata box (${where}/meta)`, offset: box.start });
  return items;
}
