// Sweep checks for documents (PDF, OOXML, ODF, SVG):
//   - values left: identifying values exiftool reads in the ORIGINAL (authors, tools, dates,
//     titles…) that still occur anywhere in the output — raw bytes, every inflated ZIP member, and
//     for PDFs every decompressed stream (qpdf --qdf) — so hidden earlier revisions count;
//   - for PDFs: pdftotext gives the same text as before, `qpdf --check` passes (when it passed on
//     the original), and `exiftool -PDF-update:all=` (rolling back exiftool's own incremental
//     updates) brings no value back.
// Used by `npm run sweep` (and `--compare`) and the thin wrapper scripts/sweep-docs.mjs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

export const family = 'document';

const IDENTIFYING = /Author|Creator|Producer|Title|Subject|Keywords|Company|Manager|LastModifiedBy|Application|AppVersion|Generator|Date|Time|Template|Fullbanner|DocumentID|InstanceID|Description|Publisher|Rights|Initial|PrintedBy|Docname|Export/i;

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'latin1', maxBuffer: 1 << 28, timeout: 120_000 });
  return { status: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

const valuesCache = new Map();
/** Identifying string values exiftool reads in a file (dates also in the shapes files hold them). */
export function identifyingValues(path) {
  if (valuesCache.has(path)) return valuesCache.get(path);
  const result = run('exiftool', ['-j', '-a', '-G1', '-s', '--', path]);
  let tags = {};
  try {
    tags = JSON.parse(Buffer.from(result.stdout, 'latin1').toString('utf8'))[0] ?? {};
  } catch {
    tags = {};
  }
  const values = new Set();
  for (const [key, value] of Object.entries(tags)) {
    const [group, name = ''] = key.split(':');
    if (/^(System|File|ExifTool|Composite)$/.test(group) || !IDENTIFYING.test(name) || /^Zip/.test(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = String(item).trim();
      if (text.length < 5 || /^(true|false|none|\d+)$/i.test(text)) continue;
      if (/^\d{4}:\d\d:\d\d \d\d:\d\d/.test(text)) {
        // exiftool shows 2016:03:19 02:51:21; files hold 20160319025121 (PDF) or 2016-03-19T02:51:21 (XML).
        const [d, t] = text.split(' ');
        values.add(`${d.replaceAll(':', '')}${t.slice(0, 8).replaceAll(':', '')}`);
        values.add(`${d.replaceAll(':', '-')}T${t.slice(0, 8)}`);
      } else {
        values.add(text.slice(0, 40));
      }
    }
  }
  valuesCache.set(path, [...values]);
  return valuesCache.get(path);
}

const isPdf = (bytes) => bytes.subarray(0, 1024).includes(Buffer.from('%PDF-'));

/** Everything a reader could get at: raw bytes, inflated ZIP members, decompressed PDF streams. */
export function visibleText(path) {
  const bytes = readFileSync(path);
  const parts = [bytes.toString('latin1'), bytes.toString('utf8')];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      for (const data of Object.values(unzipSync(bytes))) parts.push(Buffer.from(data).toString('utf8'));
    } catch {
      parts.push('(unreadable zip)');
    }
  }
  if (isPdf(bytes)) parts.push(run('qpdf', ['--qdf', '--object-streams=disable', '--decode-level=all', '--', path, '-']).stdout);
  return parts.join('\n');
}

const qpdfOk = (path) => run('qpdf', ['--check', '--', path]).status === 0;

export function check(input, output, entry) {
  const values = identifyingValues(input);
  const text = visibleText(output);
  const left = values.filter((value) => text.includes(value));
  const columns = { 'values left': left.length === 0 ? 'none' : `NO: ${left.length} (${left.slice(0, 2).map((value) => value.slice(0, 24)).join('; ')})` };
  if (!isPdf(readFileSync(input))) return columns;
  if (entry.status === 'already-clean') return { ...columns, 'pdftotext same': 'yes (same bytes)', 'qpdf --check': 'yes (same bytes)' };
  const before = run('pdftotext', ['-q', '--', input, '-']).stdout;
  const after = run('pdftotext', ['-q', '--', output, '-']).stdout;
  columns['pdftotext same'] = before === after ? 'yes' : after.trim().length === 0 && before.trim().length > 0 ? 'NO (text lost)' : 'NO (differs)';
  columns['qpdf --check'] = qpdfOk(output) ? 'yes' : qpdfOk(input) ? 'NO' : 'n/a (original fails too)';
  const dir = mkdtempSync(join(tmpdir(), 'lowprofile-rollback-'));
  try {
    const copy = join(dir, 'rollback.pdf');
    copyFileSync(output, copy);
    const rollback = run('exiftool', ['-overwrite_original', '-PDF-update:all=', '--', copy]);
    const rolledBack = /1 image files updated/.test(rollback.stdout) ? visibleText(copy) : '';
    const restored = values.filter((value) => !left.includes(value) && rolledBack.includes(value));
    columns['rollback restores'] = restored.length === 0 ? 'none' : `NO: ${restored.length}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return columns;
}
