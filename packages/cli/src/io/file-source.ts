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
      // allocUnsafe: no zero-fill of multi-MB copy chunks; only the filled part is ever returned.
      const buffer = Buffer.allocUnsafe(wanted);
      let filled = 0;
      while (filled < wanted) {
        const { bytesRead } = await handle.read(buffer, filled, wanted - filled, start + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
      return bytes;
    },
    close: () => handle.close(),
  };
}
