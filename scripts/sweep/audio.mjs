// Sweep checks for audio: are the audio packets identical (ffmpeg streamhash, copying without
// decoding)? Two known ffmpeg readings are told apart instead of being called changes: a trailing
// tag (appended ID3v2, Lyrics3, ID3v1 after FLAC) that ffmpeg takes for part of a last packet, and
// the header packets ffmpeg re-emits for each stream of a chained Ogg file (our comment header is
// empty). "n/a" when ffmpeg cannot read the original. Also: which audio metadata tags exiftool still
// reads in the output, and whether any original tag value (5+ characters) still sits in its bytes.
// `npm run sweep -- --compare` (and the thin wrapper scripts/sweep-audio.mjs) runs the same checks
// on `exiftool -all=` and mat2 outputs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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

const TAG_GROUPS = /^(ID3|ID3v1|ID3v1_Enh|ID3v2_\d|APE|Lyrics3|XMP(-.+)?|iXML|UserData|ItemList|EXIF|IFD0|ExifIFD)$/;
const STRUCTURAL = /^(Vorbis:(VorbisVersion|AudioChannels|SampleRate|NominalBitrate|MinimumBitrate|MaximumBitrate|Vendor)|Opus:.*|RIFF:(Encoding|NumChannels|SampleRate|AvgBytesPerSec|BitsPerSample|RIFFSize64|DataSize64|NumberOfSamples64)|AIFF:(NumChannels|NumSampleFrames|SampleSize|SampleRate|FormatVersionTime|CompressionType|CompressorName)|FLAC:(BlockSize\w+|FrameSize\w+|SampleRate|Channels|BitsPerSample|TotalSamples|MD5Signature)|MPEG:.*|APE:(APEVersion|CompressionLevel|Sample\w+|Channels|TotalFrames|FinalFrameBlocks|BlocksPerFrame|BitsPerSample)|MPC:.*)$/;

/** Audio metadata tags exiftool reads (stream parameters left out), as { 'Group:Name': value }. */
export function metadataTags(path) {
  const result = spawnSync('exiftool', ['-j', '-G1', '-a', '-s', '--', path], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });
  let tags = {};
  try {
    tags = JSON.parse(result.stdout || '[{}]')[0] ?? {};
  } catch {
    tags = {};
  }
  const found = {};
  for (const [key, value] of Object.entries(tags)) {
    const group = key.split(':')[0];
    if (TAG_GROUPS.test(group) || (/^(Vorbis|Opus|RIFF|AIFF|FLAC|APE|MPC)$/.test(group) && !STRUCTURAL.test(key)) || (key === 'Vorbis:Vendor' && value !== '')) found[key] = value;
  }
  return found;
}

/** Keys of original tag values (5+ characters, not binary) still present in the output bytes. */
export function valuesLeft(original, output) {
  const bytes = readFileSync(output);
  return Object.entries(original).filter(([, value]) => typeof value === 'string' && value.length >= 5 && !/^\(Binary data/.test(value) && bytes.includes(Buffer.from(value))).map(([key]) => key);
}

const originals = new Map();

export function check(input, output, entry) {
  if (!originals.has(input)) originals.set(input, metadataTags(input));
  const left = Object.keys(metadataTags(output));
  const values = valuesLeft(originals.get(input), output);
  return {
    'audio tags left': left.length === 0 ? 'none' : `NO: ${left.length} (${left.slice(0, 3).join(', ')}${left.length > 3 ? '…' : ''})`,
    'tag values left': values.length === 0 ? 'none' : `NO: ${values.slice(0, 3).join(', ')}`,
    'audio packets identical': entry.status === 'already-clean' ? 'yes (same bytes)' : compareAudio(input, output),
  };
}
