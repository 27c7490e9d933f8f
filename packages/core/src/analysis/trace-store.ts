/**
 * Dense location trails in typed arrays. A Google Records.json of 1 GB holds several million
 * samples; as objects they would take over 100 bytes each, here they take 26: time (Float64),
 * latitude and longitude as integers of 1e-7° (Int32, the same resolution as Google's E7 fields),
 * accuracy (Float32, NaN when unknown), the sample's index in its file (Uint32) and the file
 * (Uint16, an index into `sources`). Chunks of fixed size grow without copying.
 */
import type { LocationPoint, RecordSource } from '../dossier/model.js';

const CHUNK = 65_536;
/** The most distinct trail files one audit keeps apart (a Uint16 index). */
export const MAX_TRACE_SOURCES = 65_535;

interface Chunk {
  readonly time: Float64Array;
  readonly latE7: Int32Array;
  readonly lonE7: Int32Array;
  readonly accuracy: Float32Array;
  readonly index: Uint32Array;
  readonly source: Uint16Array;
}

function newChunk(): Chunk {
  return {
    time: new Float64Array(CHUNK),
    latE7: new Int32Array(CHUNK),
    lonE7: new Int32Array(CHUNK),
    accuracy: new Float32Array(CHUNK),
    index: new Uint32Array(CHUNK),
    source: new Uint16Array(CHUNK),
  };
}

/** Flat, read-only view of one source's samples, in time order. */
export interface TraceView {
  readonly source: RecordSource;
  readonly sourceIndex: number;
  readonly length: number;
  readonly time: Float64Array;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly accuracy: Float32Array;
  readonly index: Uint32Array;
}

export class TraceStore {
  private readonly chunks: Chunk[] = [];
  private count = 0;
  readonly sources: RecordSource[] = [];
  private readonly sourceKeys = new Map<string, number>();
  private readonly perSource: number[] = [];

  get length(): number {
    return this.count;
  }

  /** Bytes held by the arrays (for reports and the memory benchmark). */
  get byteSize(): number {
    return this.chunks.length * CHUNK * 26;
  }

  private lastSource: RecordSource | undefined;
  private lastSourceIndex = 0;

  sourceIndexOf(source: RecordSource): number {
    // Importers pass the same source object for every sample of a file: skip the key building.
    if (source === this.lastSource) return this.lastSourceIndex;
    const key = `${source.platform}\u0000${source.archive}\u0000${source.file}`;
    let index = this.sourceKeys.get(key);
    if (index === undefined) {
      if (this.sources.length >= MAX_TRACE_SOURCES) index = MAX_TRACE_SOURCES - 1;
      else {
        index = this.sources.length;
        this.sources.push({ platform: source.platform, archive: source.archive, file: source.file });
        this.perSource.push(0);
      }
      this.sourceKeys.set(key, index);
    }
    this.lastSource = source;
    this.lastSourceIndex = index;
    return index;
  }

  /** Adds a sample; samples with impossible coordinates or times are dropped (returns false). */
  add(point: LocationPoint, source: RecordSource): boolean {
    const { lat, lon, epochMs } = point;
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && Number.isFinite(epochMs))) return false;
    if (lat === 0 && lon === 0) return false; // "null island": a missing fix, not a place
    const at = this.count % CHUNK;
    if (at === 0) this.chunks.push(newChunk());
    const chunk = this.chunks[this.chunks.length - 1] as Chunk;
    const sourceIndex = this.sourceIndexOf(source);
    chunk.time[at] = epochMs;
    chunk.latE7[at] = Math.round(lat * 1e7);
    chunk.lonE7[at] = Math.round(lon * 1e7);
    chunk.accuracy[at] = point.accuracyM ?? Number.NaN;
    chunk.index[at] = point.index >>> 0;
    chunk.source[at] = sourceIndex;
    this.count++;
    this.perSource[sourceIndex] = (this.perSource[sourceIndex] ?? 0) + 1;
    return true;
  }

  /**
   * One source's samples, sorted by time (a stable sort only when the file was out of order, which
   * Records.json rarely is). Views are built one source at a time so only one flat copy exists.
   */
  view(sourceIndex: number): TraceView {
    const n = this.perSource[sourceIndex] ?? 0;
    const time = new Float64Array(n);
    const lat = new Float64Array(n);
    const lon = new Float64Array(n);
    const accuracy = new Float32Array(n);
    const index = new Uint32Array(n);
    let k = 0;
    let sorted = true;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] as Chunk;
      const end = Math.min(CHUNK, this.count - c * CHUNK);
      for (let i = 0; i < end; i++) {
        if (chunk.source[i] !== sourceIndex) continue;
        const t = chunk.time[i] as number;
        if (k > 0 && t < (time[k - 1] as number)) sorted = false;
        time[k] = t;
        lat[k] = (chunk.latE7[i] as number) / 1e7;
        lon[k] = (chunk.lonE7[i] as number) / 1e7;
        accuracy[k] = chunk.accuracy[i] as number;
        index[k] = chunk.index[i] as number;
        k++;
      }
    }
    const source = this.sources[sourceIndex] as RecordSource;
    if (sorted) return { source, sourceIndex, length: n, time, lat, lon, accuracy, index };
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
    const pick = <T extends Float64Array | Float32Array | Uint32Array>(from: T, to: T): T => {
      for (let i = 0; i < n; i++) to[i] = from[order[i] as number] as number;
      return to;
    };
    return {
      source,
      sourceIndex,
      length: n,
      time: pick(time, new Float64Array(n)),
      lat: pick(lat, new Float64Array(n)),
      lon: pick(lon, new Float64Array(n)),
      accuracy: pick(accuracy, new Float32Array(n)),
      index: pick(index, new Uint32Array(n)),
    };
  }
}
