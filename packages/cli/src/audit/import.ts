/**
 * The seam to the importers: paths in, records/points/issues out through an ImportSink. The
 * importers' `importExports` is looked up at run time, so this file is the only place to change when
 * its signature settles.
 */
import { stat } from 'node:fs/promises';
import * as core from '@lowprofile/core';
import type { ImportSink } from '@lowprofile/core';

type ImportExports = (paths: readonly string[], sink: ImportSink) => Promise<unknown>;

export async function importPaths(paths: readonly string[], sink: ImportSink): Promise<void> {
  const existing: string[] = [];
  for (const path of paths) {
    try {
      await stat(path);
      existing.push(path);
    } catch {
      sink.issue({ archive: path, file: '', reason: 'not found' });
    }
  }
  const importer = (core as unknown as Record<string, unknown>)['importExports'];
  if (typeof importer !== 'function') {
    for (const path of existing) sink.issue({ archive: path, file: '', reason: 'this build has no export importers yet' });
    return;
  }
  await (importer as ImportExports)(existing, sink);
}
