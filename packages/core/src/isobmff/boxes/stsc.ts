/** `stsc`: sample-to-chunk runs (first_chunk, samples_per_chunk, sample_description_index). */
import { MAX_ISOBMFF_TABLE_ENTRIES } from '../../bytes/limits.js';
import { ByteView, checkedLength } from '../../bytes/view.js';

export interface ChunkRun {
  readonly firstChunk: number;
  readonly samplesPerChunk: number;
}

export function readChunkRuns(payload: Uint8Array, offset: number): ChunkRun[] {
  const view = new ByteView(payload);
  const max = Math.min(MAX_ISOBMFF_TABLE_ENTRIES, Math.floor(Math.max(0, payload.length - 8) / 12));
  const n = checkedLength(view.u32be(4), { max, what: 'stsc entry count', offset });
  const runs: ChunkRun[] = [];
  for (let index = 0; index < n; index++) runs.push({ firstChunk: view.u32be(8 + index * 12), samplesPerChunk: view.u32be(12 + index * 12) });
  return runs;
}
