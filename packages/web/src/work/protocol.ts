/** Messages between the page and the cleaning worker. Files travel as Blobs (references, not copies). */
import type { Category, IssueCode } from '@lowprofile/core';

export interface ScrubRequest {
  readonly id: number;
  readonly file: Blob;
  readonly keepColourProfile: boolean;
}

export interface ItemView {
  readonly category: Category;
  readonly label: string;
}

export interface ScrubResult {
  readonly id: number;
  readonly status: 'clean' | 'already-clean' | 'unsupported' | 'failed';
  readonly format?: string;
  readonly mediaType?: string;
  readonly extension?: string;
  readonly removed: readonly ItemView[];
  readonly kept: readonly ItemView[];
  readonly notes: readonly string[];
  /** The clean file: new bytes and slices of the input, assembled lazily by the browser. */
  readonly output?: Blob;
  readonly issueCode?: IssueCode | 'unknown-format' | 'crashed' | 'not-verified';
  /** English technical detail (shown small, for people who want it). */
  readonly detail?: string;
}
