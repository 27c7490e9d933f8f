#!/usr/bin/env node
// Local measurement, not a test: cleans the documents in ../shared/corpora with the built CLI,
// `exiftool -all=` and `mat2`, then checks each output the same way:
//   - leftovers: identifying values exiftool read in the ORIGINAL (authors, tools, dates, titles…)
//     that still occur anywhere in the output — raw bytes, every inflated ZIP member, and for PDFs
//     every decompressed stream (qpdf --qdf) — so hidden earlier revisions count;
//   - rollback: for PDFs, whether `exiftool -PDF-update:all=` brings values back;
//   - text: for PDFs, whether pdftotext gives the same text as before.
// Usage: node scripts/sweep-docs.mjs [corpus-dir] > table.md   (never copies corpora into the repo)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';

const corpus = process.argv[2] ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');
const CLI = join(import.meta.dirname, '..', 'packages', 'cli', 'bin', 'lowprofile.js');
const FILES = [
  ...['dirty.pdf', 'dirty.docx', 'comment.docx', 'revision.docx', 'revision_move.docx', 'embedded.docx', 'dirty_with_nsid.docx', 'office_revision_session_ids.docx', 'dangling_rels.docx', 'dangling_rels.xlsx', 'malformed_content_types.docx', 'broken_xml_content_types.docx', 'no_content_types.docx', 'embedded_corrupted.docx', 'dirty.odt', 'revision.odt', 'embedded.odt', 'embedded_corrupted.odt', 'weird_producer.odt', 'dirty.odg', 'dirty.odf', 'dirty.svg', 'weird.svg'].map((name) => join('mat2-tests-data', name)),
  ...['PDF.pdf', 'PDF2.pdf', 'OOXML.docx', 'OpenDoc.ods', 'XMP.svg'].map((name) => join('exiftool-t-images', name)),
];
const IDENTIFYING = /Author|Creator|Producer|Title|Subject|Keywords|Company|Manager|LastModifiedBy|Application|AppVersion|Generator|Date|Time|Template|Fullbanner|DocumentID|InstanceID|Description|Publisher|Rights|Initial|PrintedBy|Docname|Export/i;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'latin1', maxBuffer: 1 << 28, timeout: 120_000, ...options });
  return { status: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Identifying string values exiftool reads in a file (dates reduced to their digits' shape). */
function identifyingValues(path) {
  const result = run('exiftool', ['-j', '-a', '-G1', '-s', '--', path]);
  let tags = {};
  try {
    tags = JSON.parse(result.stdout)[0] ?? {};
  } catch {
    return [];
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
  return [...values];
}

/** Everything a reader could get at: raw bytes, inflated ZIP members, decompressed PDF streams. */
function visibleText(path) {
  const bytes = readFileSync(path);
  const parts = [bytes.toString('latin1')];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      for (const data of Object.values(unzipSync(bytes))) parts.push(Buffer.from(data).toString('utf8'));
    } catch {
      parts.push('(unreadable zip)');
    }
  }
  if (bytes.subarray(0, 1024).includes(Buffer.from('%PDF-'))) {
    const qdf = run('qpdf', ['--qdf', '--object-streams=disable', '--decode-level=all', '--', path, '-']);
    parts.push(qdf.stdout);
  }
  return parts.join('\n');
}

function check(original, output, values) {
  if (output === undefined || !existsSync(output)) return { verdict: 'no output' };
  const text = visibleText(output);
  const left = values.filter((value) => text.includes(value));
  const row = { left, size: readFileSync(output).length };
  if (original.endsWith('.pdf')) {
    const before = run('pdftotext', ['-q', '--', original, '-']).stdout;
    const after = run('pdftotext', ['-q', '--', output, '-']).stdout;
    row.text = before === after ? 'same text' : after.trim().length === 0 ? 'TEXT LOST' : 'text differs';
    const copy = `${output}.rollback.pdf`;
    copyFileSync(output, copy);
    const rollback = run('exiftool', ['-overwrite_original', '-PDF-update:all=', '--', copy]);
    row.rollback = /1 image files updated/.test(rollback.stdout) ? values.filter((value) => visibleText(copy).includes(value) && !left.includes(value)).length + ' restored' : 'nothing to roll back';
    rmSync(copy);
  }
  return row;
}

function lowprofile(input, outDir) {
  const result = run(process.execPath, [CLI, 'scrub', input, '--out', outDir, '--json']);
  try {
    const [entry] = JSON.parse(result.stdout);
    return { output: entry.output ?? undefined, status: entry.status, reason: entry.reason };
  } catch {
    return { status: 'crashed', reason: result.stderr.slice(0, 100) };
  }
}

function exiftoolAll(input, outDir) {
  const output = join(outDir, basename(input));
  const result = run('exiftool', ['-all=', '-o', output, '--', input]);
  return { output: existsSync(output) ? output : undefined, status: existsSync(output) ? 'written' : 'refused', reason: (result.stderr || result.stdout).trim().split('\n')[0] };
}

function mat2(input, outDir) {
  const copy = join(outDir, basename(input));
  copyFileSync(input, copy);
  const started = Date.now();
  const result = run('mat2', ['--', copy]);
  const cleaned = copy.replace(/(\.[^.]+)$/, '.cleaned$1');
  return { output: existsSync(cleaned) ? cleaned : undefined, status: existsSync(cleaned) ? 'written' : 'refused', reason: (result.stderr || result.stdout).trim().split('\n')[0], ms: Date.now() - started };
}

function cell(result, row) {
  if (result.output === undefined) return `${result.status}${result.reason ? `: ${result.reason.slice(0, 60)}` : ''}`;
  const parts = [row.left.length === 0 ? 'clean' : `**${row.left.length} left** (${row.left.slice(0, 2).map((value) => value.slice(0, 24)).join('; ')})`];
  if (row.text !== undefined) parts.push(row.text);
  if (row.rollback !== undefined && row.rollback !== 'nothing to roll back') parts.push(`rollback: ${row.rollback}`);
  return parts.join(', ');
}

const work = mkdtempSync(join(tmpdir(), 'sweep-docs-'));
console.log('| file | identifying values in original | lowprofile | `exiftool -all=` | mat2 |');
console.log('|---|---|---|---|---|');
for (const relative of FILES) {
  const input = join(corpus, relative);
  if (!existsSync(input)) continue;
  const values = identifyingValues(input);
  const cells = [];
  for (const [name, tool] of [['lp', lowprofile], ['exiftool', exiftoolAll], ['mat2', mat2]]) {
    const dir = join(work, name, relative.replace(/[/.]/g, '_'));
    mkdirSync(dir, { recursive: true });
    const result = tool(input, dir);
    cells.push(cell(result, check(input, result.output, values)));
  }
  console.log(`| ${relative} | ${values.length} | ${cells.join(' | ')} |`);
}
rmSync(work, { recursive: true, force: true });
for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith('sweep-docs-'))) if (name === basename(work)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
