/**
 * End to end: the built CLI scrubs the generated HEIC/AVIF fixtures. exiftool finds no Exif, XMP,
 * location or identity; heif-convert decodes identical pixels (so the coded items and the
 * rotation are untouched); thumbnails, `irot` and the ICC profile are kept and reported.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowprofile } from './helpers/cli.js';
import { exiftoolJson, leakedTags, pixelSignature, sha256 } from './helpers/oracle.js';
// @ts-expect-error: plain .mjs fixture module without types
import { SENTINELS } from '../scripts/fixtures/isobmff-heif.mjs';
import type { FileReport } from '../packages/cli/src/scrub/report.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'generated', 'heif');

/** One entry of `lowprofile scrub --json`: the CLI's own report type. */
type Entry = FileReport;

function scrub(input: string, out: string, extra: string[] = []): Map<string, Entry> {
  const result = lowprofile(['scrub', input, '--out', out, '--json', '--threads', '2', ...extra]);
  return new Map((JSON.parse(result.stdout) as Entry[]).map((entry) => [entry.path.split('/').pop()!, entry]));
}

/** Decodes with libheif (applies irot) and hashes the pixels with ImageMagick. */
function decodedSignature(path: string, scratch: string): string {
  const png = join(scratch, `${sha256(path).slice(0, 12)}.png`);
  const result = spawnSync('heif-convert', [path, png], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`heif-convert failed on ${path}: ${result.stderr}`);
  const size = spawnSync('identify', ['-quiet', '-format', '%wx%h', png], { encoding: 'utf8' }).stdout;
  return `${size} ${pixelSignature(png)}`;
}

describe('lowprofile scrub on HEIC and AVIF', () => {
  let out: string;
  let dropped: string;
  let scratch: string;
  let reports: Map<string, Entry>;
  let names: string[];

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'lowprofile-heif-'));
    dropped = mkdtempSync(join(tmpdir(), 'lowprofile-heif-noicc-'));
    scratch = mkdtempSync(join(tmpdir(), 'lowprofile-heif-png-'));
    reports = scrub(FIXTURES, out);
    names = readdirSync(FIXTURES).filter((name) => !name.startsWith('.'));
  });
  afterAll(() => {
    for (const dir of [out, dropped, scratch]) rmSync(dir, { recursive: true, force: true });
  });

  it('cleans every fixture; a file with nothing to remove comes back byte-identical', () => {
    expect([...reports.keys()].sort()).toEqual([...names].sort());
    for (const name of names) expect.soft(reports.get(name)?.status, `${name}: ${reports.get(name)?.reason ?? ''}`).toBe(name === 'heic-plain.heic' ? 'already-clean' : 'clean');
    expect(reports.get('avif-exif-xmp.avif')?.format).toBe('avif');
    expect(sha256(join(out, 'heic-plain.heic'))).toBe(sha256(join(FIXTURES, 'heic-plain.heic')));
  });

  it('leaves no Exif, XMP, location or identity by exiftool’s reading', () => {
    for (const name of names) {
      if (name !== 'heic-plain.heic') expect.soft(leakedTags(exiftoolJson(join(FIXTURES, name))).length, `${name} before`).toBeGreaterThan(5);
      expect.soft(leakedTags(exiftoolJson(join(out, name))), name).toEqual([]);
      const bytes = readFileSync(join(out, name)).toString('latin1');
      for (const sentinel of SENTINELS as string[]) expect.soft(bytes.includes(sentinel), `${name} still holds ${sentinel}`).toBe(false);
    }
  });

  it('decodes to identical pixels, upright', () => {
    for (const name of names) expect.soft(decodedSignature(join(out, name), scratch), name).toBe(decodedSignature(join(FIXTURES, name), scratch));
    expect(decodedSignature(join(out, 'heic-irot-exif.heic'), scratch)).toMatch(/^192x256 /);
  });

  it('keeps rotation, thumbnails and the ICC profile, and says so', () => {
    expect(reports.get('heic-irot-exif.heic')?.kept).toEqual(expect.arrayContaining(['orientation', 'thumbnail']));
    expect(exiftoolJson(join(out, 'heic-irot-exif.heic'))['QuickTime:Rotation']).toBe(90);
    expect(reports.get('heic-icc-exif.heic')?.kept).toEqual(expect.arrayContaining(['colour-profile']));
    expect(Object.keys(exiftoolJson(join(out, 'heic-icc-exif.heic'))).some((key) => key.startsWith('ICC'))).toBe(true);
  });

  it('drops the ICC profile on request, renumbering property associations', () => {
    const report = scrub(join(FIXTURES, 'heic-icc-exif.heic'), dropped, ['--drop-colour-profile']).get('heic-icc-exif.heic')!;
    expect(report.status).toBe('clean');
    expect(report.removed).toContain('colour-profile');
    const output = join(dropped, 'heic-icc-exif.heic');
    expect(Object.keys(exiftoolJson(output)).some((key) => key.startsWith('ICC'))).toBe(false);
    expect(decodedSignature(output, scratch)).toBe(decodedSignature(join(FIXTURES, 'heic-icc-exif.heic'), scratch));
  });

  it('is idempotent', () => {
    const again = mkdtempSync(join(tmpdir(), 'lowprofile-heif-again-'));
    try {
      const second = scrub(out, again);
      for (const name of names) {
        expect.soft(second.get(name)?.status, name).toBe('already-clean');
        expect.soft(sha256(join(again, name)), name).toBe(sha256(join(out, name)));
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
