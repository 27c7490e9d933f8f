#!/usr/bin/env node
// Runs Vitest once with its usual output, then prints one plain closing line
// ("Tests: N passed, N failed, N skipped") that CI systems can read, and exits with Vitest's status.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsFile = join('test-artifacts', 'vitest-results.json');
mkdirSync('test-artifacts', { recursive: true });
rmSync(resultsFile, { force: true });
const vitest = join('node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)], { stdio: 'inherit' });
if (existsSync(resultsFile)) {
  const summary = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = (summary.numPendingTests ?? 0) + (summary.numTodoTests ?? 0);
  console.log(`Tests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`);
}
process.exit(result.status ?? 1);
