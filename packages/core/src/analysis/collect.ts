/** The ImportSink an audit uses: records as objects, trail samples in a TraceStore, issues in a list. */
import type { DossierRecord, ImportIssue, ImportSink, LocationPoint, RecordSource } from '../dossier/model.js';
import { TraceStore } from './trace-store.js';

export interface ProgressListener {
  (file: string, bytesDone: number, bytesTotal: number): void;
}

export class CollectingSink implements ImportSink {
  readonly records: DossierRecord[] = [];
  readonly trace = new TraceStore();
  readonly issues: ImportIssue[] = [];
  /** Samples refused because their coordinates or time were impossible. */
  droppedPoints = 0;
  private readonly seen = new Set<string>();

  constructor(private readonly onProgress?: ProgressListener) {}

  record(record: DossierRecord): void {
    if (this.seen.has(record.id)) return; // the same item delivered twice (multi-part zips)
    this.seen.add(record.id);
    this.records.push(record);
  }

  point(point: LocationPoint, source: RecordSource): void {
    if (!this.trace.add(point, source)) this.droppedPoints++;
  }

  issue(issue: ImportIssue): void {
    this.issues.push(issue);
  }

  progress(file: string, bytesDone: number, bytesTotal: number): void {
    this.onProgress?.(file, bytesDone, bytesTotal);
  }
}
