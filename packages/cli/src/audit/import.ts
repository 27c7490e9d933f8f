/**
 * Paths in, records/points/issues out: the person's paths become importer inputs (zips read through
 * file handles, never loaded whole; folders as file lists), then the core importers run.
 */
import { importExports, type ImportSink, type ImportSummary } from '@lowprofile/core';
import { openExportInputs } from '../io/export-inputs.js';

export async function importPaths(paths: readonly string[], sink: ImportSink): Promise<ImportSummary | undefined> {
  const opened = await openExportInputs(paths);
  for (const skipped of opened.skipped) sink.issue({ archive: skipped.path, file: '', reason: skipped.reason });
  try {
    if (opened.inputs.length === 0) return undefined;
    return await importExports(opened.inputs, sink);
  } finally {
    await opened.close();
  }
}
