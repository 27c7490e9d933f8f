/**
 * `udta` user data atoms and QuickTime metadata keys, classified. Every atom in `udta` is metadata
 * (the whole box is dropped); the classification only says what it revealed.
 */
import type { Category } from '../../categories.js';

const USER_DATA: Record<string, Category> = {
  '\xa9xyz': 'location', loci: 'location', GPMF: 'location', '\xa9mak': 'device', '\xa9mod': 'device', CAME: 'device',
  LENS: 'device', FIRM: 'device', MUID: 'device', BCID: 'device', GUMI: 'device', SETT: 'device', '\xa9swr': 'software',
  '\xa9too': 'software', '\xa9enc': 'software', '\xa9day': 'time', '\xa9ART': 'person', '\xa9aut': 'person', auth: 'person',
  perf: 'person', '\xa9wrt': 'person', cprt: 'person', '\xa9cpy': 'person', '\xa9nam': 'other', '\xa9cmt': 'other',
  '\xa9des': 'other', titl: 'other', dscp: 'other', covr: 'thumbnail', thmb: 'thumbnail',
};

export function userDataCategory(type: string): Category {
  return USER_DATA[type] ?? 'other';
}

export function keyCategory(key: string): Category {
  const name = key.toLowerCase();
  if (/location|iso6709|gps|latitude|longitude/.test(name)) return 'location';
  if (/date|time/.test(name)) return 'time';
  if (/make|model|manufacturer|camera|lens|serial|device|focal/.test(name)) return 'device';
  if (/software|version|encoder|firmware/.test(name)) return 'software';
  if (/author|artist|owner|copyright|user|face|person/.test(name)) return 'person';
  return 'other';
}
