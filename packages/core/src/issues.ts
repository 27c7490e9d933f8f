/**
 * Typed failures. Core never prints: it throws a `FormatError` (or returns issues) carrying a
 * machine code and the byte offset where the problem was found, and the caller decides what to
 * show. Messages for people are built from the code by the CLI and the web app, so they can be
 * translated.
 */

export type IssueCode =
  /** The file ends before a structure it declares (need more bytes than there are). */
  | 'truncated'
  /** A structure is malformed: a wrong signature, an impossible value, a bad checksum. */
  | 'invalid'
  /** A declared length, count or nesting depth exceeds a named safety limit. */
  | 'limit_exceeded'
  /** Walking the structure would revisit a place already seen (IFD loops, xref loops). */
  | 'loop'
  /** The file is well-formed but uses a feature we cannot clean losslessly. */
  | 'unsupported_feature'
  /** The file is encrypted, so its metadata cannot be removed without the key. */
  | 'encrypted';

export interface Issue {
  readonly code: IssueCode;
  /** Byte offset in the input where the problem was detected. */
  readonly offset: number;
  /** Short English detail for logs and the CLI; the web app may translate by `code`. */
  readonly detail: string;
  /** For `limit_exceeded`: the limit's name and the offending value. */
  readonly limit?: string;
  readonly value?: number;
}

export class FormatError extends Error {
  readonly code: IssueCode;
  readonly offset: number;
  readonly detail: string;
  readonly limit?: string;
  readonly value?: number;

  constructor(issue: Issue) {
    super(`${issue.code} at byte ${issue.offset}: ${issue.detail}`);
    this.name = 'FormatError';
    this.code = issue.code;
    this.offset = issue.offset;
    this.detail = issue.detail;
    if (issue.limit !== undefined) this.limit = issue.limit;
    if (issue.value !== undefined) this.value = issue.value;
  }

  toIssue(): Issue {
    const issue: { -readonly [K in keyof Issue]: Issue[K] } = { code: this.code, offset: this.offset, detail: this.detail };
    if (this.limit !== undefined) issue.limit = this.limit;
    if (this.value !== undefined) issue.value = this.value;
    return issue;
  }
}

export function fail(code: IssueCode, offset: number, detail: string): never {
  throw new FormatError({ code, offset, detail });
}

export function isFormatError(error: unknown): error is FormatError {
  return error instanceof FormatError;
}
