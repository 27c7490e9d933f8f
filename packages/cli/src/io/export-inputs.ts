import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import type { ImportInput, VirtualFile } from '@lowprofile/core';
import { openFileSource, type FileSource } from './file-source.js';
import { findFiles } from './find-files.js';

export interface ExportInputs {
  readonly inputs: ImportInput[];
  /** Paths that could not be used (not found, symbolic links, …). */
  readonly skipped: { path: string; reason: string }[];
  close(): Promise<void>;
}

const toPosix = (path: string): string => path.split(sep).join('/');

function virtualFile(path: string, name: string, size: number): VirtualFile {
  return {
    path: name,
    size,
    stream: () => createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Uint8Array>,
    read: async () => new Uint8Array(await readFile(path)),
    // Random access for readers that seek (a video's moov at its end): the file is opened per read,
    // so thousands of folder files hold no descriptors open.
    source: {
      size,
      async read(offset, length) {
        const start = Math.min(Math.max(0, offset), size);
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - start)));
        const handle = await open(path, 'r');
        try {
          let filled = 0;
          while (filled < buffer.length) {
            const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, start + filled);
            if (bytesRead === 0) break;
            filled += bytesRead;
          }
          return buffer.subarray(0, filled);
        } finally {
          await handle.close();
        }
      },
    },
  };
}

/**
 * Turns the paths a person gives (`lowprofile audit takeout-001.zip takeout-002.zip instagram/`)
 * into importer inputs: each `.zip` becomes a zip input read through a file handle (never loaded
 * whole; zips inside a folder too), each folder one input of its other files, each other file an
 * input of its own. Symbolic links are not followed.
 */
export async function openExportInputs(paths: readonly string[]): Promise<ExportInputs> {
  const inputs: ImportInput[] = [];
  const handles: FileSource[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const openZip = async (path: string, name: string): Promise<void> => {
    const source = await openFileSource(path);
    handles.push(source);
    inputs.push({ kind: 'zip', name, source });
  };
  for (const arg of paths) {
    let info;
    try {
      info = await stat(arg);
    } catch {
      skipped.push({ path: arg, reason: 'not found' });
      continue;
    }
    if (info.isFile()) {
      if (/\.zip$/i.test(arg)) await openZip(arg, basename(arg));
      else inputs.push({ kind: 'files', name: basename(arg), files: [virtualFile(arg, basename(arg), info.size)] });
      continue;
    }
    const found = await findFiles([arg]);
    skipped.push(...found.skipped);
    const files: VirtualFile[] = [];
    for (const file of found.files) {
      const name = toPosix(file.relativeName);
      if (/\.zip$/i.test(name)) {
        await openZip(file.path, `${basename(arg)}/${name}`);
        continue;
      }
      const size = (await stat(file.path)).size;
      files.push(virtualFile(file.path, name, size));
    }
    if (files.length > 0) inputs.push({ kind: 'files', name: toPosix(relative(process.cwd(), arg) || basename(arg)), files });
  }
  return {
    inputs,
    skipped,
    close: async () => {
      await Promise.all(handles.map((h) => h.close()));
    },
  };
}
