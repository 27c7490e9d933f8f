/**
 * What a piece of metadata reveals. Every scrub reports what it removed and what it kept in these
 * terms, and verification checks that no removed kind is still present.
 */
export const CATEGORIES = [
  'location',
  'time',
  'device',
  'person',
  'software',
  'thumbnail',
  'other',
  'orientation',
  'colour-profile',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Categories a clean file may still hold, because rendering needs them. */
export const RENDERING_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['orientation', 'colour-profile']);

/** One piece of metadata found in a file, with where it was. */
export interface MetadataItem {
  readonly category: Category;
  /** Human-readable name of the field or block, e.g. "EXIF GPSLatitude" or "XMP packet". */
  readonly label: string;
  /** Byte offset of the block in the file, when known. */
  readonly offset?: number;
}

export function categoriesOf(items: readonly MetadataItem[]): Category[] {
  const present = new Set(items.map((item) => item.category));
  return CATEGORIES.filter((category) => present.has(category));
}
