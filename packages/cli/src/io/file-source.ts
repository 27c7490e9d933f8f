import { open, type FileHandle } from 'node:fs/promises';
import type { ByteSource } from '@lowprofile/core';

/** A ByteSource over an open file, for files too large to load whole (videos, big exports). */
export interface FileSource extends ByteSource {
  readonly handle: FileHandle;
  close(): Promise<void>;
}

export async function openFileSource(path: string): Promise<FileSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    handle,
    size,
    async read(offset, length) {
      const start = Math.min(offset, size);
      const wanted = Math.max(0, Math.min(length, size - start));
      const buffer = new Uint8Array(wanted);
      let filled = 0;
      while (filled < wanted) {
        const { bytesRead } = await handle.read(buffer, filled, wanted - filled, start + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === wanted ? buffer : buffer.subarray(0, filled);
    },
    close: () => handle.close(),
  };
}
