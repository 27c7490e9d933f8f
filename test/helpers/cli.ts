import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../packages/cli/bin/lowprofile.js', import.meta.url));

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `lowprofile` binary (npm test builds it first). */
export function lowprofile(args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: options.timeoutMs ?? 120_000, cwd: options.cwd });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
