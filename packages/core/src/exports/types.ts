/** The public shapes of `importExports`: what the person gives, what comes back. */
import type { ByteSource } from '../bytes/source.js';
import type { Platform } from '../dossier/model.js';
import type { ZipLimits } from '../archive/zip.js';

/** The minimal WHATWG ReadableStream reader shape (core's TypeScript lib has no DOM types). */
export interface ReadableStreamLike {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>; releaseLock(): void };
}

/** One file of a folder (or a single file) given by the person. The CLI builds these over the file system, the web app over File objects. */
export interface VirtualFile {
  /** '/'-separated path relative to the folder given (just the name for a single file). */
  readonly path: string;
  readonly size: number;
  stream(): AsyncIterable<Uint8Array> | ReadableStreamLike;
  read(): Promise<Uint8Array>;
  /** Random access (optional): when present, a `.zip` file inside a folder is opened as an archive without copying it. */
  readonly source?: ByteSource;
}

/** A named archive given by the person: a zip, or a folder/single file. */
export type ImportInput =
  | { readonly kind: 'zip'; readonly name: string; readonly source: ByteSource }
  | { readonly kind: 'files'; readonly name: string; readonly files: readonly VirtualFile[] };

export interface ImportOptions {
  readonly zipLimits?: Partial<ZipLimits>;
  /** Open `.zip` files found inside folders as archives (default true). */
  readonly openNestedZips?: boolean;
  /** Checked between files and every few thousand items. */
  readonly signal?: { readonly aborted: boolean };
}

export interface PlatformSummary {
  /** Files read for this platform. */
  files: number;
  records: number;
  points: number;
}

export interface ImportSummary {
  readonly inputs: number;
  /** Files seen in all inputs (zip entries and folder files). */
  readonly filesSeen: number;
  /** Files an importer read. */
  readonly filesRead: number;
  readonly records: number;
  readonly points: number;
  readonly issues: number;
  readonly platforms: Partial<Record<Platform, PlatformSummary>>;
  /** Files that no importer recognised (reported in the summary only, not as issues). */
  readonly unrecognised: number;
  /** Plain-words notes on what was not read (e.g. videos' own metadata), for "could not determine". */
  readonly notes: readonly string[];
}
