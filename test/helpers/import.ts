import type { DossierRecord, ImportIssue, ImportSummary, LocationPoint, RecordSource } from '@lowprofile/core';
import { importExports } from '@lowprofile/core';
import { openExportInputs } from '../../packages/cli/src/io/export-inputs.js';

export interface Imported {
  summary: ImportSummary;
  records: DossierRecord[];
  points: { point: LocationPoint; source: RecordSource }[];
  issues: ImportIssue[];
}

/** Imports paths the way the CLI will (zips through file handles, folders as virtual files). */
export async function importPaths(paths: readonly string[]): Promise<Imported> {
  const { inputs, close } = await openExportInputs(paths);
  const records: DossierRecord[] = [];
  const points: { point: LocationPoint; source: RecordSource }[] = [];
  const issues: ImportIssue[] = [];
  try {
    const summary = await importExports(inputs, { record: (r) => records.push(r), point: (point, source) => points.push({ point, source }), issue: (i) => issues.push(i) });
    return { summary, records, points, issues };
  } finally {
    await close();
  }
}
