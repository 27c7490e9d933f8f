/**
 * Members of a dropped zip as Files, without expanding the archive in memory: core's reader finds
 * the central directory through `Blob.slice` reads, a STORED member (photos and videos usually
 * are) becomes a slice of the zip itself, and a deflated one is inflated as a stream into a Blob
 * that is handed to the browser's blob store every 32 MB, so a 2 GB member is never one buffer.
 * Loaded only when a zip is dropped on "Clean photos and videos".
 */
import { readZipDirectory, zipEntryChunks, type ZipEntry } from '@lowprofile/core';
import type { InputFile } from './files.js';
import { blobSource } from './work/blob-source.js';

/** Inflated bytes kept in the page before they become one Blob part. */
const FOLD_BYTES = 32 * 1024 * 1024;

export async function zipMembers(zip: Blob, path: string, onError: (path: string) => void): Promise<InputFile[]> {
  const source = blobSource(zip);
  const { entries, refused } = await readZipDirectory(source);
  for (const entry of refused) onError(`${path}/${entry.name}`);
  const out: InputFile[] = [];
  for (const entry of entries) {
    if (entry.isDirectory || entry.name.startsWith('__MACOSX/')) continue;
    try {
      const blob = entry.method === 0 ? await storedSlice(zip, entry) : await inflated(source, entry);
      out.push({ file: new File([blob], entry.name.split('/').pop() ?? entry.name), path: `${path}/${entry.name}` });
    } catch {
      onError(`${path}/${entry.name}`);
    }
  }
  return out;
}

async function storedSlice(zip: Blob, entry: ZipEntry): Promise<Blob> {
  const header = new Uint8Array(await zip.slice(entry.localHeaderOffset, entry.localHeaderOffset + 30).arrayBuffer());
  const view = new DataView(header.buffer);
  if (header.length < 30 || view.getUint32(0, true) !== 0x04034b50) throw new Error(`no local header for ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (start + entry.size > zip.size) throw new Error(`${entry.name} runs past the end of the zip`);
  return zip.slice(start, start + entry.size);
}

async function inflated(source: ReturnType<typeof blobSource>, entry: ZipEntry): Promise<Blob> {
  let parts: BlobPart[] = [];
  let pending = 0;
  for await (const chunk of zipEntryChunks(source, entry)) {
    parts.push(chunk as Uint8Array<ArrayBuffer>);
    pending += chunk.length;
    if (pending >= FOLD_BYTES) {
      parts = [new Blob(parts)];
      pending = 0;
    }
  }
  return new Blob(parts);
}
