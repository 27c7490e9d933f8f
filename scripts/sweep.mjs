#!/usr/bin/env node
// npm run sweep -- DIR... [--compare] [--only FAMILY,...] [--timeout SECONDS] [--json] [--keep]
//
// Runs the built `lowprofile scrub` over each folder into a temporary directory, then reads every
// input and output with exiftool (the independent oracle) and prints one row per file: format,
// status, which identifying classes the original had, which are left over after cleaning, and
// per-family checks. Family checks live in scripts/sweep/<family>.mjs (export `family`, optionally
// `formats` — format ids the module takes whatever their core family — and
// `check(input, output, entry)` returning { column: value }, a value starting with "NO" being a
// failed check): photos (pixels), audio (tags, values, packets), video + HEIF (exiftool -ee
// leftovers, streams or pixels), documents (planted values, pdftotext, qpdf --check).
//
// --compare also runs `exiftool -all=` (to a new file) and mat2 (when installed, on a copy) on every
// file and judges each output by the same checks: "clean" means exiftool reads no identifying class
// in it and no family check failed. --only keeps the files of some families (photo, audio, video,
// document, other). Every external tool runs with a per-file timeout (--timeout, default 120 s)
// and gets absolute paths after `--`, so names starting with '-' are safe.
// Not part of `npm test`: a fresh clone has no corpora.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli', 'bin', 'lowprofile.js');
const args = process.argv.slice(2);
const valueOf = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const asJson = args.includes('--json');
const keep = args.includes('--keep');
const compare = args.includes('--compare');
const only = valueOf('--only')?.split(',');
const timeoutMs = Number(valueOf('--timeout') ?? 120) * 1000;
const dirs = args.filter((arg, index) => !arg.startsWith('--') && !['--only', '--timeout'].includes(args[index - 1]));
if (dirs.length === 0 || !Number.isFinite(timeoutMs)) {
  console.error('usage: npm run sweep -- DIR... [--compare] [--only FAMILY,...] [--timeout SECONDS] [--json] [--keep]');
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
    // A zeroed date (QuickTime keeps the fields) or the DOS epoch a normalised ZIP entry carries tells nothing.
    if (/^0000:00:00/.test(String(tags[key])) || (group === 'ZIP' && String(tags[key]) === '1980:01:01 00:00:00')) continue;
    if (/^Preview(Time|Duration)$/.test(name)) continue; // QuickTime movie header timing, not a preview image
    for (const [label, test] of CLASSES) if (test(group, name, tiffPages)) found.add(label);
  }
  return CLASSES.map(([label]) => label).filter((label) => found.has(label));
}

function exiftoolAll(paths) {
  const tags = new Map();
  for (let at = 0; at < paths.length; at += 200) {
    const batch = paths.slice(at, at + 200);
    const result = spawnSync('exiftool', ['-j', '-G1', '-a', '-s', '-ee', '-api', 'largefilesupport=1', '-q', '-q', '--', ...batch], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutMs * 5 });
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

const core = (() => {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', `import { FORMATS } from '@lowprofile/core'; console.log(JSON.stringify(FORMATS.map((f) => ({ id: f.id, family: f.family, extensions: f.extensions }))));`], { cwd: join(root, 'packages', 'cli'), encoding: 'utf8' });
  return JSON.parse(result.stdout || '[]');
})();
const checks = await loadChecks();

/** The check module for a file: by format id (a module's `formats`), else by the core's family. */
function checkFor(formatId) {
  const byFormat = [...checks.values()].find((module) => module.formats?.includes(formatId));
  if (byFormat) return byFormat;
  return checks.get(core.find((format) => format.id === formatId)?.family);
}

/** Sweep family: the check module's family; for unrecognised files, guessed from the extension. */
function familyOf(entry, path) {
  const formatId = entry.format ?? core.find((format) => format.extensions.includes(extname(path).slice(1).toLowerCase()))?.id;
  if (formatId === undefined) return 'other';
  return checkFor(formatId)?.family ?? core.find((format) => format.id === formatId)?.family ?? 'other';
}

/** Runs a tool with the per-file timeout; { ok, reason }. */
function tool(command, toolArgs) {
  const result = spawnSync(command, toolArgs, { encoding: 'utf8', maxBuffer: 1 << 28, timeout: timeoutMs });
  if (result.error?.code === 'ETIMEDOUT') return { ok: false, reason: `timeout after ${timeoutMs / 1000} s` };
  if (result.error) return { ok: false, reason: result.error.message };
  return { ok: result.status === 0, reason: `${result.stderr ?? ''}\n${result.stdout ?? ''}`.trim().split('\n')[0].replace(/ - \/.*$/, '').replace(/\/\S*\//g, '').slice(0, 80) };
}

const hasMat2 = compare && spawnSync('mat2', ['--version']).status === 0;
/** The other tools for --compare: each writes beside nothing of the input, into `dir`. */
const OTHERS = [
  ['exiftool -all=', (input, dir) => {
    const output = join(dir, basename(input));
    const run = tool('exiftool', ['-q', '-q', '-all=', '-o', output, '--', input]);
    return existsSync(output) ? { output, error: run.ok ? undefined : run.reason } : { status: run.reason.startsWith('timeout') ? 'timeout' : 'refused', reason: run.reason };
  }],
  ...(hasMat2 ? [['mat2', (input, dir) => {
    const copy = join(dir, basename(input));
    copyFileSync(input, copy);
    const run = tool('mat2', ['--', copy]);
    const ext = extname(copy);
    const output = ext ? `${copy.slice(0, -ext.length)}.cleaned${ext}` : `${copy}.cleaned`;
    // mat2 can fail (exit 1, "Something went wrong") yet leave a partial .cleaned file behind.
    return existsSync(output) ? { output, error: run.ok ? undefined : run.reason } : { status: run.reason.startsWith('timeout') ? 'timeout' : 'refused', reason: run.reason };
  }]] : []),
];

const failedChecks = (columns) => Object.entries(columns).filter(([, value]) => String(value).startsWith('NO')).map(([column]) => column);

/** Verdict on one output: 'clean' or what is wrong, by leftover classes and failed checks. */
function verdict(leftover, columns) {
  const failed = failedChecks(columns);
  if (leftover.length === 0 && failed.length === 0) return 'clean';
  return [leftover.length > 0 ? `left ${leftover.join(', ')}` : '', failed.length > 0 ? `NO ${failed.join(', ')}` : ''].filter(Boolean).join('; ');
}

function runCheck(entry, input, output, status) {
  const module = entry.format ? checkFor(entry.format) : undefined;
  if (module === undefined) return {};
  try {
    return module.check(input, output, { ...entry, status });
  } catch (error) {
    return { 'check crashed': `NO: ${String(error.message).slice(0, 60)}` };
  }
}

const rows = [];
const work = mkdtempSync(join(tmpdir(), 'lowprofile-sweep-'));
for (const [dirIndex, dir] of dirs.entries()) {
  const input = resolve(dir);
  const out = join(work, `lowprofile-${dirIndex}`);
  const run = spawnSync(process.execPath, [cli, 'scrub', input, '--out', out, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutMs * 30 });
  let entries;
  try {
    entries = JSON.parse(run.stdout);
  } catch {
    console.error(`sweep: the CLI did not print a report for ${dir}:\n${run.stderr}`);
    process.exit(1);
  }
  entries = entries.filter((entry) => only === undefined || only.includes(familyOf(entry, entry.path)));
  const others = [];
  if (compare) {
    entries.forEach((entry, index) => {
      process.stderr.write(`sweep: compare ${index + 1}/${entries.length} ${entry.path}\n`);
      others.push(OTHERS.map(([name, runTool]) => {
        const toolDir = join(work, name.replace(/\W+/g, '-'), String(dirIndex), String(index));
        mkdirSync(toolDir, { recursive: true });
        return { name, ...runTool(resolve(entry.path), toolDir) };
      }));
    });
  }
  const outputs = [...entries.filter((entry) => entry.output).map((entry) => resolve(entry.output)), ...others.flat().filter((result) => result.output).map((result) => result.output)];
  const before = exiftoolAll(entries.map((entry) => resolve(entry.path)));
  const after = exiftoolAll(outputs);
  entries.forEach((entry, index) => {
    const path = resolve(entry.path);
    const row = {
      file: relative(input, path) || entry.path,
      dir,
      family: familyOf(entry, path),
      format: entry.format ?? '-',
      status: entry.status,
      reason: entry.reason ?? '',
      before: classesOf(before.get(path) ?? {}),
      leftover: entry.output ? classesOf(after.get(resolve(entry.output)) ?? {}) : [],
      checks: entry.output ? runCheck(entry, path, resolve(entry.output), entry.status) : {},
      compare: {},
    };
    row.verdict = entry.output ? verdict(row.leftover, row.checks) : entry.status;
    for (const result of others[index] ?? []) {
      if (!result.output) {
        row.compare[result.name] = { verdict: result.status, reason: result.reason };
        continue;
      }
      const leftover = classesOf(after.get(result.output) ?? {});
      const columns = runCheck(entry, path, result.output, 'written');
      const judged = verdict(leftover, columns);
      row.compare[result.name] = { verdict: result.error === undefined ? judged : `${judged} (the tool exited with an error but left this file)`, leftover, checks: columns };
    }
    rows.push(row);
  });
  if (keep) console.error(`sweep: outputs for ${dir} kept in ${out}`);
}
if (keep) console.error(`sweep: every output kept in ${work}`);
else rmSync(work, { recursive: true, force: true });

const FAMILIES = ['photo', 'video', 'audio', 'document', 'other'].filter((family) => rows.some((row) => row.family === family));
const toolNames = OTHERS.map(([name]) => name).filter(() => compare);
const table = (header, lines) => [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`).join('\n');
const isClean = (status) => status === 'clean' || status === 'already-clean';

if (asJson) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const lines = rows.map((row) => {
    const status = row.reason ? `${row.status}: ${row.reason.slice(0, 90)}` : row.status;
    const checkText = Object.entries(row.checks).map(([column, value]) => `${column}: ${value}`).join('; ');
    const compared = toolNames.map((name) => {
      const result = row.compare[name];
      return result.reason ? `${result.verdict}: ${result.reason.slice(0, 50)}` : result.verdict;
    });
    return [row.dir.split('/').pop() + '/' + row.file, row.family, row.format, status, row.before.join(', ') || '-', row.leftover.join(', ') || (isClean(row.status) ? 'none' : '-'), checkText, ...compared];
  });
  console.log(table(['file', 'family', 'format', 'lowprofile status', 'had', 'left over', 'checks', ...toolNames], lines));

  console.log('\n### Per family\n');
  const count = (list, test) => list.filter(test).length;
  const summary = FAMILIES.map((family) => {
    const list = rows.filter((row) => row.family === family);
    const lp = `${count(list, (row) => row.verdict === 'clean')}/${list.length}`;
    const others = toolNames.map((name) => {
      const written = count(list, (row) => row.compare[name].leftover !== undefined);
      return `${count(list, (row) => row.compare[name].verdict === 'clean')}/${list.length} (wrote ${written})`;
    });
    return [family, list.length, count(list, (row) => row.status === 'clean'), count(list, (row) => row.status === 'already-clean'), count(list, (row) => row.status === 'unsupported'), count(list, (row) => row.status === 'failed'), lp, ...others];
  });
  console.log(table(['family', 'files', 'clean', 'already-clean', 'unsupported', 'failed', 'lowprofile output passes every check', ...toolNames.map((name) => `${name} output passes every check`)], summary));

  console.log('\n### Identifying classes: files with the class before → in lowprofile output' + (compare ? ` → in ${toolNames.join(' → in ')} output` : '') + '\n');
  const classLines = CLASSES.map(([label]) => [label, ...FAMILIES.map((family) => {
    const list = rows.filter((row) => row.family === family);
    const cells = [count(list, (row) => row.before.includes(label)), count(list, (row) => row.leftover.includes(label)), ...toolNames.map((name) => count(list, (row) => row.compare[name].leftover?.includes(label)))];
    return cells.join(' → ');
  })]);
  console.log(table(['class', ...FAMILIES], classLines));

  const checkColumns = [...new Set(rows.flatMap((row) => [row.checks, ...Object.values(row.compare).map((result) => result.checks ?? {})].flatMap((columns) => Object.keys(columns))))];
  console.log('\n### Failed family checks (files whose output fails the check)\n');
  console.log(table(['check', 'lowprofile', ...toolNames], checkColumns.map((column) => [column, count(rows, (row) => String(row.checks[column] ?? '').startsWith('NO')), ...toolNames.map((name) => count(rows, (row) => String(row.compare[name].checks?.[column] ?? '').startsWith('NO')))])));
  const failing = rows.filter((row) => failedChecks(row.checks).length > 0);
  if (failing.length > 0) console.log(`\nlowprofile checks failed: ${failing.map((row) => row.file).join(', ')}`);
}
