import { lstat, readdir } from 'node:fs/promises';
import { join, relative, basename } from 'node:path';

export interface FoundFile {
  /** Absolute or as-given path to read. */
  readonly path: string;
  /** Name relative to the argument it was found under (the basename for a file argument). */
  readonly relativeName: string;
}

/** Hard stop against pathological trees. */
const MAX_FILES_PER_RUN = 1_000_000;

/**
 * Expands file and directory arguments into regular files, sorted for stable output. Symbolic
 * links are not followed (a link can point outside the tree or form a loop); they are listed as
 * skipped so the person knows.
 */
export async function findFiles(args: readonly string[]): Promise<{ files: FoundFile[]; skipped: { path: string; reason: string }[] }> {
  const files: FoundFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const arg of args) {
    let info;
    try {
      info = await lstat(arg);
    } catch {
      skipped.push({ path: arg, reason: 'not found' });
      continue;
    }
    if (info.isFile()) files.push({ path: arg, relativeName: basename(arg) });
    else if (info.isDirectory()) await walk(arg, arg, files, skipped);
    else skipped.push({ path: arg, reason: info.isSymbolicLink() ? 'symbolic link (not followed)' : 'not a regular file' });
  }
  return { files, skipped };
}

async function walk(root: string, directory: string, files: FoundFile[], skipped: { path: string; reason: string }[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) await walk(root, path, files, skipped);
    else if (entry.isFile()) {
      if (files.length >= MAX_FILES_PER_RUN) throw new Error(`more than ${MAX_FILES_PER_RUN} files`);
      files.push({ path, relativeName: relative(root, path) });
    } else skipped.push({ path, reason: entry.isSymbolicLink() ? 'symbolic link (not followed)' : 'not a regular file' });
  }
}
