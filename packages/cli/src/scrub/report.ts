import type { Category, ScrubStatus } from '@lowprofile/core';

/** One line of the scrub report, as printed by `--json`. */
export interface FileReport {
  /** The input path as given (or found under a given directory). */
  readonly path: string;
  /** Where the clean file was written; null when no output was left. */
  readonly output: string | null;
  /** Detected format id ('jpeg', 'png', …), or null when not recognised. */
  readonly format: string | null;
  readonly status: ScrubStatus;
  readonly removed: readonly Category[];
  readonly kept: readonly Category[];
  /** What was removed and kept, field by field, for people who want the detail. */
  readonly details: { readonly removed: readonly string[]; readonly kept: readonly string[] };
  readonly notes: readonly string[];
  /** One-line reason when status is unsupported or failed. */
  readonly reason?: string;
}

export function isClean(report: FileReport): boolean {
  return report.status === 'clean' || report.status === 'already-clean';
}
