#!/usr/bin/env node
// Audio sweep: runs the built lowprofile CLI, `exiftool -all=` and mat2 over audio files (by
// default the audio in ../shared/corpora) and prints a Markdown table: what each left behind by
// exiftool's reading, whether any of the original tag values still sit in the output bytes, and
// whether the audio packets survived (ffmpeg streamhash). Files are copied into .sweep/audio/,
// never modified in place. Usage: node scripts/sweep-audio.mjs [files or folders…]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareAudio } from './sweep/audio.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli', 'bin', 'lowprofile.js');
const work = join(root, '.sweep', 'audio');
const AUDIO = /\.(mp3|flac|ogg|oga|opus|wav|aif|aiff|aifc|ape|mpc)$/i;

const defaults = [join(root, '..', '..', 'shared', 'corpora', 'mat2-tests-data'), join(root, '..', '..', 'shared', 'corpora', 'exiftool-t-images')].map((path) => (existsSync(path) ? path : path.replace(join(root, '..', '..'), '/work')));
const inputs = (process.argv.length > 2 ? process.argv.slice(2) : defaults).flatMap((path) => (statSync(path).isDirectory() ? readdirSync(path).filter((name) => AUDIO.test(name)).sort().map((name) => join(path, name)) : [path]));

const run = (command, args) => spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });

const TAG_GROUPS = /^(ID3|ID3v1|ID3v1_Enh|ID3v2_\d|APE|Lyrics3|XMP(-.+)?|iXML|UserData|ItemList|EXIF|IFD0|ExifIFD)$/;
const STRUCTURAL = /^(Vorbis:(VorbisVersion|AudioChannels|SampleRate|NominalBitrate|MinimumBitrate|MaximumBitrate|Vendor)|Opus:.*|RIFF:(Encoding|NumChannels|SampleRate|AvgBytesPerSec|BitsPerSample|RIFFSize64|DataSize64|NumberOfSamples64)|AIFF:(NumChannels|NumSampleFrames|SampleSize|SampleRate|FormatVersionTime|CompressionType|CompressorName)|FLAC:(BlockSize\w+|FrameSize\w+|SampleRate|Channels|BitsPerSample|TotalSamples|MD5Signature)|MPEG:.*|APE:(APEVersion|CompressionLevel|Sample\w+|Channels|TotalFrames|FinalFrameBlocks|BlocksPerFrame|BitsPerSample)|MPC:.*)$/;

function metadataTags(path) {
  const result = run('exiftool', ['-j', '-G1', '-a', '-s', '--', path]);
  const tags = JSON.parse(result.stdout || '[{}]')[0] ?? {};
  const found = {};
  for (const [key, value] of Object.entries(tags)) {
    const group = key.split(':')[0];
    if (TAG_GROUPS.test(group) || (/^(Vorbis|Opus|RIFF|AIFF|FLAC|APE|MPC)$/.test(group) && !STRUCTURAL.test(key)) || (key === 'Vorbis:Vendor' && value !== '')) found[key] = value;
  }
  return found;
}

/** Original tag values (≥ 5 characters) still present in the output bytes. */
function valuesLeft(original, output) {
  const bytes = readFileSync(output);
  return Object.entries(original).filter(([, value]) => typeof value === 'string' && value.length >= 5 && !/^\(Binary data/.test(value) && bytes.includes(Buffer.from(value))).map(([key]) => key);
}

function judge(input, output, original, status) {
  if (output === undefined || !existsSync(output)) return { status, left: '—', values: '—', audio: '—' };
  const left = Object.keys(metadataTags(output));
  const values = valuesLeft(original, output);
  const verdict = compareAudio(input, output);
  const audio = verdict === 'yes' ? 'identical' : verdict === 'NO' ? 'changed' : verdict === 'n/a' ? 'n/a (ffmpeg cannot read input)' : verdict.replace(/^yes/, 'identical');
  return { status, left: left.length === 0 ? 'none' : `${left.length}: ${left.slice(0, 4).join(', ')}${left.length > 4 ? '…' : ''}`, values: values.length === 0 ? 'none' : values.slice(0, 3).join(', '), audio };
}

rmSync(work, { recursive: true, force: true });
const rows = [];
for (const input of inputs) {
  const name = basename(input);
  const original = metadataTags(input);
  const dirs = Object.fromEntries(['lowprofile', 'exiftool', 'mat2'].map((tool) => [tool, join(work, tool, basename(dirname(input)))]));
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });

  const lp = run(process.execPath, [cli, 'scrub', input, '--out', dirs.lowprofile, '--json']);
  const lpEntry = JSON.parse(lp.stdout || '[{}]')[0] ?? {};
  const lpStatus = lpEntry.status === 'failed' || lpEntry.status === 'unsupported' ? `${lpEntry.status}: ${(lpEntry.reason ?? '').replace(/^.*?: /, '').slice(0, 60)}` : lpEntry.status;
  const lowprofile = judge(input, lpEntry.output ?? undefined, original, lpStatus);

  const exCopy = join(dirs.exiftool, name);
  copyFileSync(input, exCopy);
  const ex = run('exiftool', ['-all=', '-overwrite_original', '-q', '--', exCopy]);
  const exStatus = ex.status === 0 ? 'written' : `error: ${(ex.stderr || ex.stdout).trim().split('\n')[0].replace(/ - .*$/, '').slice(0, 60)}`;
  const exiftool = judge(input, ex.status === 0 ? exCopy : undefined, original, exStatus);

  const mCopy = join(dirs.mat2, name);
  copyFileSync(input, mCopy);
  const m = run('mat2', ['--', mCopy]);
  const mOut = join(dirs.mat2, `${basename(name, extname(name))}.cleaned${extname(name)}`);
  const mStatus = existsSync(mOut) ? 'written' : `refused: ${(m.stdout + m.stderr).trim().split('\n')[0].slice(0, 60)}`;
  const mat2 = judge(input, existsSync(mOut) ? mOut : undefined, original, mStatus);

  rows.push({ file: `${basename(dirname(input))}/${name}`, tags: Object.keys(original).length, lowprofile, exiftool, mat2 });
}

const cell = (result) => `${result.status}; left ${result.left}; values ${result.values}; audio ${result.audio}`;
console.log('| file | metadata tags | lowprofile | `exiftool -all=` | mat2 |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.file} | ${row.tags} | ${cell(row.lowprofile)} | ${cell(row.exiftool)} | ${cell(row.mat2)} |`);
