#!/usr/bin/env node
// Sweep for the ISOBMFF scrubbers (MP4/MOV/M4V/3GP/M4A, HEIC/AVIF) over real files, for local
// checks only (the corpora are not part of the repository):
//
//   node bench/sweep-video.mjs [DIR...]     # default: ../shared/corpora
//
// For each ISOBMFF file (found by content: an `ftyp` box or a QuickTime first atom), it runs the
// built CLI, then the oracles on the output: exiftool -ee (GPS, identity, non-zero dates, timed
// metadata samples Doc1…; ICC header fields are not counted: the profile is kept on purpose),
// ffmpeg streamhash of audio and video (not cover art) before/after and a decode, and for HEIF a pixel
// comparison through heif-convert + ImageMagick. Prints a Markdown table.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [join(root, '..', 'shared', 'corpora')];
const cli = join(root, 'packages', 'cli', 'bin', 'lowprofile.js');
const work = join(root, '.sweep', 'video');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const QT_FIRST = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);
function isIsobmff(path) {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(12);
  readSync(fd, head, 0, 12, 0);
  closeSync(fd);
  const type = head.toString('latin1', 4, 8);
  return (type === 'ftyp' && head.toString('latin1', 8, 12) !== 'crx ') || QT_FIRST.has(type);
}
function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && statSync(path).size >= 12 && isIsobmff(path)) yield path;
  }
}
function run(command, args) {
  return spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
}
function tags(path, family) {
  const result = run('exiftool', ['-j', `-G${family}`, '-a', '-s', '-ee', '-api', 'largefilesupport=1', '--', path]);
  try {
    return JSON.parse(result.stdout)[0] ?? {};
  } catch {
    return {};
  }
}
const IDENTIFYING = /GPS|Latitude|Longitude|Location|ISO6709|Make$|Model$|Serial|Software|Encoder$|Author|Artist|Creator|Copyright|Owner|Face|ContentIdentifier|Lens|Firmware|CameraID|HandlerDescription|HandlerVendorID|CompressorName/i;
const METADATA_GROUPS = /^(Keys|UserData|ItemList|XMP(-.+)?|GoPro|Track\d+Keys|IFD0|ExifIFD|GPS|IFD1|MakerNotes|Apple|Sony|Canon)$/;
function leaks(path, heif) {
  const out = { gps: 0, identity: 0, dates: 0, timed: 0 };
  for (const [key, value] of Object.entries(tags(path, '1'))) {
    const [group = '', name = key] = key.split(':', 2);
    if (['System', 'File', 'ExifTool', ''].includes(group) || group.startsWith('ICC')) continue; // ICC is kept on purpose
    const text = String(value);
    if (/Date|Time$/.test(name) && /^\d{4}:\d\d:\d\d/.test(text)) { if (!text.startsWith('0000:00:00')) out.dates++; continue; }
    if (/GPS|Latitude|Longitude|Location|ISO6709/i.test(name)) out.gps++;
    else if (METADATA_GROUPS.test(group) || IDENTIFYING.test(name)) out.identity++;
  }
  // In HEIF, exiftool's Doc1… are image items (tiles, thumbnails), not timed samples.
  out.timed = heif ? 0 : Object.keys(tags(path, '3')).filter((key) => /^Doc\d+/.test(key)).length;
  return out;
}
const fmt = (l) => `GPS ${l.gps} · id ${l.identity} · dates ${l.dates} · timed ${l.timed}`;
function streamhash(path) {
  const result = run('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-map', '0:V?', '-map', '0:a?', '-c', 'copy', '-f', 'streamhash', '-']);
  return result.status === 0 ? result.stdout : `error: ${result.stderr.split('\n')[0]}`;
}
function decodes(path) {
  const result = run('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-f', 'null', '-']);
  return result.status === 0 && result.stderr.trim() === '' ? 'clean' : 'errors';
}
function pixels(path) {
  const png = join(work, `${basename(path)}.${Math.random().toString(36).slice(2)}.png`);
  const result = run('heif-convert', [path, png]);
  if (result.status !== 0) return 'undecodable';
  const signature = run('identify', ['-quiet', '-format', '%#', png]).stdout;
  for (const name of readdirSync(work)) if (name.startsWith(basename(png, '.png'))) rmSync(join(work, name), { force: true });
  return signature;
}

console.log('| file | format | status | lowprofile removed / kept | exiftool -ee before | after | streams / pixels | decode before → after |');
console.log('|---|---|---|---|---|---|---|---|');
let index = 0;
for (const dir of dirs) {
  for (const path of files(dir)) {
    const out = join(work, String(index++));
    const result = run(process.execPath, [cli, 'scrub', path, '--out', out, '--json', '--threads', '1']);
    const report = JSON.parse(result.stdout)[0];
    const name = relative(dirs.length === 1 ? dir : root, path);
    const heif = report.format === 'heic' || report.format === 'avif';
    const before = leaks(path, heif);
    if (report.status !== 'clean' && report.status !== 'already-clean') {
      console.log(`| ${name} | ${report.format ?? '—'} | ${report.status}: ${report.reason} | — | ${fmt(before)} | (no output) | — | — |`);
      continue;
    }
    const output = report.output;
    const after = leaks(output, heif);
    const same = heif ? (pixels(path) === pixels(output) ? 'pixels identical' : 'PIXELS DIFFER') : streamhash(path) === streamhash(output) ? 'streams identical' : 'STREAMS DIFFER';
    const decode = heif ? '—' : `${decodes(path)} → ${decodes(output)}`;
    console.log(`| ${name} | ${report.format} | ${report.status} | ${report.removed.join(', ') || '—'} / ${report.kept.join(', ') || '—'} | ${fmt(before)} | ${fmt(after)} | ${same} | ${decode} |`);
  }
}
rmSync(work, { recursive: true, force: true });
