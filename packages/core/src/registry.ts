/**
 * The format registry. Each format is a module that says how to recognise its bytes, how to list
 * the metadata it holds (`inspect`) and how to write a clean copy (`scrub`). Shared code asks the
 * registry; it never switches on a format name. Adding a format means adding a module to
 * `formats/index.ts`.
 */
import type { ByteSource, OutputPiece } from './bytes/source.js';
import type { MetadataItem } from './categories.js';
import type { Issue } from './issues.js';

export type SniffConfidence = 'confident' | 'imprecise';
export type MediaFamily = 'photo' | 'video' | 'audio' | 'document';

export interface ScrubOptions {
  /** Keep the ICC colour profile (default true): dropping it can change how colours display. */
  readonly keepColourProfile: boolean;
}

export const DEFAULT_SCRUB_OPTIONS: ScrubOptions = { keepColourProfile: true };

/**
 * Files a colour profile's items under `kept` or `removed`, as the option says, and tells the
 * caller whether to write the profile's bytes.
 */
export function keepsColourProfile(options: ScrubOptions, items: readonly MetadataItem[], kept: MetadataItem[], removed: MetadataItem[]): boolean {
  (options.keepColourProfile ? kept : removed).push(...items);
  return options.keepColourProfile;
}

export interface Inspection {
  /** Every piece of metadata found, classified. */
  readonly items: readonly MetadataItem[];
  /** Parts of the file that could not be read; a file with issues is never reported clean. */
  readonly issues: readonly Issue[];
}

export interface ScrubOutput {
  /** The clean file, as new bytes and verbatim ranges of the input. */
  readonly pieces: readonly OutputPiece[];
  /** Metadata the clean file no longer has. */
  readonly removed: readonly MetadataItem[];
  /** Metadata the clean file still has on purpose (orientation, colour profile, comments kept for review…). */
  readonly kept: readonly MetadataItem[];
  /** Plain-language remarks for the report (e.g. "re-encoded", "kept 2 tracked changes"). */
  readonly notes: readonly string[];
}

export interface FormatModule {
  /** Stable id used in reports: 'jpeg', 'png', 'mp4', … */
  readonly id: string;
  /** Name shown to people: 'JPEG', 'PNG', … */
  readonly label: string;
  readonly family: MediaFamily;
  readonly mediaType: string;
  /** Usual extensions, for naming only: detection never looks at a file name. */
  readonly extensions: readonly string[];
  /** Looks at the first bytes (up to SNIFF_HEAD_BYTES) and the total size. */
  sniff(head: Uint8Array, size: number): SniffConfidence | undefined;
  inspect(source: ByteSource): Promise<Inspection>;
  scrub(source: ByteSource, options: ScrubOptions): Promise<ScrubOutput>;
  /**
   * Categories that this format may legitimately keep after a scrub beyond orientation and colour
   * profile (e.g. 'person' for document comments kept for review). Verification allows them only
   * when the scrub also listed them in `kept`.
   */
  readonly reviewableCategories?: readonly MetadataItem['category'][];
}

/** Picks the first confident match, else the first imprecise one, in registry order. */
export function detectFormat(formats: readonly FormatModule[], head: Uint8Array, size: number): FormatModule | undefined {
  let fallback: FormatModule | undefined;
  for (const format of formats) {
    const confidence = format.sniff(head, size);
    if (confidence === 'confident') return format;
    if (confidence === 'imprecise' && fallback === undefined) fallback = format;
  }
  return fallback;
}
