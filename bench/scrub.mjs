#!/usr/bin/env node
// npm run bench:scrub [-- --count 1000 --mat2-sample 40]
//
// Builds a batch of ~1,000 mixed photos under .bench/ (20 realistic base photos, 1–4 MB, with the
// metadata phones and editors write, replicated with per-copy variations), then times, in one run
// and on the same warm page cache:
//   - lowprofile (the built CLI, worker threads, with its read-back verification)
//   - exiftool -all= -tagsfromfile @ -orientation -icc_profile -o OUT
//   - a plain copy (cp -r): the floor
//   - mat2, when installed, on a sample (it re-encodes, so a full run would take many minutes)
// and prints throughput and ratios. Each time runs from a synced disk until the output is synced.
// Not a test: figures depend on the machine.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDENTITY_TAGS } from '../scripts/fixtures/photos-basic.mjs';
import { exiftool, minimalIccProfile, run } from '../scripts/fixtures/tools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, '.bench');
const cli = join(root, 'packages', 'cli', 'bin', 'lowprofile.js');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const COUNT = option('count', 1000);
const MAT2_SAMPLE = option('mat2-sample', 40);
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
  const want = JSON.stringify(BASES) + readFileSync(fileURLToPath(import.meta.url), 'utf8').length;
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

const bases = buildBases(join(benchDir, 'bases'));
const input = join(benchDir, 'in');
replicate(bases, input);
const inputBytes = totalBytes(input);
process.stderr.write(`bench: ${COUNT} photos, ${(inputBytes / 1e6).toFixed(0)} MB in ${input}\n`);
spawnSync('sh', ['-c', `cat "${input}"/* > /dev/null`]); // same warm page cache for every tool

const results = [];
const outDir = (name) => {
  const dir = join(benchDir, `out-${name}`);
  rmSync(dir, { recursive: true, force: true });
  return dir;
};

{
  const out = outDir('copy');
  const { seconds, cpu } = timed('cp', 'cp', ['-r', input, out]);
  results.push({ tool: 'plain copy (cp -r)', files: COUNT, seconds, cpu });
}
{
  const out = outDir('lowprofile');
  const { seconds, cpu, result } = timed('lowprofile', process.execPath, [cli, 'scrub', input, '--out', out, '--json']);
  const report = JSON.parse(result.stdout);
  const clean = report.filter((entry) => entry.status === 'clean' || entry.status === 'already-clean').length;
  if (clean !== COUNT) process.stderr.write(`bench: lowprofile cleaned only ${clean}/${COUNT}: ${report.find((entry) => !entry.output)?.reason}\n`);
  results.push({ tool: 'lowprofile scrub (verified, worker threads)', files: clean, seconds, cpu });
}
{
  const out = outDir('exiftool');
  mkdirSync(out);
  const { seconds, cpu } = timed('exiftool', 'exiftool', ['-q', '-q', '-m', '-all=', '-tagsfromfile', '@', '-orientation', '-icc_profile', '-o', `${out}/`, input]);
  results.push({ tool: 'exiftool -all= -tagsfromfile @ -orientation -icc_profile -o OUT', files: readdirSync(out).length, seconds, cpu });
}
if (spawnSync('mat2', ['--version']).status === 0 && MAT2_SAMPLE > 0) {
  const out = outDir('mat2');
  mkdirSync(out);
  const sample = readdirSync(input).sort().slice(0, MAT2_SAMPLE);
  for (const name of sample) copyFileSync(join(input, name), join(out, name));
  const { seconds, cpu } = timed('mat2', 'mat2', sample.map((name) => join(out, name)));
  const cleaned = readdirSync(out).filter((name) => name.includes('.cleaned.')).length;
  const scale = COUNT / sample.length;
  results.push({ tool: `mat2 (sample of ${sample.length}, re-encodes; times scaled to ${COUNT})`, files: cleaned, seconds: seconds * scale, cpu: cpu * scale });
}

for (const name of ['copy', 'lowprofile', 'exiftool', 'mat2']) rmSync(join(benchDir, `out-${name}`), { recursive: true, force: true });

const lowprofile = results.find((row) => row.tool.startsWith('lowprofile'));
const copy = results.find((row) => row.tool.startsWith('plain copy'));
const exif = results.find((row) => row.tool.startsWith('exiftool'));
console.log(`\n${COUNT} photos, ${(inputBytes / 1e6).toFixed(0)} MB (JPEG ${bases.filter((b) => b.endsWith('.jpg')).length}/20 bases, PNG, WebP, TIFF, GIF), ${spawnSync('nproc').stdout.toString().trim()} cores\n`);
console.log('Wall time runs from a synced disk until the output is synced; CPU time is user + system of the tool (robust when other jobs share the cores).\n');
console.log('| tool | files done | wall s | files/s | MB/s | wall vs lowprofile | CPU s | CPU vs lowprofile |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of results) {
  console.log(`| ${row.tool} | ${row.files} | ${row.seconds.toFixed(2)} | ${(COUNT / row.seconds).toFixed(0)} | ${(inputBytes / 1e6 / row.seconds).toFixed(0)} | ${(row.seconds / lowprofile.seconds).toFixed(2)}× | ${row.cpu.toFixed(2)} | ${(row.cpu / lowprofile.cpu).toFixed(2)}× |`);
}
console.log(`\nWall: lowprofile is ${(exif.seconds / lowprofile.seconds).toFixed(1)}× faster than exiftool (goal ≥ 3×) and takes ${(lowprofile.seconds / copy.seconds).toFixed(2)}× the time of a plain copy (goal ≤ 2×).`);
console.log(`CPU:  exiftool uses ${(exif.cpu / lowprofile.cpu).toFixed(1)}× lowprofile's CPU time; lowprofile uses ${(lowprofile.cpu / copy.cpu).toFixed(2)}× the copy's. Load average during the run: ${spawnSync('cat', ['/proc/loadavg']).stdout.toString().split(' ').slice(0, 3).join(' ')}.`);
