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

/** Packets as [stream, pts, dts, duration, size, md5] (side data dropped). */
function packets(path) {
  const result = ffmpeg(['-i', path, '-map', '0:a', '-c', 'copy', '-f', 'framemd5', '-']);
  return result.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => line.split(',').slice(0, 6).map((field) => field.trim()));
}

/**
 * Compares the audio of two files. Returns 'yes', a qualified yes for the two known ffmpeg readings
 * (a tag glued onto one packet: same timestamp, fewer bytes, or a trailing tag read as a last packet
 * of its own; header packets re-emitted by chained Ogg), 'NO', or 'n/a' when ffmpeg cannot read the
 * input.
 */
export function compareAudio(input, output) {
  const before = streamhash(input);
  if (before === undefined) return 'n/a';
  if (streamhash(output) === before) return 'yes';
  const a = packets(input);
  const b = packets(output);
  if (b.length === a.length || b.length === a.length - 1) {
    const differing = b.map((packet, index) => [packet, a[index]]).filter(([packet, original]) => packet.join() !== original.join());
    if (differing.length <= 1 && differing.every(([packet, original]) => packet[1] === original[1] && Number(packet[4]) < Number(original[4]))) {
      return 'yes but one packet (a tag ffmpeg read as audio)';
    }
  }
  const audio = (list) => list.filter((fields) => fields[3] !== '0').map((fields) => fields.join());
  const [x, y] = [audio(a), audio(b)];
  if (x.length === y.length && x.every((line, index) => line === y[index])) return 'yes (chained-stream headers differ)';
  return 'NO';
}

export function check(input, output, entry) {
  return { 'audio packets identical': entry.status === 'already-clean' ? 'yes (same bytes)' : compareAudio(input, output) };
}
