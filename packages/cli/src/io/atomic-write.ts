import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { inMemoryBytes, type ByteSource, type OutputPiece } from '@lowprofile/core';

/** Bytes copied per read when streaming a `copy` piece from the input (bounded memory for video). */
const STREAM_COPY_CHUNK_BYTES = 4 * 1024 * 1024;

/** A temporary sibling of `target`, so the final rename stays on one file system and is atomic. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.lowprofile-${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes the pieces to a new temporary file. Copy pieces are taken from `input` in bounded chunks,
 * or straight from memory when the source is an in-memory array. Returns the temporary path; the
 * caller verifies it and then calls `commitTemporary` or `discardTemporary`.
 */
export async function writePiecesToTemporary(target: string, pieces: readonly OutputPiece[], input: ByteSource): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = temporaryPathFor(target);
  const handle = await open(temporary, 'wx', 0o644);
  try {
    const inMemory = inMemoryBytes(input);
    const buffers: Uint8Array[] = [];
    for (const piece of pieces) {
      if (piece.kind === 'bytes') buffers.push(piece.bytes);
      else if (inMemory !== undefined) buffers.push(inMemory.subarray(piece.offset, piece.offset + piece.length));
      else {
        if (buffers.length > 0) await handle.writev(buffers.splice(0));
        for (let done = 0; done < piece.length; ) {
          const chunk = await input.read(piece.offset + done, Math.min(STREAM_COPY_CHUNK_BYTES, piece.length - done));
          if (chunk.length === 0) throw new Error('input ended while copying');
          await handle.write(chunk);
          done += chunk.length;
        }
      }
    }
    // writev takes at most IOV_MAX buffers per call; Node splits larger batches itself.
    if (buffers.length > 0) await handle.writev(buffers);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  return temporary;
}

/** Writes one in-memory buffer to a new temporary sibling of `target`; returns its path. */
export async function writeBytesToTemporary(target: string, bytes: Uint8Array, directoryReady = false): Promise<string> {
  if (!directoryReady) await mkdir(dirname(target), { recursive: true });
  const temporary = temporaryPathFor(target);
  const handle = await open(temporary, 'wx', 0o644);
  try {
    for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  return temporary;
}

export async function commitTemporary(temporary: string, target: string): Promise<void> {
  await rename(temporary, target);
}

export async function discardTemporary(temporary: string): Promise<void> {
  await rm(temporary, { force: true });
}
