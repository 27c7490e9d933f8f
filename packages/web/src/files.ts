/**
 * Turns what a person dropped or picked (files, folders, zips) into a flat list of files with
 * their relative paths. Folders are walked with the entries API; zips are opened lazily with
 * core's zip reader over `Blob.slice`, loaded only when a zip shows up.
 */
export interface InputFile {
  readonly file: File;
  /** Relative path, for display and for names inside a downloaded zip. */
  readonly path: string;
}

export async function fromDataTransfer(transfer: DataTransfer): Promise<InputFile[]> {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(transfer.items)) {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry() : null;
    if (entry !== null) entries.push(entry);
  }
  if (entries.length === 0) return fromFileList(transfer.files);
  const out: InputFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}

async function walk(entry: FileSystemEntry, out: InputFile[]): Promise<void> {
  const path = entry.fullPath.replace(/^\//, '');
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, path });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns batches (about 100 at a time in Chromium) until an empty one.
  while (true) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}

export function fromFileList(list: FileList | null): InputFile[] {
  return Array.from(list ?? []).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

export async function isZip(file: Blob): Promise<boolean> {
  if (file.size < 4) return false;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/**
 * Replaces each zip in the list by the files inside it (folders inside zips become path prefixes).
 * Zips are read through `Blob.slice` (see zip-input.ts), never loaded whole.
 */
export async function expandZips(inputs: readonly InputFile[], onError: (path: string) => void): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of inputs) {
    if (!(await isZip(input.file))) {
      out.push(input);
      continue;
    }
    try {
      const { zipMembers } = await import('./zip-input.js');
      out.push(...(await zipMembers(input.file, input.path, onError)));
    } catch {
      onError(input.path);
    }
  }
  return out;
}
