#!/usr/bin/env node
// npm run bench:scrub [-- --families photos,documents,audio --count 1000 --doc-count 200
//                        --audio-count 200 --mat2-sample 12]
//
// Photos: builds a batch of ~1,000 mixed photos under .bench/ (20 realistic base photos, 1–4 MB,
// with the metadata phones and editors write, replicated with per-copy variations).
// Documents and audio (when named in --families): a batch made of copies of the generated fixtures
// (scripts/fixtures/docs-basic.mjs: PDFs with incremental updates and object streams, DOCX, XLSX,
// PPTX, ODT, SVG; scripts/fixtures/audio-basic.mjs: MP3, FLAC, Ogg Vorbis/Opus/FLAC, WAV, RF64,
// AIFF with every tag kind), round-robin.
// For each family it times, in one run and on the same warm page cache:
//   - lowprofile (the built CLI, worker threads, with its read-back verification)
//   - exiftool -all= -o OUT (photos: -all= -tagsfromfile @ -orientation -icc_profile); it skips
//     the formats it cannot write (DOCX/ODT, most audio), so see "files done"
//   - a plain copy (cp -r): the floor
//   - mat2, when installed, on a sample (it re-encodes, so a full run would take many minutes)
// and prints throughput and ratios. Each time runs from a synced disk until the output is synced.
// Not a test: figures depend on the machine. The default (all three families) takes about 2 minutes
// on 2 cores.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDENTITY_TAGS } from '../scripts/fixtures/photos-basic.mjs';
import { exiftool, minimalIccProfile, run } from '../scripts/fixtures/tools.mjs';
import { optionValue } from './lib/options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, '.bench');
const cli = join(root, 'packages', 'cli', 'bin', 'lowprofile.js');
const text = optionValue;
const option = (name, fallback) => Number(text(name, fallback));
const COUNT = option('count', 1000);
const MAT2_SAMPLE = option('mat2-sample', 12);
const FAMILIES = text('families', 'photos,documents,audio').split(',');
const COUNTS = { photos: COUNT, documents: option('doc-count', 200), audio: option('audio-count', 200) };
const FIXTURES = { documents: 'docs', audio: 'audio' };
const DATE = '2024:05:01 23:15:00';

/** 20 base photos: what a phone/camera/editor mix looks like. */
const BASES = [
  ...Array.from({ length: 13 }, (_, index) => ({ kind: 'jpeg', size: index % 3 === 0 ? '4000x3000' : '3000x2000', rotated: index % 4 === 1, trailer: index % 5 === 2 })),
  { kind: 'jpeg-progressive', size: '3000x2000' },
  { kind: 'png', size: '1200x800' },
  { kind: 'png', size: '1000x750' },
  { kind: 'webp', size: '3000x2000' },
  { kind: 'webp', size: '4000x3000' },
  { kind: 'tiff', size: '1200x800' },
  { kind: 'gif', size: '800x600' },
];

function buildBases(dir) {
  const stamp = join(dir, '.stamp');
  const want = JSON.stringify(BASES) + buildBases.toString().length; // rebuilt when the recipe changes
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return readdirSync(dir).filter((name) => !name.startsWith('.')).map((name) => join(dir, name));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const icc = join(dir, '.icc');
  writeFileSync(icc, minimalIccProfile());
  const files = [];
  BASES.forEach((base, index) => {
    process.stderr.write(`bench: base photo ${index + 1}/${BASES.length} (${base.kind} ${base.size})\n`);
    const plasma = ['-size', base.size, '-seed', String(100 + index), 'plasma:fractal', '-depth', '8'];
    const thumb = join(dir, '.thumb.jpg');
    const tags = [...IDENTITY_TAGS, '-XMP-dc:Creator=Maria Example', '-XMP-photoshop:City=Springfield', '-XMP-xmp:CreatorTool=FixtureEdit', `-ICC_Profile<=${icc}`];
    let file;
    switch (base.kind) {
      case 'jpeg':
      case 'jpeg-progressive':
        file = join(dir, `base-${index}.jpg`);
        run('convert', [...plasma, ...(index % 2 ? ['-blur', '0x0.6'] : []), ...(base.kind === 'jpeg-progressive' ? ['-interlace', 'JPEG'] : []), '-quality', '92', file]);
        run('convert', [file, '-resize', '160x120', thumb]);
        exiftool([...tags, '-IPTC:By-line=Maria Example', `-ThumbnailImage<=${thumb}`, `-Orientation#=${base.rotated ? 6 : 1}`, file]);
        if (base.trailer) writeFileSync(file, Buffer.concat([readFileSync(file), readFileSync(thumb)]));
        break;
      case 'png':
        file = join(dir, `base-${index}.png`);
        run('convert', [...plasma, '-set', 'comment', 'taken at the march', file]);
        exiftool([...tags.filter((tag) => !tag.startsWith('-OffsetTime')), file]);
        break;
      case 'webp':
        file = join(dir, `base-${index}.webp`);
        run('convert', [...plasma, join(dir, '.plasma.png')]);
        run('cwebp', ['-quiet', '-q', '85', join(dir, '.plasma.png'), '-o', file]);
        exiftool([...tags, '-Orientation#=6', file]);
        break;
      case 'tiff':
        file = join(dir, `base-${index}.tif`);
        run('convert', [...plasma, '-compress', 'lzw', file]);
        exiftool([...tags.filter((tag) => !tag.startsWith('-OffsetTime')), '-DocumentName=/home/maria/scan.tif', file]);
        break;
      case 'gif':
        file = join(dir, `base-${index}.gif`);
        run('convert', [...plasma, '-colors', '128', '-set', 'comment', 'taken at the march', file]);
        exiftool(['-XMP-dc:Creator=Maria Example', file]);
        break;
    }
    files.push(file);
  });
  for (const name of readdirSync(dir).filter((name) => name.startsWith('.') && name !== '.stamp')) rmSync(join(dir, name), { force: true });
  writeFileSync(stamp, want);
  return files;
}

/** Copies the bases round-robin into `dir`, giving each copy its own capture date (same length). */
function replicate(bases, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const contents = bases.map((path) => readFileSync(path));
  for (let index = 0; index < COUNT; index++) {
    const source = bases[index % bases.length];
    const bytes = Buffer.from(contents[index % bases.length]);
    const date = `20${String(10 + (index % 14)).padStart(2, '0')}:${String(1 + (index % 12)).padStart(2, '0')}:${String(1 + (index % 28)).padStart(2, '0')} ${String(index % 24).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}:00`;
    for (let at = bytes.indexOf(DATE); at !== -1; at = bytes.indexOf(DATE, at + DATE.length)) bytes.write(date, at, 'latin1');
    writeFileSync(join(dir, `photo-${String(index).padStart(4, '0')}${source.slice(source.lastIndexOf('.'))}`), bytes);
  }
}

function totalBytes(dir) {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/**
 * Times one tool from a settled disk (sync before) until its output is on disk (sync after), so
 * write-back of earlier runs never lands on a later tool's clock.
 */
function timed(label, command, args, options = {}) {
  spawnSync('sync');
  const start = process.hrtime.bigint();
  // GNU time reports the tool's own CPU time (user + system, children included) on stderr.
  const result = spawnSync('/usr/bin/time', ['-f', 'BENCH-CPU %U %S', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  spawnSync('sync');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error) throw new Error(`${label}: ${result.error.message}`);
  const cpu = /BENCH-CPU ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '');
  return { seconds, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, result };
}

/** Copies the generated fixtures of an area round-robin into `dir` (top level only: not hostile/). */
function replicateFixtures(area, dir, count) {
  const made = spawnSync(process.execPath, [join(root, 'scripts', 'make-fixtures.mjs'), area], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (made.status !== 0) throw new Error(`bench: could not generate the ${area} fixtures`);
  const source = join(root, 'fixtures', 'generated', area);
  const files = readdirSync(source, { withFileTypes: true }).filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let index = 0; index < count; index++) {
    const name = files[index % files.length];
    copyFileSync(join(source, name), join(dir, `${String(index).padStart(4, '0')}-${name}`));
  }
  return files;
}

const outDir = (name) => {
  const dir = join(benchDir, `out-${name}`);
  rmSync(dir, { recursive: true, force: true });
  return dir;
};

/** Times cp, lowprofile, exiftool and a mat2 sample on one batch; returns rows. */
function benchBatch(family, input, count, exiftoolArgs) {
  const inputBytes = totalBytes(input);
  process.stderr.write(`bench: ${family}: ${count} files, ${(inputBytes / 1e6).toFixed(0)} MB in ${input}\n`);
  spawnSync('sh', ['-c', 'cat -- "$1"/* > /dev/null', 'sh', input]); // same warm page cache for every tool
  const results = [];
  {
    const out = outDir('copy');
    const { seconds, cpu } = timed('cp', 'cp', ['-r', '--', input, out]);
    results.push({ tool: 'plain copy (cp -r)', files: count, seconds, cpu });
  }
  {
    const out = outDir('lowprofile');
    const { seconds, cpu, result } = timed('lowprofile', process.execPath, [cli, 'scrub', input, '--out', out, '--json']);
    const report = JSON.parse(result.stdout);
    const clean = report.filter((entry) => entry.status === 'clean' || entry.status === 'already-clean').length;
    if (clean !== count) process.stderr.write(`bench: ${family}: lowprofile cleaned ${clean}/${count} (${[...new Set(report.filter((entry) => !entry.output).map((entry) => `${entry.format ?? '?'}: ${entry.reason}`))].slice(0, 3).join('; ')})\n`);
    results.push({ tool: 'lowprofile scrub (verified, worker threads)', files: clean, seconds, cpu });
  }
  {
    const out = outDir('exiftool');
    mkdirSync(out);
    const { seconds, cpu } = timed('exiftool', 'exiftool', ['-q', '-q', '-m', ...exiftoolArgs, '-o', `${out}/`, '--', input]);
    results.push({ tool: `exiftool ${exiftoolArgs.join(' ')} -o OUT`, files: readdirSync(out).length, seconds, cpu });
  }
  if (spawnSync('mat2', ['--version']).status === 0 && MAT2_SAMPLE > 0) {
    const out = outDir('mat2');
    mkdirSync(out);
    const sample = readdirSync(input).sort().slice(0, MAT2_SAMPLE);
    for (const name of sample) copyFileSync(join(input, name), join(out, name));
    const { seconds, cpu } = timed('mat2', 'mat2', ['--', ...sample.map((name) => join(out, name))]);
    const cleaned = readdirSync(out).filter((name) => name.includes('.cleaned.')).length;
    const scale = count / sample.length;
    results.push({ tool: `mat2 (sample of ${sample.length}, times scaled to ${count})`, files: `${cleaned} of ${sample.length}`, seconds: seconds * scale, cpu: cpu * scale });
  }
  for (const name of ['copy', 'lowprofile', 'exiftool', 'mat2']) rmSync(join(benchDir, `out-${name}`), { recursive: true, force: true });
  return { family, count, inputBytes, results };
}

const batches = [];
let photoBases = [];
for (const family of FAMILIES) {
  if (family === 'photos') {
    photoBases = buildBases(join(benchDir, 'bases'));
    const input = join(benchDir, 'in');
    replicate(photoBases, input);
    batches.push(benchBatch('photos', input, COUNT, ['-all=', '-tagsfromfile', '@', '-orientation', '-icc_profile']));
  } else if (FIXTURES[family] !== undefined) {
    const input = join(benchDir, `in-${family}`);
    const kinds = replicateFixtures(FIXTURES[family], input, COUNTS[family]);
    const batch = benchBatch(family, input, COUNTS[family], ['-all=']);
    batch.kinds = kinds.length;
    batches.push(batch);
    rmSync(input, { recursive: true, force: true });
  } else {
    throw new Error(`bench: unknown family ${family} (photos, documents, audio)`);
  }
}

console.log(`\n${spawnSync('nproc').stdout.toString().trim()} cores. Wall time runs from a synced disk until the output is synced; CPU time is user + system of the tool (robust when other jobs share the cores).\n`);
console.log('| family | tool | files done | wall s | files/s | MB/s | wall vs lowprofile | CPU s | CPU vs lowprofile |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const batch of batches) {
  const lowprofile = batch.results.find((row) => row.tool.startsWith('lowprofile'));
  const label = batch.family === 'photos' ? `photos (${batch.count}, ${(batch.inputBytes / 1e6).toFixed(0)} MB)` : `${batch.family} (${batch.count} copies of ${batch.kinds} fixtures, ${(batch.inputBytes / 1e6).toFixed(0)} MB)`;
  for (const row of batch.results) {
    console.log(`| ${label} | ${row.tool} | ${row.files} | ${row.seconds.toFixed(2)} | ${(batch.count / row.seconds).toFixed(0)} | ${(batch.inputBytes / 1e6 / row.seconds).toFixed(1)} | ${(row.seconds / lowprofile.seconds).toFixed(2)}× | ${row.cpu.toFixed(2)} | ${(row.cpu / lowprofile.cpu).toFixed(2)}× |`);
  }
}
for (const batch of batches) {
  const lowprofile = batch.results.find((row) => row.tool.startsWith('lowprofile'));
  const copy = batch.results.find((row) => row.tool.startsWith('plain copy'));
  const exif = batch.results.find((row) => row.tool.startsWith('exiftool'));
  const goals = batch.family === 'photos' ? ' (goals: ≥ 3× faster than exiftool, ≤ 2× a plain copy)' : '';
  console.log(`\n${batch.family}: exiftool takes ${(exif.seconds / lowprofile.seconds).toFixed(2)}× lowprofile's wall time and ${(exif.cpu / lowprofile.cpu).toFixed(2)}× its CPU time (exiftool wrote ${exif.files} of ${batch.count} files, lowprofile ${lowprofile.files}); lowprofile takes ${(lowprofile.seconds / copy.seconds).toFixed(2)}× the wall time of a plain copy${goals}.`);
}
if (photoBases.length > 0) console.log(`\nPhoto batch: JPEG ${photoBases.filter((b) => b.endsWith('.jpg')).length}/20 bases, PNG, WebP, TIFF, GIF.`);
console.log(`Load average at the end: ${spawnSync('cat', ['/proc/loadavg']).stdout.toString().split(' ').slice(0, 3).join(' ')}.`);
