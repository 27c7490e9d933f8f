/**
 * End to end on audio: the built CLI scrubs the generated MP3, FLAC, Ogg, WAV and AIFF fixtures.
 * Oracles: no planted value remains anywhere in the output bytes; exiftool (independent reader)
 * finds no identifying tag or value; ffmpeg's stream hash of the audio packets is unchanged and a
 * full decode is clean; Ogg pages are re-read here with their own CRC code. Hostile inputs go
 * through the core API and must come back as typed failures with a code and an offset.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, detectSourceFormat, piecesToBytes, planScrub, verifyScrubbed } from '@lowprofile/core';
import { lowprofile } from './helpers/cli.js';
import { leakedTags, sha256, type ExiftoolTags } from './helpers/oracle.js';
import type { FileReport } from '../packages/cli/src/scrub/report.js';

const GENERATED = join(import.meta.dirname, '..', 'fixtures', 'generated');
const FIXTURES = join(GENERATED, 'audio');
const PLANTED = JSON.parse(readFileSync(join(GENERATED, '.audio-planted.json'), 'utf8')) as string[];

/**
 * ffmpeg reads these tags as (part of) an audio packet: a trailing tag as a last packet, a tag
 * between joined files as part of the packet after it. Those packets lose exactly the tag bytes.
 */
const TAGS_READ_AS_AUDIO = new Set(['flac-id3-prefixed.flac', 'mp3-id3v24-appended-footer.mp3', 'mp3-lyrics3v1-enhanced-tag.mp3', 'mp3-joined-files.mp3']);
const ALREADY_CLEAN = ['mp3-nothing-to-remove.mp3', 'flac-nothing-to-remove.flac', 'wav-nothing-to-remove.wav'];

/** Audio tag groups in exiftool: any tag in them is metadata. */
const TAG_GROUPS = /^(ID3|ID3v1|ID3v1_Enh|ID3v2_\d|APE|Lyrics3|XMP(-.+)?|iXML|UserData|ItemList)$/;
/** Structural tags exiftool reports in the container groups; anything else there is metadata. */
const STRUCTURAL = new Set([
  'Vorbis:VorbisVersion', 'Vorbis:AudioChannels', 'Vorbis:SampleRate', 'Vorbis:NominalBitrate', 'Vorbis:MinimumBitrate', 'Vorbis:MaximumBitrate',
  'Opus:OpusVersion', 'Opus:AudioChannels', 'Opus:SampleRate', 'Opus:OutputGain',
  'RIFF:Encoding', 'RIFF:NumChannels', 'RIFF:SampleRate', 'RIFF:AvgBytesPerSec', 'RIFF:BitsPerSample', 'RIFF:RIFFSize64', 'RIFF:DataSize64', 'RIFF:NumberOfSamples64',
  'AIFF:NumChannels', 'AIFF:NumSampleFrames', 'AIFF:SampleSize', 'AIFF:SampleRate', 'AIFF:FormatVersionTime', 'AIFF:CompressionType', 'AIFF:CompressorName',
  'FLAC:BlockSizeMin', 'FLAC:BlockSizeMax', 'FLAC:FrameSizeMin', 'FLAC:FrameSizeMax', 'FLAC:SampleRate', 'FLAC:Channels', 'FLAC:BitsPerSample', 'FLAC:TotalSamples', 'FLAC:MD5Signature',
]);

/** exiftool once over many files (one process start instead of one per file). */
function exiftoolMany(paths: readonly string[]): Map<string, ExiftoolTags> {
  const result = spawnSync('exiftool', ['-j', '-G1', '-a', '-s', '--', ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const parsed = JSON.parse(result.stdout) as ExiftoolTags[];
  return new Map(parsed.map((tags) => [String(tags['SourceFile']), tags]));
}

function audioLeaks(tags: ExiftoolTags): string[] {
  // The MPEG frame header's copyright bit is part of every audio frame, not a tag.
  const leaks = leakedTags(tags).filter((leak) => !leak.startsWith('MPEG:CopyrightFlag='));
  for (const [key, value] of Object.entries(tags)) {
    const group = key.split(':')[0]!;
    if (TAG_GROUPS.test(group)) leaks.push(key);
    if (/^(Vorbis|Opus|RIFF|AIFF|FLAC)$/.test(group) && !STRUCTURAL.has(key) && !(key === 'Vorbis:Vendor' && value === '')) leaks.push(key);
  }
  const text = JSON.stringify(tags);
  for (const value of PLANTED) if (text.includes(value)) leaks.push(`value "${value}"`);
  return leaks;
}

function ffmpeg(args: readonly string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync('ffmpeg', ['-nostdin', '-hide_banner', '-v', 'error', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** One line per audio packet: timestamps, size and MD5 of the packet bytes, copied without decoding. */
function packetHashes(path: string): string[] {
  const result = ffmpeg(['-i', path, '-map', '0:a', '-c', 'copy', '-f', 'framemd5', '-']);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

function streamHash(path: string): string {
  const result = ffmpeg(['-i', path, '-map', '0:a', '-c', 'copy', '-f', 'streamhash', '-']);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

/** One entry of `lowprofile scrub --json`: the CLI's own report type. */
type Entry = FileReport;

describe('lowprofile scrub on audio', () => {
  let out: string;
  let reports: Map<string, Entry>;
  const names = readdirSync(FIXTURES).filter((name) => !name.startsWith('.'));

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'lowprofile-audio-'));
    const result = lowprofile(['scrub', FIXTURES, '--out', out, '--json', '--threads', '2']);
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout) as Entry[];
    reports = new Map(parsed.map((entry) => [entry.path.slice(FIXTURES.length + 1), entry]));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('cleans every fixture, detected by content', () => {
    expect([...reports.keys()].sort()).toEqual([...names].sort());
    const expected: Record<string, string> = { mp3: 'mp3', flac: 'flac', ogg: 'ogg', oga: 'ogg', opus: 'ogg', wav: 'wav', aiff: 'aiff' };
    for (const [name, entry] of reports) {
      expect.soft(['clean', 'already-clean'], `${name}: ${entry.reason ?? ''}`).toContain(entry.status);
      expect.soft(entry.format, name).toBe(expected[name.split('.').pop()!]);
    }
  });

  it('planted every value in the inputs, and none survives in any output byte', () => {
    const inputs = names.map((name) => readFileSync(join(FIXTURES, name)));
    for (const value of PLANTED) {
      expect.soft(inputs.some((bytes) => bytes.includes(Buffer.from(value))), `planted "${value}"`).toBe(true);
    }
    for (const name of names) {
      const bytes = readFileSync(join(out, name));
      for (const value of PLANTED) {
        expect.soft(bytes.includes(Buffer.from(value)) || bytes.includes(Buffer.from(value, 'utf16le')), `${name} still holds "${value}"`).toBe(false);
      }
    }
  });

  it('leaves nothing exiftool can read as metadata', () => {
    // The oracle does see the metadata in the inputs (exiftool 12.57 skips an ID3v2.3 extended
    // header by 6 bytes instead of 10, so it reads nothing in the unsynchronised fixture).
    const inputs = exiftoolMany(names.map((name) => join(FIXTURES, name)));
    for (const name of names.filter((file) => !ALREADY_CLEAN.includes(file) && file !== 'mp3-id3v23-unsync-extended.mp3')) {
      expect.soft(audioLeaks(inputs.get(join(FIXTURES, name)) ?? {}).length, `oracle on input ${name}`).toBeGreaterThan(0);
    }
    const outputs = exiftoolMany(names.map((name) => join(out, name)));
    for (const name of names) {
      const tags = outputs.get(join(out, name));
      expect.soft(tags, name).toBeDefined();
      expect.soft(audioLeaks(tags ?? {}), name).toEqual([]);
    }
  });

  it('keeps the audio packets byte-identical (ffmpeg streamhash) and decodes cleanly', () => {
    for (const name of names) {
      const input = join(FIXTURES, name);
      const output = join(out, name);
      if (TAGS_READ_AS_AUDIO.has(name)) {
        // Every packet matches except the one ffmpeg glued a tag onto: same timestamp, fewer bytes
        // (or, for a trailing tag read as a packet of its own, one packet fewer at the end).
        const fields = (line: string): string[] => line.split(',').slice(0, 6).map((field) => field.trim());
        const before = packetHashes(input).map(fields);
        const after = packetHashes(output).map(fields);
        expect.soft(after.length === before.length || after.length === before.length - 1, name).toBe(true);
        const differing = after.filter((packet, index) => packet.join() !== before[index]!.join());
        expect.soft(differing.length, name).toBeLessThanOrEqual(1);
        for (const packet of differing) {
          const original = before[after.indexOf(packet)]!;
          expect.soft(packet[1], `${name} timestamp`).toBe(original[1]);
          expect.soft(Number(packet[4]), `${name} size`).toBeLessThan(Number(original[4]));
        }
      } else if (name === 'ogg-vorbis-chained.ogg') {
        // In a chained file ffmpeg hands the second stream's header packets on as packets of
        // duration 0; the comment header among them is the one we emptied. Audio packets must match.
        const fields = (line: string): string[] => line.split(',').slice(0, 6).map((field) => field.trim());
        const before = packetHashes(input).map(fields);
        const after = packetHashes(output).map(fields);
        expect.soft(after.length, name).toBe(before.length);
        after.forEach((packet, index) => {
          if (packet.join() !== before[index]!.join()) expect.soft([packet[3], before[index]![3]], `${name} packet ${index}`).toEqual(['0', '0']);
        });
        expect.soft(after.filter((packet) => packet[3] !== '0'), name).toEqual(before.filter((packet) => packet[3] !== '0'));
      } else {
        expect.soft(streamHash(output), name).toBe(streamHash(input));
      }
      // Decoding the output says nothing that decoding the input did not say.
      const quiet = (text: string): string[] => text.split('\n').map((line) => line.replace(/ @ 0x[0-9a-f]+/, '')).filter((line) => line.trim() !== '');
      const decode = ffmpeg(['-i', output, '-f', 'null', '-']);
      expect.soft(decode.status, name).toBe(0);
      const inputWarnings = new Set(quiet(ffmpeg(['-i', input, '-f', 'null', '-']).stderr));
      expect.soft(quiet(decode.stderr).filter((line) => !inputWarnings.has(line)), name).toEqual([]);
    }
  });

  it('lists what it removed, and keeps the MP3 encoder header inside the first frame', () => {
    expect(reports.get('mp3-id3v23-cover-ape-lyrics-v1.mp3')!.removed).toEqual(expect.arrayContaining(['person', 'time', 'thumbnail', 'software', 'other']));
    expect(reports.get('flac-comments-picture-application.flac')!.removed).toEqual(expect.arrayContaining(['person', 'time', 'location', 'thumbnail']));
    expect(reports.get('wav-info-bext-ixml-xmp-id3.wav')!.removed).toEqual(expect.arrayContaining(['person', 'time', 'software', 'other']));
    expect(reports.get('mp3-id3v23-cover-ape-lyrics-v1.mp3')!.kept).toEqual(['software']);
  });

  it('fixes the RIFF size and restores a missing pad byte after an odd-sized chunk', () => {
    const bytes = readFileSync(join(out, 'wav-odd-data-pad-missing.wav'));
    expect(bytes.length % 2).toBe(0);
    expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
    expect(bytes.includes(Buffer.from('LIST'))).toBe(false);
  });

  it('writes Ogg pages with valid CRCs and contiguous sequence numbers, header packets first', () => {
    for (const name of names.filter((file) => /\.(ogg|oga|opus)$/.test(file))) {
      const pages = oggPages(readFileSync(join(out, name)));
      expect.soft(pages.every((page) => page.crcOk), `${name} CRCs`).toBe(true);
      // Within each stream (a chained file starts a new one at each BOS page) pages count up by one.
      const gaps = pages.filter((page, index) => index > 0 && !page.bos && page.sequence !== pages[index - 1]!.sequence + 1);
      expect.soft(gaps, `${name} sequence`).toEqual([]);
    }
    // The big Opus picture filled several header pages; the clean header fits one, so audio pages were renumbered.
    expect(oggPages(readFileSync(join(FIXTURES, 'opus-big-picture.opus'))).length).toBeGreaterThan(oggPages(readFileSync(join(out, 'opus-big-picture.opus'))).length);
  });

  it('returns files with nothing to remove byte-identical, and a second pass finds nothing', () => {
    for (const name of ALREADY_CLEAN) {
      expect.soft(reports.get(name)!.status, name).toBe('already-clean');
      expect.soft(sha256(join(out, name)), name).toBe(sha256(join(FIXTURES, name)));
    }
    const again = mkdtempSync(join(tmpdir(), 'lowprofile-audio-again-'));
    try {
      const result = lowprofile(['scrub', out, '--out', again, '--json']);
      expect(result.status).toBe(0);
      for (const entry of JSON.parse(result.stdout) as Entry[]) expect.soft(entry.status, entry.path).toBe('already-clean');
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});

/** An independent Ogg page reader (RFC 3533) with its own bitwise CRC, for the oracle. */
function oggPages(bytes: Buffer): { sequence: number; bos: boolean; crcOk: boolean }[] {
  const pages: { sequence: number; bos: boolean; crcOk: boolean }[] = [];
  let at = 0;
  while (at + 27 <= bytes.length && bytes.toString('latin1', at, at + 4) === 'OggS') {
    const segments = bytes[at + 26]!;
    let length = 27 + segments;
    for (let index = 0; index < segments; index++) length += bytes[at + 27 + index]!;
    const page = bytes.subarray(at, at + length);
    pages.push({ sequence: page.readUInt32LE(18), bos: (page[5]! & 2) !== 0, crcOk: pageCrc(page) === page.readUInt32LE(22) });
    at += length;
  }
  expect(at).toBe(bytes.length);
  return pages;
}

/** Ogg CRC of a page (bitwise, polynomial 0x04C11DB7, unreflected), with its CRC field as zero. */
function pageCrc(page: Buffer): number {
  const copy = Buffer.from(page);
  copy.writeUInt32LE(0, 22);
  let crc = 0;
  for (const byte of copy) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000_0000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
    crc >>>= 0;
  }
  return crc;
}

// ------------------------------------------------------------------------------ hostile inputs

const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

async function expectFailure(bytes: Uint8Array, code: string, label: string): Promise<void> {
  const plan = await planScrub(bytesSource(new Uint8Array(bytes)));
  expect(plan.status, `${label}: ${plan.reason ?? ''}`).toMatch(/failed|unsupported/);
  expect(plan.issue?.code, label).toBe(code);
  expect(typeof plan.issue?.offset, label).toBe('number');
  expect(plan.pieces, label).toEqual([]);
}

const syncsafe = (n: number): number[] => [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f];

describe('audio: hostile inputs get typed errors', () => {
  it('MP3: ID3v2 sizes past the end, bad syncsafe sizes, appended footers and APE sizes that lie', async () => {
    const audio = fixture('mp3-nothing-to-remove.mp3');
    await expectFailure(Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, ...syncsafe(10_000_000)]), audio.subarray(0, 2000)]), 'truncated', 'ID3 size past end');
    await expectFailure(Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0x80, 0, 0, 0]), audio]), 'invalid', 'non-syncsafe size');
    await expectFailure(Buffer.concat([audio, Buffer.from('3DI'), Buffer.from([4, 0, 0x10, ...syncsafe(5_000_000)])]), 'truncated', 'ID3 footer past start');
    const apeFooter = Buffer.alloc(32);
    apeFooter.write('APETAGEX');
    apeFooter.writeUInt32LE(2000, 8);
    apeFooter.writeUInt32LE(0x7fff_ffff, 12);
    await expectFailure(Buffer.concat([audio, apeFooter]), 'limit_exceeded', 'APE huge size');
    apeFooter.writeUInt32LE(100_000, 12);
    await expectFailure(Buffer.concat([audio.subarray(0, 5000), apeFooter]), 'truncated', 'APE size past start');
    await expectFailure(Buffer.concat([audio, Buffer.from('999999LYRICS200')]), 'truncated', 'Lyrics3 size past start');
  });

  it('MP3: a pile of stacked tags hits a named limit', async () => {
    const empty = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
    const plan = await planScrub(bytesSource(new Uint8Array(Buffer.concat([...Array.from({ length: 100 }, () => empty), fixture('mp3-nothing-to-remove.mp3')]))));
    expect(plan.issue).toMatchObject({ code: 'limit_exceeded', limit: 'MAX_ID3_TAG_COUNT' });
  });

  it('survives corrupted bytes: every outcome is a plan or a typed failure, never a crash', async () => {
    let seed = 777;
    const random = (limit: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % limit;
    const samples = ['mp3-id3v23-cover-ape-lyrics-v1.mp3', 'mp3-id3v24-appended-footer.mp3', 'flac-comments-picture-application.flac', 'ogg-vorbis-comments.ogg', 'opus-big-picture.opus', 'ogg-flac-comments.oga', 'wav-info-bext-ixml-xmp-id3.wav', 'wav-rf64-bext.wav', 'aiff-name-auth-anno-id3.aiff'];
    const outcomes = new Map<string, number>();
    for (const name of samples) {
      const original = fixture(name);
      for (let trial = 0; trial < 40; trial++) {
        const bytes = new Uint8Array(original);
        // Corrupt a few bytes in the structure-heavy start or end, or cut the file short.
        for (let hit = 0; hit < 4; hit++) {
          const at = random(2) === 0 ? random(Math.min(bytes.length, 2048)) : bytes.length - 1 - random(Math.min(bytes.length, 512));
          bytes[at] = random(256);
        }
        const input = random(4) === 0 ? bytes.subarray(0, random(bytes.length)) : bytes;
        const plan = await planScrub(bytesSource(input));
        outcomes.set(plan.status, (outcomes.get(plan.status) ?? 0) + 1);
        if (plan.status === 'failed') expect(plan.issue?.code, name).toMatch(/truncated|invalid|limit_exceeded|loop/);
        if (plan.status === 'planned') {
          // What the scrub writes must read back clean with the format's own reader.
          const written = bytesSource(await piecesToBytes(plan.pieces, bytesSource(input)));
          const verdict = await verifyScrubbed(plan, written);
          expect(verdict.ok, `${name} trial ${trial}: ${verdict.reason ?? ''}`).toBe(true);
        }
      }
    }
    expect([...outcomes.keys()].every((status) => ['planned', 'already-clean', 'unsupported', 'failed'].includes(status))).toBe(true);
  });

  it('MP3 sniffing does not take random bytes (even starting with a frame header) for audio', async () => {
    let seed = 12345;
    const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    let taken = 0;
    for (let trial = 0; trial < 500; trial++) {
      const bytes = Uint8Array.from({ length: 4096 }, random);
      bytes.set([0xff, 0xfb, 0x90, 0x64]); // a valid MPEG-1 layer III header at 0
      if ((await detectSourceFormat(bytesSource(bytes)))?.id === 'mp3') taken++;
    }
    expect(taken).toBe(0);
  });

  it('FLAC: block lengths past the end, forbidden block types, missing STREAMINFO', async () => {
    const flac = Buffer.from(fixture('flac-comments-picture-application.flac'));
    const tooLong = Buffer.from(flac.subarray(0, 200));
    tooLong[4 + 4 + 34 + 1] = 0xff; // the second block's 24-bit length
    await expectFailure(tooLong, 'truncated', 'FLAC block past end');
    const forbidden = Buffer.from(flac);
    forbidden[4 + 4 + 34] = 127;
    await expectFailure(forbidden, 'invalid', 'FLAC type 127');
    const noStreaminfo = Buffer.from(flac);
    noStreaminfo[4] = 4;
    await expectFailure(noStreaminfo, 'invalid', 'FLAC without STREAMINFO');
  });

  it('Ogg: segment tables and bodies past the end, bad CRCs, chained streams, unknown codecs', async () => {
    const ogg = fixture('ogg-vorbis-comments.ogg');
    await expectFailure(ogg.subarray(0, 40), 'truncated', 'Ogg segment table past end');
    await expectFailure(ogg.subarray(0, 100), 'truncated', 'Ogg body past end');
    const badCrc = Buffer.from(ogg);
    badCrc.writeUInt8(badCrc.readUInt8(badCrc.length - 10) ^ 0x55, badCrc.length - 10);
    await expectFailure(badCrc, 'invalid', 'Ogg bad CRC in the last audio page');
    const opus = fixture('opus-comments.opus');
    const opusHead = opus.subarray(0, 27 + opus[26]! + opus[27]!);
    await expectFailure(Buffer.concat([opusHead, ogg]), 'unsupported_feature', 'interleaved (multiplexed) Ogg streams');
    const unknown = Buffer.from(ogg);
    unknown.write('\x80theora', 28, 'latin1');
    const first = unknown.subarray(0, 27 + unknown[26]! + unknown[27]!);
    unknown.writeUInt32LE(pageCrc(first), 22);
    await expectFailure(unknown, 'unsupported_feature', 'an Ogg codec we do not clean');
  });

  it('WAV and AIFF: RIFF/FORM sizes that lie and chunk sizes past the end', async () => {
    const wav = Buffer.from(fixture('wav-info-bext-ixml-xmp-id3.wav'));
    const lyingRiff = Buffer.from(wav);
    lyingRiff.writeUInt32LE(wav.length * 2, 4);
    await expectFailure(lyingRiff, 'truncated', 'RIFF size past end');
    const hugeChunk = Buffer.from(wav);
    hugeChunk.writeUInt32LE(0x7fff_fff0, 16); // the first chunk after WAVE
    await expectFailure(hugeChunk, 'truncated', 'chunk size past end');
    const aiff = Buffer.from(fixture('aiff-name-auth-anno-id3.aiff'));
    const lyingForm = Buffer.from(aiff);
    lyingForm.writeUInt32BE(0xffff_fff0, 4);
    await expectFailure(lyingForm, 'truncated', 'FORM size past end');
    const hugeAiffChunk = Buffer.from(aiff);
    hugeAiffChunk.writeUInt32BE(0x7fff_fff0, 16);
    await expectFailure(hugeAiffChunk, 'truncated', 'AIFF chunk size past end');
    // A RIFF size smaller than the chunks need, in a file whose chunks walk cleanly to its end, is a
    // stale header (common): the file is cleaned and gets the right size.
    const stale = Buffer.from(wav);
    stale.writeUInt32LE(100, 4);
    const plan = await planScrub(bytesSource(new Uint8Array(stale)));
    expect(plan.status).toBe('planned');
    expect(plan.removed.length).toBeGreaterThan(0);
    const rf64 = Buffer.from(fixture('wav-rf64-bext.wav'));
    rf64.writeBigUInt64LE(2n ** 40n, 20); // ds64 RIFF size
    await expectFailure(rf64, 'truncated', 'RF64 size past end');
  });
});
