/**
 * Turns what a person dropped or picked (files, folders, zips) into a flat list of files with
 * their relative paths. Folders are walked with the entries API; zips are opened lazily with
 * fflate, loaded only when a zip shows up.
 */
export interface InputFile {
  readonly file: File;
  /** Relative path, for display and for names inside a downloaded zip. */
  readonly path: string;
}

/** Zip archives above this are not expanded in the page (fflate holds the archive in memory). */
const MAX_ZIP_BYTES = 1024 * 1024 * 1024;

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

/** Replaces each zip in the list by the files inside it. Folders inside zips become path prefixes. */
export async function expandZips(inputs: readonly InputFile[], onError: (path: string) => void): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of inputs) {
    if (!(await isZip(input.file)) || input.file.size > MAX_ZIP_BYTES) {
      out.push(input);
      continue;
    }
    try {
      const { unzip } = await import('fflate');
      const bytes = new Uint8Array(await input.file.arrayBuffer());
      const files = await new Promise<Record<string, Uint8Array>>((resolve, reject) => unzip(bytes, (error, data) => (error ? reject(error) : resolve(data))));
      for (const [name, data] of Object.entries(files)) {
        if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
        const base = name.split('/').pop() ?? name;
        out.push({ file: new File([data as Uint8Array<ArrayBuffer>], base), path: `${input.path}/${name}` });
      }
    } catch {
      onError(input.path);
    }
  }
  return out;
}
