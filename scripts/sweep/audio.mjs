// Sweep checks for audio: are the audio packets identical (ffmpeg streamhash, copying without
// decoding)? Two known ffmpeg readings are told apart instead of being called changes: a trailing
// tag (appended ID3v2, Lyrics3, ID3v1 after FLAC) that ffmpeg takes for part of a last packet, and
// the header packets ffmpeg re-emits for each stream of a chained Ogg file (our comment header is
// empty). "n/a" when ffmpeg cannot read the original. scripts/sweep-audio.mjs also runs
// `exiftool -all=` and mat2 on the same files for comparison.
import { spawnSync } from 'node:child_process';

export const family = 'audio';

function ffmpeg(args) {
  return spawnSync('ffmpeg', ['-nostdin', '-v', 'error', ...args], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300_000 });
}

function streamhash(path) {
  const result = ffmpeg(['-i', path, '-map', '0:a', '-c', 'copy', '-f', 'streamhash', '-']);
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Packets as "pts, dts, duration, size, md5" (side data dropped). */
function packets(path) {
  const result = ffmpeg(['-i', path, '-map', '0:a', '-c', 'copy', '-f', 'framemd5', '-']);
  return result.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => line.split(',').slice(0, 6).map((field) => field.trim()));
}

export function check(input, output, entry) {
  const column = 'audio packets identical';
  if (entry.status === 'already-clean') return { [column]: 'yes (same bytes)' };
  const before = streamhash(input);
  if (before === undefined) return { [column]: 'n/a' };
  if (streamhash(output) === before) return { [column]: 'yes' };
  const a = packets(input).map((fields) => fields.join());
  const b = packets(output).map((fields) => fields.join());
  if (b.length > 0 && (b.length === a.length || b.length === a.length - 1) && b.slice(0, -1).every((line, index) => line === a[index])) {
    return { [column]: 'yes but the last (the input’s trailing tag, read as audio)' };
  }
  const audio = (lines) => lines.filter((line) => line.split(',')[3] !== '0');
  const [x, y] = [audio(a), audio(b)];
  if (x.length === y.length && x.every((line, index) => line === y[index])) return { [column]: 'yes (chained-stream headers differ)' };
  return { [column]: 'NO' };
}
