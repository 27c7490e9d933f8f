/**
 * End to end for WebP, GIF and TIFF: the built CLI cleans the generated fixtures; the removed values
 * are absent from the output bytes; containers stay consistent (RIFF size, VP8X flags, GIF trailer,
 * TIFF pages, tiles and BigTIFF); pixels decode identically (ImageMagick, and dwebp for WebP);
 * orientation and the colour profile survive; damaged files fail closed through the CLI.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowprofile } from './helpers/cli.js';
import { exiftoolJson, leakedTags, pixelSignature, sha256 } from './helpers/oracle.js';
import type { FileReport } from '../packages/cli/src/scrub/report.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'generated', 'photos');
const OURS = /^(webp|gif|tiff)-/;
/** Values written by the fixture generators that must not survive anywhere in the output bytes. */
const SECRETS = ['Maria Example', 'FixturePhone', 'FP-9000', 'SN-77812', 'BODY-5550123', 'marias-laptop', 'Springfield', 'FixtureCam', 'FixtureEdit', 'FixtureScanner', 'ScanApp', 'taken at the march', '/home/maria', 'march.jpg', 'front page', 'meet at the usual place', '2024:05:0', '0123456789abcdef'];

/** One entry of `lowprofile scrub --json`: the CLI's own report type. */
type Entry = FileReport;

function scrub(args: readonly string[]): Map<string, Entry> {
  const result = lowprofile(['scrub', ...args, '--json', '--threads', '2']);
  const parsed = JSON.parse(result.stdout) as Entry[];
  return new Map(parsed.map((entry) => [entry.path.split('/').pop()!, entry]));
}

function dwebpHash(path: string): string {
  const result = spawnSync('dwebp', ['-quiet', '-pam', '-o', '-', '--', path], { maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`dwebp failed on ${path}: ${String(result.stderr)}`);
  return createHash('sha256').update(result.stdout).digest('hex');
}

describe('lowprofile scrub on WebP, GIF and TIFF', () => {
  let out: string;
  let reports: Map<string, Entry>;
  let names: string[];

  beforeAll(() => {
    names = readdirSync(FIXTURES).filter((name) => OURS.test(name));
    out = mkdtempSync(join(tmpdir(), 'lowprofile-formats-'));
    reports = scrub([...names.map((name) => join(FIXTURES, name)), '--out', out]);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('has fixtures for every format and cleans them all', () => {
    for (const prefix of ['webp-', 'gif-', 'tiff-']) expect(names.some((name) => name.startsWith(prefix)), prefix).toBe(true);
    for (const name of names) {
      const entry = reports.get(name)!;
      expect.soft(['clean', 'already-clean'], `${name}: ${entry.reason ?? ''}`).toContain(entry.status);
      expect.soft(entry.format, name).toBe(name.split('-')[0]);
    }
  });

  it('leaves none of the removed values anywhere in the output bytes, and exiftool finds nothing', () => {
    for (const name of names) {
      const input = readFileSync(join(FIXTURES, name));
      const output = readFileSync(join(out, name));
      for (const secret of SECRETS) {
        if (input.includes(secret)) expect.soft(output.includes(secret), `${name} still holds "${secret}"`).toBe(false);
      }
      expect.soft(leakedTags(exiftoolJson(join(out, name))), name).toEqual([]);
    }
  });

  it('keeps pixels identical (ImageMagick; dwebp for WebP)', () => {
    for (const name of names) {
      expect.soft(pixelSignature(join(out, name)), name).toBe(pixelSignature(join(FIXTURES, name)));
      if (name.startsWith('webp-') && !name.includes('animated')) expect.soft(dwebpHash(join(out, name)), name).toBe(dwebpHash(join(FIXTURES, name)));
    }
  });

  it('returns files with nothing to remove byte-identical', () => {
    for (const name of ['webp-nothing-to-remove.webp', 'gif-nothing-to-remove.gif', 'tiff-nothing-to-remove.tif']) {
      expect(reports.get(name)!.status, name).toBe('already-clean');
      expect(sha256(join(out, name)), name).toBe(sha256(join(FIXTURES, name)));
    }
  });

  it('is idempotent', () => {
    const again = mkdtempSync(join(tmpdir(), 'lowprofile-formats-again-'));
    try {
      for (const [name, entry] of scrub([out, '--out', again])) {
        expect.soft(entry.status, name).toBe('already-clean');
        expect.soft(sha256(join(again, name)), name).toBe(sha256(join(out, name)));
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('WebP: fixes the RIFF size and VP8X flags, keeps ICC and the rotation', () => {
    for (const name of names.filter((file) => file.startsWith('webp-'))) {
      const bytes = readFileSync(join(out, name));
      expect(bytes.readUInt32LE(4), name).toBe(bytes.length - 8);
    }
    const tags = exiftoolJson(join(out, 'webp-icc-exif-xmp-rotated.webp'), ['-n']);
    expect(tags['IFD0:Orientation']).toBe(6);
    expect(tags['ICC-header:ProfileClass'] ?? tags['ICC_Profile:ProfileClass']).toBeDefined();
    const full = readFileSync(join(out, 'webp-icc-exif-xmp-rotated.webp'));
    expect(full.subarray(12, 16).toString('latin1')).toBe('VP8X');
    expect(full[20]! & 0x2c).toBe(0x28); // ICC and EXIF set, XMP cleared
    expect(reports.get('webp-icc-exif-xmp-rotated.webp')!.kept).toEqual(['orientation', 'colour-profile']);
    const anim = exiftoolJson(join(out, 'webp-animated-xmp.webp'));
    expect(anim['RIFF:WebP_Flags']).toBe('Animation');
    expect(anim['RIFF:AnimationLoopCount']).toBe('inf');
  });

  it('GIF: keeps the animation and the loop, drops comment and XMP, ends at the trailer', () => {
    const before = exiftoolJson(join(FIXTURES, 'gif-animated-comment-xmp.gif'));
    const after = exiftoolJson(join(out, 'gif-animated-comment-xmp.gif'));
    expect(after['GIF:FrameCount']).toBe(before['GIF:FrameCount']);
    expect(after['GIF:AnimationIterations']).toBe('Infinite');
    expect(after['GIF:Comment']).toBeUndefined();
    const bytes = readFileSync(join(out, 'gif-animated-comment-xmp.gif'));
    expect(bytes[bytes.length - 1]).toBe(0x3b);
    expect(bytes.includes('XMP DataXMP')).toBe(false);
  });

  it('TIFF: keeps pages, tiles, BigTIFF, orientation and ICC; the new file is compact', () => {
    const pages = (path: string): number => spawnSync('tiffinfo', [path], { encoding: 'utf8' }).stdout.split('TIFF Directory at offset').length - 1;
    expect(pages(join(out, 'tiff-multipage-identity.tif'))).toBe(2);
    const tiled = exiftoolJson(join(out, 'tiff-tiled-identity.tif'));
    expect(tiled['IFD0:TileWidth']).toBe(64);
    expect(readFileSync(join(out, 'tiff-bigtiff-identity.tif')).readUInt16LE(2)).toBe(43);
    const full = exiftoolJson(join(out, 'tiff-identity-gps-xmp-iptc.tif'), ['-n']);
    expect(full['IFD0:Orientation']).toBe(8);
    expect(full['ICC-header:ProfileClass'] ?? full['ICC_Profile:ProfileClass']).toBeDefined();
    // Compact: image data plus a few hundred bytes of IFDs and values (ICC is 164 bytes).
    for (const name of names.filter((file) => file.startsWith('tiff-'))) {
      const tags = exiftoolJson(join(out, name), ['-n']);
      const data = Object.entries(tags).filter(([key]) => /:(StripByteCounts|TileByteCounts)$/.test(key)).flatMap(([, value]) => String(value).split(' ').map(Number)).reduce((a, b) => a + b, 0);
      expect.soft(readFileSync(join(out, name)).length - data, name).toBeLessThan(1024);
    }
    const pageInfo = spawnSync('tiffinfo', [join(out, 'tiff-multipage-identity.tif')], { encoding: 'utf8' });
    expect(pageInfo.stderr).not.toMatch(/error/i);
  });

  it('drops the colour profile on request', () => {
    const dropped = mkdtempSync(join(tmpdir(), 'lowprofile-formats-noicc-'));
    try {
      const files = ['webp-icc-exif-xmp-rotated.webp', 'tiff-identity-gps-xmp-iptc.tif'];
      const result = scrub([...files.map((name) => join(FIXTURES, name)), '--out', dropped, '--drop-colour-profile']);
      for (const name of files) {
        expect(result.get(name)!.status, name).toBe('clean');
        expect(result.get(name)!.removed, name).toContain('colour-profile');
        const tags = exiftoolJson(join(dropped, name));
        expect(Object.keys(tags).some((key) => key.startsWith('ICC')), name).toBe(false);
      }
      expect(readFileSync(join(dropped, 'webp-icc-exif-xmp-rotated.webp'))[20]! & 0x20).toBe(0);
    } finally {
      rmSync(dropped, { recursive: true, force: true });
    }
  });
});

describe('damaged WebP, GIF and TIFF through the CLI', () => {
  it('fail closed: typed reason, no output, the batch goes on', () => {
    const work = mkdtempSync(join(tmpdir(), 'lowprofile-formats-bad-'));
    try {
      const input = join(work, 'in');
      const output = join(work, 'out');
      mkdirSync(input);
      const webp = readFileSync(join(FIXTURES, 'webp-icc-exif-xmp-rotated.webp'));
      const lie = Buffer.from(webp);
      lie.writeUInt32LE(webp.length * 3, 4);
      writeFileSync(join(input, 'riff-size-lie.webp'), lie);
      const gif = readFileSync(join(FIXTURES, 'gif-animated-comment-xmp.gif'));
      writeFileSync(join(input, 'gif-cut.gif'), gif.subarray(0, Math.floor(gif.length / 2)));
      const loop = Buffer.from(readFileSync(join(FIXTURES, 'tiff-tiled-identity.tif')));
      const firstIfd = loop.readUInt32LE(4);
      loop.writeUInt32LE(firstIfd, firstIfd + 2 + loop.readUInt16LE(firstIfd) * 12); // next IFD = itself
      writeFileSync(join(input, 'ifd-loop.tif'), loop);
      writeFileSync(join(input, 'jpeg-no-eoi.jpg'), readFileSync(join(FIXTURES, 'jpeg-gps-upright.jpg')).subarray(0, -2));
      writeFileSync(join(input, 'good.gif'), readFileSync(join(FIXTURES, 'gif-nothing-to-remove.gif')));
      const result = lowprofile(['scrub', input, '--out', output, '--json']);
      expect(result.status).toBe(1);
      const byName = new Map((JSON.parse(result.stdout) as Entry[]).map((entry) => [entry.path.split('/').pop()!, entry]));
      expect(byName.get('riff-size-lie.webp')!.reason).toMatch(/cut short|past its end/);
      expect(byName.get('gif-cut.gif')!.reason).toMatch(/cut short|past its end/);
      expect(byName.get('ifd-loop.tif')!.reason).toMatch(/loops back/);
      expect(byName.get('jpeg-no-eoi.jpg')!.reason).toMatch(/cut short|past its end/);
      for (const name of ['riff-size-lie.webp', 'gif-cut.gif', 'ifd-loop.tif', 'jpeg-no-eoi.jpg']) {
        expect(byName.get(name)!.status, name).toBe('failed');
        expect(existsSync(join(output, name)), name).toBe(false);
      }
      expect(readdirSync(output)).toEqual(['good.gif']);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
