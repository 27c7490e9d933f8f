/**
 * Saving results. Small outputs go through an ordinary download (a Blob URL on an <a download>).
 * Large ones use the File System Access API where the browser has it, streaming the Blob to disk;
 * elsewhere the Blob itself is the chunked assembly: its parts are slices of the original file, so
 * the browser reads them from disk while downloading instead of holding a second copy in memory.
 */

/** Above this, ask for a place to save and stream to it, when the browser can. */
const STREAM_TO_DISK_BYTES = 512 * 1024 * 1024;

interface SavePickerWindow {
  showSaveFilePicker?: (options: { suggestedName: string }) => Promise<{ createWritable(): Promise<WritableStream<Uint8Array>> }>;
}

export function canStreamToDisk(): boolean {
  return typeof (window as SavePickerWindow).showSaveFilePicker === 'function';
}

export async function saveBlob(blob: Blob, name: string): Promise<void> {
  const picker = (window as SavePickerWindow).showSaveFilePicker;
  if (blob.size >= STREAM_TO_DISK_BYTES && picker !== undefined) {
    try {
      const handle = await picker.call(window, { suggestedName: name });
      await blob.stream().pipeTo(await handle.createWritable());
      return;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      // Fall through to an ordinary download.
    }
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: the download reads from the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface ZipEntry {
  readonly path: string;
  readonly blob: Blob;
}

/**
 * Writes a zip of already-compressed media without recompressing (stored entries), streaming each
 * Blob through fflate. Output goes to disk through the File System Access API for big sets, else
 * into a Blob made of the emitted chunks.
 */
export async function saveZip(entries: readonly ZipEntry[], name: string): Promise<void> {
  const { Zip, ZipPassThrough } = await import('fflate');
  const total = entries.reduce((sum, entry) => sum + entry.blob.size, 0);
  const picker = (window as SavePickerWindow).showSaveFilePicker;
  let writer: WritableStreamDefaultWriter<Uint8Array> | undefined;
  if (total >= STREAM_TO_DISK_BYTES && picker !== undefined) {
    try {
      writer = (await (await picker.call(window, { suggestedName: name })).createWritable()).getWriter();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
    }
  }
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let pending: Promise<void> = Promise.resolve();
  const done = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      if (writer !== undefined) pending = pending.then(() => writer.write(chunk));
      else chunks.push(chunk as Uint8Array<ArrayBuffer>);
      if (final) resolve();
    });
    void (async () => {
      try {
        const used = new Set<string>();
        for (const entry of entries) {
          const file = new ZipPassThrough(uniqueName(entry.path, used));
          zip.add(file);
          const reader = entry.blob.stream().getReader();
          while (true) {
            const { value, done: finished } = await reader.read();
            if (finished) break;
            file.push(value);
            await pending; // back-pressure when writing to disk
          }
          file.push(new Uint8Array(0), true);
        }
        zip.end();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    })();
  });
  await done;
  if (writer !== undefined) {
    await pending;
    await writer.close();
    return;
  }
  await saveBlob(new Blob(chunks, { type: 'application/zip' }), name);
}

function uniqueName(path: string, used: Set<string>): string {
  let candidate = path;
  for (let n = 2; used.has(candidate); n++) candidate = path.replace(/(\.[^./]*)?$/, (ext) => ` (${n})${ext}`);
  used.add(candidate);
  return candidate;
}
