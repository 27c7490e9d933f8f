/**
 * What every importer works with: the files of one export (from zips and folders, merged), and a
 * context that reads them with limits, streams JSON, builds record sources and counts what goes
 * to the sink.
 */
import type { ByteSource } from '../bytes/source.js';
import type { DossierRecord, ImportSink, LocationPoint, Platform, RecordSource } from '../dossier/model.js';
import { isFormatError } from '../issues.js';
import { MAX_TEXT_FILE_BYTES, MAX_WHOLE_JSON_BYTES } from '../bytes/limits.js';
import { JsonSplitter, type JsonValueHandler } from './json-stream.js';
import { decodeUtf8, fixMojibakeDeep, utf8Decoder } from './text.js';
import type { PlatformSummary } from './types.js';

/** One file of an input, whatever it came from. */
export interface ExportFile {
  /** Name of the input (zip or folder) as the person gave it. */
  readonly archive: string;
  /** '/'-separated path inside the input. */
  readonly path: string;
  readonly size: number;
  chunks(): AsyncIterable<Uint8Array>;
  /** Random access, when the input allows it (folder files with a source, stored zip entries). */
  readonly source?: ByteSource | undefined;
}

/** A file with its path relative to the export's detected root (e.g. `data/tweets.js`). */
export interface RootedFile extends ExportFile {
  readonly rel: string;
}

export class ImportStopped extends Error {}

/** A record as importers build it: optional fields may be undefined. */
export type RecordInput = { readonly kind: DossierRecord['kind']; readonly source: RecordSource; readonly id?: string | undefined } & {
  readonly [K in Exclude<keyof DossierRecord, 'kind' | 'source' | 'id'>]?: DossierRecord[K] | undefined;
};

/** A UTC time, or undefined. */
export function utc(epochMs: number | undefined): { epochMs: number; basis: 'utc' } | undefined {
  return epochMs === undefined ? undefined : { epochMs, basis: 'utc' };
}

export class ImportContext {
  readonly platforms: Partial<Record<Platform, PlatformSummary>> = {};
  records = 0;
  points = 0;
  issues = 0;
  filesRead = 0;
  private sinceCheck = 0;
  private readonly ids = new Set<string>();

  constructor(readonly sink: ImportSink, private readonly signal?: { readonly aborted: boolean }) {}

  private stats(platform: Platform): PlatformSummary {
    let entry = this.platforms[platform];
    if (!entry) {
      entry = { files: 0, records: 0, points: 0 };
      this.platforms[platform] = entry;
    }
    return entry;
  }

  checkAbort(): void {
    if (this.signal?.aborted) throw new ImportStopped('import stopped');
  }

  /** Files a platform importer took (the rest of its folder is offered to the generic importers). */
  readonly claimed = new Set<string>();

  fileRead(platform: Platform, file?: ExportFile): void {
    if (file) this.claimed.add(`${file.archive}\0${file.path}`);
    this.filesRead++;
    this.stats(platform).files++;
  }

  source(platform: Platform, file: ExportFile, itemId?: string | number): RecordSource {
    return itemId === undefined ? { platform, archive: file.archive, file: file.path } : { platform, archive: file.archive, file: file.path, itemId: String(itemId) };
  }

  /**
   * Delivers a record; `id` is derived from the source. Optional fields may be passed as
   * `undefined` (or empty arrays/strings): they are dropped, so records carry only what exists.
   */
  record(input: RecordInput): void {
    const { source } = input;
    let id = input.id ?? `${source.platform}:${source.file}:${source.itemId ?? this.records}`;
    // Two inputs can hold the same relative path (two photo folders with IMG_0001.jpg, an export
    // given twice): ids stay unique by naming the archive too.
    if (this.ids.has(id)) id = `${source.platform}:${source.archive}/${source.file}:${source.itemId ?? this.records}`;
    for (let n = 2; this.ids.has(id); n++) id = `${id}#${n}`;
    this.ids.add(id);
    const record: Record<string, unknown> = { id };
    for (const [key, value] of Object.entries(input)) {
      if (key === 'id') continue;
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      record[key] = value;
    }
    this.sink.record(record as unknown as DossierRecord);
    this.records++;
    this.stats(source.platform).records++;
    if (++this.sinceCheck >= 4096) {
      this.sinceCheck = 0;
      this.checkAbort();
    }
  }

  point(point: LocationPoint, source: RecordSource): void {
    this.sink.point(point, source);
    this.points++;
    this.stats(source.platform).points++;
    if (++this.sinceCheck >= 65536) {
      this.sinceCheck = 0;
      this.checkAbort();
    }
  }

  issue(file: { readonly archive: string; readonly path: string }, reason: string): void {
    this.sink.issue({ archive: file.archive, file: file.path, reason });
    this.issues++;
  }

  /** Runs one file's import; a failure becomes an issue and the import goes on. */
  async guard(file: ExportFile, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof ImportStopped) throw error;
      this.issue(file, describeError(error));
    }
  }

  async bytes(file: ExportFile, max = MAX_TEXT_FILE_BYTES): Promise<Uint8Array> {
    if (file.size > max) throw new Error(`${file.size} bytes is more than this importer reads whole (${max})`);
    const parts: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of file.chunks()) {
      length += chunk.length;
      if (length > max) throw new Error(`more than ${max} bytes`);
      parts.push(chunk);
    }
    if (parts.length === 1) return parts[0]!;
    const out = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  /** The first `n` bytes (or fewer), reading no more of the file than needed. */
  async head(file: ExportFile, n: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of file.chunks()) {
      parts.push(chunk);
      length += chunk.length;
      if (length >= n) break;
    }
    const out = new Uint8Array(Math.min(n, length));
    let at = 0;
    for (const part of parts) {
      const take = Math.min(part.length, out.length - at);
      out.set(part.subarray(0, take), at);
      at += take;
      if (at >= out.length) break;
    }
    return out;
  }

  async text(file: ExportFile, max = MAX_TEXT_FILE_BYTES): Promise<string> {
    return decodeUtf8(await this.bytes(file, max));
  }

  /** Parses a whole JSON file (up to MAX_WHOLE_JSON_BYTES). `meta` re-decodes Meta's mojibake. */
  async json(file: ExportFile, options: { meta?: boolean } = {}): Promise<unknown> {
    const value: unknown = JSON.parse(await this.text(file, MAX_WHOLE_JSON_BYTES));
    return options.meta ? fixMojibakeDeep(value) : value;
  }

  /** Streams a JSON file, handing over the values at `paths` (see JsonSplitter). */
  async streamJson(file: ExportFile, paths: readonly string[], onValue: JsonValueHandler, options: { meta?: boolean } = {}): Promise<void> {
    let itemErrors = 0;
    const splitter = new JsonSplitter({
      paths,
      onItemError: (path, index, reason) => {
        if (itemErrors++ < 20) this.issue(file, `${path} item ${index}: ${reason}`);
      },
    }, options.meta ? (path, value, index) => onValue(path, fixMojibakeDeep(value), index) : onValue);
    const decoder = utf8Decoder();
    let done = 0;
    let lastReport = 0;
    for await (const chunk of file.chunks()) {
      splitter.push(decoder.decode(chunk, { stream: true }));
      done += chunk.length;
      if (this.sink.progress && done - lastReport >= 8 * 1024 * 1024) {
        lastReport = done;
        this.sink.progress(file.path, done, file.size);
        this.checkAbort();
      }
    }
    splitter.push(decoder.decode());
    this.sink.progress?.(file.path, done, file.size);
    splitter.end();
  }
}

export function describeError(error: unknown): string {
  if (isFormatError(error)) return error.message;
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
