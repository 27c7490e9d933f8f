/**
 * End to end: the built CLI scrubs the generated MP4/MOV/M4A fixtures. exiftool (with -ee, so timed
 * metadata samples are read too) finds no location, identity, non-zero date or timed metadata;
 * ffmpeg finds the audio and video packets identical and the output decodes cleanly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowprofile } from './helpers/cli.js';
import { sha256 } from './helpers/oracle.js';
import { decodeErrors, exiftoolGroups, leakedVideoTags, streamHash } from './helpers/video-oracle.js';
// @ts-expect-error: plain .mjs fixture module without types
import { SENTINELS } from '../scripts/fixtures/isobmff-video.mjs';
import type { FileReport } from '../packages/cli/src/scrub/report.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'generated', 'video');
const UNSUPPORTED = new Set(['mp4-fragmented.mp4']);

/** One entry of `lowprofile scrub --json`: the CLI's own report type. */
type Entry = FileReport;

function scrub(input: string, out: string, extra: string[] = []): Map<string, Entry> {
  const result = lowprofile(['scrub', input, '--out', out, '--json', '--threads', '2', ...extra]);
  const parsed = JSON.parse(result.stdout) as Entry[];
  return new Map(parsed.map((entry) => [entry.path.split('/').pop()!, entry]));
}

describe('lowprofile scrub on video', () => {
  let out: string;
  let again: string;
  let reports: Map<string, Entry>;
  let names: string[];

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'lowprofile-video-'));
    again = mkdtempSync(join(tmpdir(), 'lowprofile-video-again-'));
    reports = scrub(FIXTURES, out);
    names = readdirSync(FIXTURES).filter((name) => !name.startsWith('.') && !UNSUPPORTED.has(name));
  });
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(again, { recursive: true, force: true });
  });

  it('detects each container by content and cleans it', () => {
    const formats = Object.fromEntries(names.map((name) => [name, reports.get(name)?.format]));
    expect(formats).toEqual({
      '3gp-loci-author.3gp': '3gp',
      'm4v-ipod.m4v': 'm4v',
      'm4a-tags.m4a': 'm4a',
      'mov-phone-mebx-gpmd.mov': 'mov',
      'mov-udta-gps-timecode.mov': 'mov',
      'mp4-faststart-keys-gps.mp4': 'mp4',
      'mp4-plain.mp4': 'mp4',
    });
    for (const name of names) expect.soft(reports.get(name)?.status, `${name}: ${reports.get(name)?.reason ?? ''}`).toBe('clean');
  });

  it('the fixtures do carry what we remove (exiftool sees it before)', () => {
    for (const name of names.filter((candidate) => candidate !== 'mp4-plain.mp4')) expect.soft(leakedVideoTags(join(FIXTURES, name)).length, name).toBeGreaterThan(3);
    const phone = exiftoolGroups(join(FIXTURES, 'mov-phone-mebx-gpmd.mov'), '1');
    expect(Object.keys(phone).some((key) => key.endsWith(':GPSCoordinates'))).toBe(true);
  });

  it('leaves no location, identity, non-zero date or timed metadata by exiftool -ee', () => {
    for (const name of names) expect.soft(leakedVideoTags(join(out, name)), name).toEqual([]);
  });

  it('removes the values themselves from the bytes', () => {
    for (const name of names) {
      const bytes = readFileSync(join(out, name)).toString('latin1');
      for (const sentinel of SENTINELS as string[]) expect.soft(bytes.includes(sentinel), `${name} still holds ${sentinel}`).toBe(false);
    }
  });

  it('keeps audio and video packets identical and the output decodes cleanly', () => {
    for (const name of names) {
      expect.soft(streamHash(join(out, name)), name).toBe(streamHash(join(FIXTURES, name)));
      expect.soft(decodeErrors(join(out, name)), name).toBe('');
    }
  });

  it('drops timed metadata and timecode tracks, including the mebx face track', () => {
    const phone = reports.get('mov-phone-mebx-gpmd.mov')!;
    expect(phone.details.removed).toEqual(expect.arrayContaining(['timed metadata track 3 (meta/mebx)', 'timed metadata track 4 (meta/gpmd)']));
    expect(phone.removed).toEqual(expect.arrayContaining(['location', 'person', 'time']));
    expect(reports.get('mov-udta-gps-timecode.mov')!.details.removed.some((label) => label.startsWith('timecode track'))).toBe(true);
    for (const name of names) {
      const streams = JSON.parse(ffprobeStreams(join(out, name)) || '{}') as { streams?: { codec_type: string }[] };
      expect.soft(streams.streams?.every((stream) => stream.codec_type === 'video' || stream.codec_type === 'audio'), name).toBe(true);
    }
  });

  it('refuses fragmented MP4 and leaves no output', () => {
    const entry = reports.get('mp4-fragmented.mp4')!;
    expect(entry.status).toBe('unsupported');
    expect(entry.reason).toMatch(/fragmented/);
    expect(existsSync(join(out, 'mp4-fragmented.mp4'))).toBe(false);
  });

  it('writes a big file as a kernel copy plus patches, with the same bytes as the small-file path', () => {
    // Past the CLI's in-memory limit (64 MB): the phone MOV with a second, 65 MB mdat appended.
    const big = join(again, 'big', 'phone-big.mov');
    const small = readFileSync(join(FIXTURES, 'mov-phone-mebx-gpmd.mov'));
    const extra = 65 * 1024 * 1024;
    const mdat = Buffer.alloc(extra);
    mdat.writeUInt32BE(extra, 0);
    mdat.write('mdat', 4, 'latin1');
    mdat.fill(0x5a, 8);
    rmSync(join(again, 'big'), { recursive: true, force: true });
    mkdirSync(join(again, 'big'));
    writeFileSync(big, Buffer.concat([small, mdat]), { flag: 'w' });
    const bigOut = join(again, 'big-out');
    const report = scrub(big, bigOut).get('phone-big.mov')!;
    expect(report.status, report.reason).toBe('clean');
    const written = readFileSync(join(bigOut, 'phone-big.mov'));
    expect(written.length).toBe(statSync(big).size);
    // The layout is kept, so the output is the small file's output followed by the same mdat.
    expect(Buffer.compare(written.subarray(0, small.length), readFileSync(join(out, 'mov-phone-mebx-gpmd.mov')))).toBe(0);
    expect(Buffer.compare(written.subarray(small.length), mdat)).toBe(0);
    rmSync(join(again, 'big'), { recursive: true, force: true });
    rmSync(bigOut, { recursive: true, force: true });
  });

  it('is idempotent: a scrubbed file comes back already clean and byte-identical', () => {
    const second = scrub(out, again);
    for (const name of names) {
      expect.soft(second.get(name)?.status, name).toBe('already-clean');
      expect.soft(sha256(join(again, name)), name).toBe(sha256(join(out, name)));
    }
  });
});

function ffprobeStreams(path: string): string {
  return spawnSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', path], { encoding: 'utf8' }).stdout;
}
