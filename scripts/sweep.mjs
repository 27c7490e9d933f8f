#!/usr/bin/env node
// npm run sweep -- DIR... [--json] [--keep]
//
// Runs the built `lowprofile scrub` over each folder into a temporary directory, then reads every
// input and output with exiftool (the independent oracle) and prints one row per file: format,
// status, which identifying classes the original had, which are left over after cleaning, and
// per-family checks (pixels identical for photos…). Not part of `npm test`: a fresh clone has no
// corpora. Family checks live in scripts/sweep/<family>.mjs (export `family` and
// `check(input, output, entry)` returning { column: value }); add one for video or documents.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli', 'bin', 'lowprofile.js');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const keep = args.includes('--keep');
const dirs = args.filter((arg) => !arg.startsWith('--'));
if (dirs.length === 0) {
  console.error('usage: npm run sweep -- DIR... [--json] [--keep]');
  process.exit(2);
}
if (!existsSync(join(root, 'packages', 'cli', 'dist'))) {
  console.error('sweep: build first (npm run build)');
  process.exit(2);
}

/** Identifying classes, judged from exiftool tag names and groups (-G1). Order = column order. */
export const CLASSES = [
  ['Location', (group, name) => group === 'GPS' || group === 'GeoTiff' || /GPS|Latitude|Longitude|Location|ISO6709|ModelTransform|ModelTiePoint|ModelPixelScale/i.test(name)],
  ['Make/Model', (group, name) => /^(Make|Model|CameraModelName|UniqueCameraModel|LocalizedCameraModel|LensMake|LensModel|HostComputer)$/i.test(name)],
  ['Serial', (group, name) => /Serial/i.test(name)],
  ['Dates', (group, name) => /DateTime|CreateDate|ModifyDate|DateCreated|CreationTime|TimeCreated|DigitalCreation|MetadataDate|OffsetTime|SubSecTime|DateStamp|TimeStamp/i.test(name)],
  ['Person', (group, name) => /Artist|Author|Creator$|Copyright(?!Flag)|Owner|By-?line|Rights|Contact/i.test(name)],
  ['Software', (group, name) => /Software|CreatorTool|Producer|Generator/i.test(name)],
  ['XMP', (group) => /^XMP/.test(group)],
  ['IPTC', (group) => group === 'IPTC'],
  ['MakerNotes', (group, name) => /^(MakerNotes|Canon|Nikon|Sony|Olympus|Panasonic|Pentax|Samsung|Apple|FujiFilm|Sigma|Ricoh|Minolta|Kodak|Casio|DJI)/.test(group) || name === 'MakerNote'],
  ['Thumbnail', (group, name, tiffPages) => /Thumbnail|Preview|JpgFromRaw|OtherImage/i.test(name) || (!tiffPages && /^IFD[1-9]$/.test(group)) || /^MPImage/.test(group)],
  ['Text', (group, name) => /Comment|Description|Title|DocumentName|PageName|UniqueID|Keywords|Subject|Caption|Headline|Parameters/i.test(name) || group === 'Comment'],
];
/** Groups that never count: the tool itself, the file system, derived values, colour profiles. */
const IGNORED_GROUPS = /^(ExifTool|System|File|Composite|ICC_Profile|ICC-header|ICC-view|ICC-meas|ICC\d*)$/;

export function classesOf(tags) {
  const found = new Set();
  const tiffPages = /^(TIFF|BTF)$/.test(String(tags['File:FileType'] ?? ''));
  for (const key of Object.keys(tags)) {
    if (!key.includes(':')) continue;
    const [group, name] = key.split(':', 2);
    // exiftool files JPEG/GIF comments under File:Comment; everything else in File is about the file.
    if ((IGNORED_GROUPS.test(group) && key !== 'File:Comment') || /Warning|Error/.test(name)) continue;
    for (const [label, test] of CLASSES) if (test(group, name, tiffPages)) found.add(label);
  }
  return CLASSES.map(([label]) => label).filter((label) => found.has(label));
}

function exiftoolAll(paths) {
  const tags = new Map();
  for (let at = 0; at < paths.length; at += 200) {
    const batch = paths.slice(at, at + 200);
    const result = spawnSync('exiftool', ['-j', '-G1', '-a', '-s', '-ee', '-api', 'largefilesupport=1', '-q', '-q', '--', ...batch], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 600_000 });
    let parsed = [];
    try {
      parsed = JSON.parse(result.stdout || '[]');
    } catch {
      parsed = [];
    }
    for (const entry of parsed) tags.set(resolve(entry.SourceFile), entry);
  }
  return tags;
}

async function loadChecks() {
  const dir = join(root, 'scripts', 'sweep');
  const checks = new Map();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.mjs')).sort()) {
    const module = await import(pathToFileURL(join(dir, file)).href);
    if (typeof module.check === 'function' && typeof module.family === 'string') checks.set(module.family, module);
  }
  return checks;
}

function familyOf(formatId) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', `import { FORMATS } from '@lowprofile/core'; console.log(JSON.stringify(Object.fromEntries(FORMATS.map((f) => [f.id, f.family]))));`], { cwd: join(root, 'packages', 'cli'), encoding: 'utf8' });
  familyOf.table ??= JSON.parse(result.stdout || '{}');
  return familyOf.table[formatId];
}

const checks = await loadChecks();
const rows = [];
for (const dir of dirs) {
  const input = resolve(dir);
  const out = mkdtempSync(join(tmpdir(), 'lowprofile-sweep-'));
  const run = spawnSync(process.execPath, [cli, 'scrub', input, '--out', out, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  let entries;
  try {
    entries = JSON.parse(run.stdout);
  } catch {
    console.error(`sweep: the CLI did not print a report for ${dir}:\n${run.stderr}`);
    process.exit(1);
  }
  const before = exiftoolAll(entries.map((entry) => resolve(entry.path)));
  const after = exiftoolAll(entries.filter((entry) => entry.output).map((entry) => resolve(entry.output)));
  for (const entry of entries) {
    const row = {
      file: relative(input, resolve(entry.path)) || entry.path,
      dir,
      format: entry.format ?? '-',
      status: entry.status,
      reason: entry.reason ?? '',
      before: classesOf(before.get(resolve(entry.path)) ?? {}),
      leftover: entry.output ? classesOf(after.get(resolve(entry.output)) ?? {}) : [],
      checks: {},
    };
    const family = entry.format ? familyOf(entry.format) : undefined;
    const familyCheck = family === undefined ? undefined : checks.get(family);
    if (familyCheck !== undefined && entry.output) row.checks = familyCheck.check(resolve(entry.path), resolve(entry.output), entry);
    rows.push(row);
  }
  if (keep) console.error(`sweep: outputs for ${dir} kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
}

if (asJson) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const checkColumns = [...new Set(rows.flatMap((row) => Object.keys(row.checks)))];
  const header = ['file', 'format', 'status', 'had', 'left over', ...checkColumns];
  const lines = [header, header.map(() => '---')];
  for (const row of rows) {
    const status = row.reason ? `${row.status}: ${row.reason.slice(0, 90)}` : row.status;
    lines.push([row.file, row.format, status, row.before.join(', ') || '-', row.leftover.join(', ') || (row.status.includes('clean') ? 'none' : '-'), ...checkColumns.map((column) => row.checks[column] ?? '')]);
  }
  console.log(lines.map((cells) => `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`).join('\n'));
  const byStatus = {};
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  console.log(`\n${rows.length} files: ${Object.entries(byStatus).map(([status, count]) => `${count} ${status}`).join(', ')}`);
  const classLines = CLASSES.map(([label]) => `| ${label} | ${rows.filter((row) => row.before.includes(label)).length} | ${rows.filter((row) => row.leftover.includes(label)).length} |`);
  console.log(`\n| class | files with it before | after (cleaned files) |\n| --- | --- | --- |\n${classLines.join('\n')}`);
  const failedChecks = rows.filter((row) => Object.values(row.checks).some((value) => value === 'NO'));
  if (failedChecks.length > 0) console.log(`\nchecks failed: ${failedChecks.map((row) => row.file).join(', ')}`);
}
