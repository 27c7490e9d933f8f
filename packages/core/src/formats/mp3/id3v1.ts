/**
 * ID3v1 / ID3v1.1: the last 128 bytes of the file, "TAG" + title 30, artist 30, album 30, year 4,
 * comment 30 (v1.1: 28 + zero + track), genre 1. Enhanced TAG ("TAG+", 227 bytes) sits just
 * before it and extends title/artist/album and adds start and end times.
 */
import type { MetadataItem } from '../../categories.js';

export const ID3V1_BYTES = 128;
export const ID3V1_ENHANCED_BYTES = 227;

export function isId3v1(tail: Uint8Array): boolean {
  return tail.length === ID3V1_BYTES && tail[0] === 0x54 && tail[1] === 0x41 && tail[2] === 0x47;
}

export function isId3v1Enhanced(bytes: Uint8Array): boolean {
  return bytes.length === ID3V1_ENHANCED_BYTES && bytes[0] === 0x54 && bytes[1] === 0x41 && bytes[2] === 0x47 && bytes[3] === 0x2b;
}

function filled(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte !== 0 && byte !== 0x20);
}

export function id3v1Items(tag: Uint8Array, offset: number): MetadataItem[] {
  const fields: [string, number, number, MetadataItem['category']][] = [
    ['title', 3, 30, 'other'], ['artist', 33, 30, 'person'], ['album', 63, 30, 'other'], ['year', 93, 4, 'time'], ['comment', 97, 28, 'other'],
  ];
  const items: MetadataItem[] = fields.filter(([, at, length]) => filled(tag.subarray(at, at + length))).map(([name, at, , category]) => ({ category, label: `ID3v1 ${name}`, offset: offset + at }));
  return items.length > 0 ? items : [{ category: 'other', label: 'ID3v1 tag (empty fields)', offset }];
}
