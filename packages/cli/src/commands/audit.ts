import { parseArgs } from 'node:util';
import { resolve, relative } from 'node:path';
import { analyse, buildReport, CollectingSink, renderReportHtml, renderReportJson, type Language } from '@lowprofile/core';
import { writeFileAtomic } from '../audit/write.js';
import { loadBasemap, loadGeocoder } from '../audit/geodata.js';
import { importPaths } from '../audit/import.js';
import { UsageError, type Command } from './command.js';

export const AUDIT_HELP = `Usage: lowprofile audit <export.zip|folder|file>... [--json FILE|-] [--html FILE]

Reads your own data exports (Google Takeout, Instagram, Facebook, X, photo folders…) on this
computer, works out what a surveillance analyst could conclude from them (home, work, routine,
people, linked accounts, posts a monitor would flag) and writes a private report with the
evidence for every finding and a plan to shrink it. Nothing is sent anywhere.

Options:
  --html FILE      where to write the report page (default: ./lowprofile-report.html)
  --json FILE|-    also write the report as JSON (- for standard output)
  --lang en|es     report language (default: en)
  -h, --help       show this help

Exit status: 0 report written, 1 nothing could be read, 2 usage error.`;

class StatusLine {
  private readonly enabled = process.stderr.isTTY === true;
  private last = 0;
  show(text: string, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    process.stderr.write(`\r${text.length > 98 ? `${text.slice(0, 97)}…` : text}`.padEnd(100) + '\r');
  }
  clear(): void {
    if (this.enabled) process.stderr.write(`\r${' '.repeat(100)}\r`);
  }
}

const mb = (n: number): string => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'build your private dossier from your own exports, with a plan',
  help: AUDIT_HELP,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'string' },
        html: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      process.stdout.write(`${AUDIT_HELP}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('audit needs at least one export (zip, folder or file)');
    if (values.lang !== 'en' && values.lang !== 'es') throw new UsageError('--lang takes en or es');
    const language: Language = values.lang;
    const htmlPath = resolve(values.html ?? 'lowprofile-report.html');
    const status = new StatusLine();
    const started = Date.now();

    const sink = new CollectingSink((file, done, total) => status.show(`Reading ${file} ${total > 0 ? `${Math.floor((100 * done) / total)}% of ${mb(total)}` : mb(done)} · ${sink.records.length.toLocaleString('en-US')} items · ${sink.trace.length.toLocaleString('en-US')} locations`));
    status.show('Reading your exports…', true);
    await importPaths(positionals, sink);
    status.show('Working out places, routine, people…', true);
    const analysis = analyse(sink, { onPhase: (phase) => status.show(`Analysing: ${phase}…`, true) });
    status.show('Writing the report…', true);
    const [geocoder, basemap] = [loadGeocoder(), await loadBasemap()];
    const report = buildReport(analysis, { language, generatedAt: new Date().toISOString(), archives: positionals, ...(geocoder ? { geocoder } : {}) });
    await writeFileAtomic(htmlPath, renderReportHtml(report, { basemap }));
    if (values.json !== undefined) {
      const json = renderReportJson(report);
      if (values.json === '-') process.stdout.write(json);
      else await writeFileAtomic(resolve(values.json), json);
    }
    status.clear();

    const out = values.json === '-' ? process.stderr : process.stdout;
    const lines: string[] = [];
    for (const issue of sink.issues) lines.push(`skipped      ${[issue.archive, issue.file].filter(Boolean).join(' › ')}: ${issue.reason}`);
    lines.push(`Read ${sink.records.length.toLocaleString('en-US')} items and ${sink.trace.length.toLocaleString('en-US')} location samples in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    lines.push('', report.summary.headline, ...report.summary.points.map((p) => `  • ${p}`));
    const shown = relative(process.cwd(), htmlPath);
    lines.push('', `Your report: ${shown === '' || shown.startsWith('..') ? htmlPath : shown}`);
    lines.push(`Open it in a browser. It works offline and stays on this computer: keep it private.`);
    if (values.json !== undefined && values.json !== '-') lines.push(`JSON: ${values.json}`);
    out.write(`${lines.join('\n')}\n`);
    return sink.records.length + sink.trace.length > 0 ? 0 : 1;
  },
};
