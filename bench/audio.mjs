#!/usr/bin/env node
// Audio scrub benchmark: makes tagged files of each audio format with ffmpeg (10 minutes by
// default; `node bench/audio.mjs 60` for an hour) in .bench/audio/, then times the built CLI
// (scrub + verification) on each and prints size, seconds, MB/s and peak memory (via /usr/bin/time
// when present). Not a test: run it by hand, one at a time on a shared machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli', 'bin', 'lowprofile.js');
const work = join(root, '.bench', 'audio');
const minutes = Number(process.argv[2] ?? 10);
const seconds = Math.round(minutes * 60);

const formats = [
  ['mp3', ['-c:a', 'libmp3lame', '-b:a', '192k']],
  ['flac', ['-c:a', 'flac']],
  ['ogg', ['-c:a', 'libvorbis', '-q:a', '5']],
  ['opus', ['-c:a', 'libopus', '-b:a', '96k']],
  ['wav', ['-c:a', 'pcm_s16le']],
  ['aiff', ['-c:a', 'pcm_s16be']],
];

mkdirSync(work, { recursive: true });
const timeTool = existsSync('/usr/bin/time');
console.log(`| format | size | seconds | MB/s | peak memory |\n|---|---|---|---|---|`);
for (const [ext, codec] of formats) {
  const input = join(work, `tone-${minutes}min.${ext}`);
  if (!existsSync(input)) {
    const made = spawnSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}:sample_rate=44100`, '-ac', '2', ...codec, '-metadata', 'artist=Bench Artist', '-metadata', 'comment=bench', input]);
    if (made.status !== 0) throw new Error(`ffmpeg could not make ${input}: ${made.stderr}`);
  }
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  const args = [cli, 'scrub', input, '--out', out, '--json'];
  const started = process.hrtime.bigint();
  const result = timeTool ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const status = JSON.parse(result.stdout)[0]?.status;
  const size = statSync(input).size / 1e6;
  const peak = timeTool ? `${Math.round(Number(result.stderr.trim().split('\n').pop()) / 1024)} MB` : 'n/a';
  console.log(`| ${ext} (${status}) | ${size.toFixed(1)} MB | ${elapsed.toFixed(2)} | ${(size / elapsed).toFixed(0)} | ${peak} |`);
}
