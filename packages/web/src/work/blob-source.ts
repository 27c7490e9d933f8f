import type { ByteSource } from '@lowprofile/core';

/**
 * A ByteSource over a Blob or File: each read is a `Blob.slice`, so a 2 GB video is never loaded
 * whole; only the ranges a format asks for are read.
 */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    async read(offset, length) {
      const start = Math.min(offset, blob.size);
      const end = Math.min(offset + length, blob.size);
      return new Uint8Array(await blob.slice(start, end).arrayBuffer());
    },
  };
}
