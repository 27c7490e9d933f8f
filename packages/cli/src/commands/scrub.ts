import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { findFiles } from '../io/find-files.js';
import { runScrubTasks } from '../scrub/pool.js';
import { isClean, type FileReport } from '../scrub/report.js';
import type { ScrubTask } from '../scrub/scrub-file.js';
import { ProgressBar } from '../ui/progress.js';
import { UsageError, type Command } from './command.js';

export const SCRUB_HELP = `Usage: lowprofile scrub <file|dir>... (--out DIR | --in-place) [options]

Removes metadata (location, dates, device, names, thumbnails…) from photos, videos,
documents and audio without re-encoding them. Files are recognised by their content, not their names.

Options:
  --out DIR            write clean copies under DIR, keeping relative names
  --in-place           replace the originals (atomically) instead
  --drop-colour-profile
                       also remove the ICC colour profile (kept by default)
  --json               print a machine-readable report on stdout
  --threads N          worker threads (default: number of cores)
  -h, --help           show this help

Exit status: 0 every file clean, 1 some file not clean, 2 usage error.`;

export const scrubCommand: Command = {
  name: 'scrub',
  summary: 'remove metadata from photos, videos, documents and audio, losslessly',
  help: SCRUB_HELP,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'in-place': { type: 'boolean', default: false },
        'drop-colour-profile': { type: 'boolean', default: false },
        'drop-color-profile': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      process.stdout.write(`${SCRUB_HELP}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('scrub needs at least one file or folder');
    if (values.out === undefined && !values['in-place']) throw new UsageError('say where to write: --out DIR, or --in-place to replace the originals');
    if (values.out !== undefined && values['in-place']) throw new UsageError('use either --out or --in-place, not both');
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) throw new UsageError('--threads takes a whole number of at least 1');

    const options = { keepColourProfile: !(values['drop-colour-profile'] || values['drop-color-profile']) };
    const { files, skipped } = await findFiles(positionals);
    const outRoot = values.out === undefined ? undefined : resolve(values.out);
    const tasks: ScrubTask[] = [];
    const refused: FileReport[] = skipped.map((entry) => notProcessed(entry.path, entry.reason === 'not found' ? 'failed' : 'unsupported', entry.reason));
    for (const file of files) {
      const output = outRoot === undefined ? file.path : join(outRoot, file.relativeName);
      if (outRoot !== undefined && resolve(output) === resolve(file.path)) {
        refused.push(notProcessed(file.path, 'failed', 'the output would overwrite the original; use --in-place to mean that'));
        continue;
      }
      tasks.push({ input: file.path, output, displayPath: file.path, options });
    }

    const bar = new ProgressBar(tasks.length, 'Cleaning');
    let done = 0;
    const reports = await runScrubTasks(
      tasks,
      (report) => bar.update(++done, report.path),
      threads,
    );
    bar.finish();
    const all = [...refused, ...reports];
    if (values.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    else process.stdout.write(formatSummary(all));
    return all.every(isClean) ? 0 : 1;
  },
};

function notProcessed(path: string, status: 'failed' | 'unsupported', reason: string): FileReport {
  return { path, output: null, format: null, status, removed: [], kept: [], details: { removed: [], kept: [] }, notes: [], reason };
}

const STATUS_MARK: Record<FileReport['status'], string> = {
  clean: 'cleaned      ',
  'already-clean': 'already clean',
  unsupported: 'NOT CLEANED  ',
  failed: 'FAILED       ',
};

export function formatSummary(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(`${STATUS_MARK[report.status]}  ${report.path}${report.format ? ` (${report.format})` : ''}`);
    if (report.removed.length > 0) lines.push(`               removed: ${report.removed.join(', ')}`);
    if (report.kept.length > 0) lines.push(`               kept:    ${report.kept.join(', ')}`);
    if (report.reason !== undefined) lines.push(`               reason:  ${report.reason}`);
    for (const note of report.notes) lines.push(`               note:    ${note}`);
  }
  const count = (status: FileReport['status']): number => reports.filter((report) => report.status === status).length;
  lines.push('');
  lines.push(`${reports.length} file(s): ${count('clean')} cleaned, ${count('already-clean')} already clean, ${count('unsupported')} not supported, ${count('failed')} failed.`);
  if (count('unsupported') + count('failed') > 0) lines.push('Files marked NOT CLEANED or FAILED were left untouched and no copy was written: do not share them as they are.');
  return `${lines.join('\n')}\n`;
}
