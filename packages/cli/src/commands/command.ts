/** A subcommand of `lowprofile`. Each lives in its own file and is listed in `commands/index.ts`. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  /** Returns the exit code. Throw UsageError for bad arguments (exit 2). */
  run(argv: readonly string[]): Promise<number>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
