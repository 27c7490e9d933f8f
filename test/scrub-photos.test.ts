/**
 * End to end: the built CLI scrubs the generated photo fixtures; exiftool (independent reader)
 * finds nothing identifying, ImageMagick finds the pixels unchanged, orientation survives.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowprofile } from './helpers/cli.js';
import { exiftoolJson, jpegScanHash, leakedTags, pixelSignature, sha256 } from './helpers/oracle.js';
import type { FileReport } from '../packages/cli/src/scrub/report.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'generated', 'photos');

/** One entry of `lowprofile scrub --json`: the CLI's own report type. */
type Entry = FileReport;

describe('lowprofile scrub on photos', () => {
  let out: string;
  let reports: Map<string, Entry>;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'lowprofile-scrub-'));
    const result = lowprofile(['scrub', FIXTURES, '--out', out, '--json', '--threads', '2']);
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout) as Entry[];
    reports = new Map(parsed.map((entry) => [entry.path.slice(FIXTURES.length + 1), entry]));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('reports every fixture and cleans all of them', () => {
    const names = readdirSync(FIXTURES).filter((name) => !name.startsWith('.'));
    expect([...reports.keys()].sort()).toEqual(names.sort());
    for (const [name, entry] of reports) {
      expect.soft(['clean', 'already-clean'], `${name}: ${entry.reason ?? ''}`).toContain(entry.status);
      expect.soft(entry.output).toBe(join(out, name));
    }
  });

  it('leaves nothing identifying by exiftool’s reading', () => {
    for (const name of reports.keys()) {
      expect.soft(leakedTags(exiftoolJson(join(out, name))), name).toEqual([]);
    }
  });

  it('keeps pixels identical', () => {
    for (const name of reports.keys()) {
      expect.soft(pixelSignature(join(out, name)), name).toBe(pixelSignature(join(FIXTURES, name)));
    }
    expect(jpegScanHash(join(out, 'jpeg-everything-rotated-trailer.jpg'))).toBe(jpegScanHash(join(FIXTURES, 'jpeg-everything-rotated-trailer.jpg')));
    expect(jpegScanHash(join(out, 'jpeg-progressive-restart.jpg'))).toBe(jpegScanHash(join(FIXTURES, 'jpeg-progressive-restart.jpg')));
  });

  it('keeps orientation and the colour profile', () => {
    const jpeg = exiftoolJson(join(out, 'jpeg-everything-rotated-trailer.jpg'), ['-n']);
    expect(jpeg['IFD0:Orientation']).toBe(6);
    expect(jpeg['ICC_Profile:ProfileClass'] ?? jpeg['ICC-header:ProfileClass']).toBeDefined();
    const png = exiftoolJson(join(out, 'png-text-exif-time.png'), ['-n']);
    expect(png['IFD0:Orientation']).toBe(8);
    expect(reports.get('jpeg-everything-rotated-trailer.jpg')!.kept).toEqual(['orientation', 'colour-profile']);
  });

  it('lists what it removed by category', () => {
    const full = reports.get('jpeg-everything-rotated-trailer.jpg')!;
    expect(full.removed).toEqual(expect.arrayContaining(['location', 'time', 'device', 'person', 'software', 'thumbnail', 'other']));
  });

  it('drops everything after the end of the image', () => {
    const bytes = readFileSync(join(out, 'jpeg-everything-rotated-trailer.jpg'));
    expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(bytes.indexOf(Buffer.from([0xff, 0xd8, 0xff]), 2)).toBe(-1);
  });

  it('detects by content: a JPEG named .png is cleaned as a JPEG', () => {
    expect(reports.get('jpeg-misnamed.png')!.format).toBe('jpeg');
  });

  it('returns a file with nothing to remove byte-identical', () => {
    for (const name of ['jpeg-nothing-to-remove.jpg', 'png-nothing-to-remove.png']) {
      expect(reports.get(name)!.status, name).toBe('already-clean');
      expect(sha256(join(out, name)), name).toBe(sha256(join(FIXTURES, name)));
    }
  });

  it('is idempotent: a second pass finds nothing more to remove', () => {
    const again = mkdtempSync(join(tmpdir(), 'lowprofile-again-'));
    try {
      const result = lowprofile(['scrub', out, '--out', again, '--json']);
      expect(result.status).toBe(0);
      for (const entry of JSON.parse(result.stdout) as Entry[]) {
        expect.soft(entry.status, entry.path).toBe('already-clean');
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('never touches the originals', () => {
    const before = readdirSync(FIXTURES).map((name) => statSync(join(FIXTURES, name)).mtimeMs);
    lowprofile(['scrub', FIXTURES, '--out', mkdtempSync(join(tmpdir(), 'lowprofile-touch-'))]);
    expect(readdirSync(FIXTURES).map((name) => statSync(join(FIXTURES, name)).mtimeMs)).toEqual(before);
  });
});

describe('lowprofile scrub, failures and usage', () => {
  it('fails closed per file: a broken file leaves no output, the batch goes on, exit 1', () => {
    const work = mkdtempSync(join(tmpdir(), 'lowprofile-bad-'));
    try {
      const input = join(work, 'in');
      const output = join(work, 'out');
      lowprofileWrite(join(input, 'broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x7f, 0xff, 0x45, 0x78]));
      lowprofileWrite(join(input, 'notes.txt'), Buffer.from('just text'));
      lowprofileWrite(join(input, 'good.jpg'), readFileSync(join(FIXTURES, 'jpeg-gps-upright.jpg')));
      const result = lowprofile(['scrub', input, '--out', output, '--json']);
      expect(result.status).toBe(1);
      const entries = JSON.parse(result.stdout) as Entry[];
      const byName = new Map(entries.map((entry) => [entry.path.split('/').pop(), entry]));
      expect(byName.get('broken.jpg')!.status).toBe('failed');
      expect(byName.get('broken.jpg')!.reason).toMatch(/cut short|past its end/);
      expect(byName.get('notes.txt')!.status).toBe('unsupported');
      expect(byName.get('good.jpg')!.status).toBe('clean');
      expect(existsSync(join(output, 'broken.jpg'))).toBe(false);
      expect(existsSync(join(output, 'notes.txt'))).toBe(false);
      expect(readdirSync(output)).toEqual(['good.jpg']); // no temporary files left behind
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('replaces originals atomically with --in-place', () => {
    const work = mkdtempSync(join(tmpdir(), 'lowprofile-inplace-'));
    try {
      const file = join(work, 'photo.jpg');
      lowprofileWrite(file, readFileSync(join(FIXTURES, 'jpeg-everything-rotated-trailer.jpg')));
      const result = lowprofile(['scrub', file, '--in-place', '--json']);
      expect(result.status).toBe(0);
      expect(leakedTags(exiftoolJson(file))).toEqual([]);
      expect(readdirSync(work)).toEqual(['photo.jpg']);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('exits 2 on usage errors, with a message and no stack trace', () => {
    for (const args of [['scrub'], ['scrub', FIXTURES], ['scrub', FIXTURES, '--bogus'], ['frobnicate']]) {
      const result = lowprofile(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/lowprofile/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints help', () => {
    const result = lowprofile(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/scrub/);
  });
});

function lowprofileWrite(path: string, bytes: Uint8Array): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
}
