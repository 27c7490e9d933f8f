/**
 * End to end: `lowprofile redact` on generated synthetic faces (no real person, no dataset).
 * Independent checks: sharp decodes the output pixels, exiftool reads its metadata, the bundled
 * detector runs again on the output, and the bytes are inspected for thumbnails and trailers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enlargeBox, extrasInImageFile, FILL_RGB, iou, type FaceBox } from '@lowprofile/core';
import { lowprofile } from './helpers/cli.js';
import { exiftoolJson, sha256 } from './helpers/oracle.js';
import { countFaces, decodeImage, loadDetector } from '../packages/cli/src/faces/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'generated', 'faces');
const fixture = (name: string): string => join(FIXTURES, name);

interface FileReport {
  path: string;
  output: string | null;
  status: string;
  width: number;
  height: number;
  detected: FaceBox[];
  painted: FaceBox[];
  notes: string[];
  reason?: string;
}
interface RunReport {
  model: string;
  licence: string;
  contactSheets: string[];
  unusedBoxEntries: string[];
  files: FileReport[];
}

function run(args: string[]): { status: number; report: RunReport; stderr: string } {
  const result = lowprofile(['redact', ...args, '--json']);
  return { status: result.status, report: JSON.parse(result.stdout) as RunReport, stderr: result.stderr };
}

async function rgba(path: string): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(readFileSync(path)).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

describe('lowprofile redact', () => {
  let out: string;
  let result: ReturnType<typeof run>;
  const originals = new Map<string, string>();

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'lowprofile-redact-'));
    for (const name of ['face-upright.png', 'face-rotated-exif-thumbnail-trailer.jpg', 'face-off-centre.jpg']) originals.set(name, sha256(fixture(name)));
    result = run([fixture('face-upright.png'), fixture('face-rotated-exif-thumbnail-trailer.jpg'), fixture('face-off-centre.jpg'), fixture('no-face.png'), '--out', join(out, 'red')]);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const report = (name: string): FileReport => result.report.files.find((file) => file.path.endsWith(name))!;

  it('finds the face in every synthetic photo, in displayed (EXIF-oriented) coordinates', () => {
    expect(result.status).toBe(0);
    expect(result.report.licence).toMatch(/Apache-2\.0/);
    // The default is the BlazeFace ensemble: back 256 on 384-px tiles plus front 128 on 224-px tiles.
    expect(result.report.model).toMatch(/back.*\+.*front/);
    for (const name of ['face-upright.png', 'face-rotated-exif-thumbnail-trailer.jpg']) {
      const file = report(name);
      expect(file.status).toBe('redacted');
      // Displayed size is 480×360 for both: the rotated JPEG is reported upright.
      expect([file.width, file.height]).toEqual([480, 360]);
      expect(file.detected).toHaveLength(1);
      const box = file.detected[0]!;
      expect(box.x + box.width / 2).toBeGreaterThan(220);
      expect(box.x + box.width / 2).toBeLessThan(260);
      expect(box.y + box.height / 2).toBeGreaterThan(165);
      expect(box.y + box.height / 2).toBeLessThan(225);
    }
    const off = report('face-off-centre.jpg').detected;
    expect(off).toHaveLength(1);
    expect(off[0]!.x + off[0]!.width / 2).toBeGreaterThan(490);
    expect(report('no-face.png').detected).toEqual([]);
  });

  it('covers the whole enlarged box with the opaque fill', async () => {
    for (const name of ['face-upright.png', 'face-rotated-exif-thumbnail-trailer.jpg']) {
      const file = report(name);
      const image = await rgba(file.output!);
      const region = enlargeBox(file.painted[0]!, image.width, image.height)!;
      const tolerance = name.endsWith('.png') ? 0 : 24;
      let wrong = 0;
      for (let y = region.y + 1; y < region.y + region.height - 1; y++) {
        for (let x = region.x + 1; x < region.x + region.width - 1; x++) {
          const p = (y * image.width + x) * 4;
          if ([0, 1, 2].some((c) => Math.abs(image.data[p + c]! - FILL_RGB[c]!) > tolerance)) wrong++;
        }
      }
      expect(wrong).toBe(0);
      // The eyes and mouth of the drawing are inside the painted area.
      for (const [x, y] of [[212, 168], [268, 168], [240, 236]] as const) {
        expect(x >= region.x && x < region.x + region.width && y >= region.y && y < region.y + region.height).toBe(true);
      }
    }
  });

  it('the detector no longer finds a face in a redacted region', async () => {
    const loaded = await loadDetector();
    for (const name of ['face-upright.png', 'face-rotated-exif-thumbnail-trailer.jpg', 'face-off-centre.jpg']) {
      const file = report(name);
      const { image } = await decodeImage(readFileSync(file.output!));
      const again = await loaded.detector.detect(image, { threshold: 0.3 });
      expect(again.filter((box) => file.painted.some((face) => iou(box, face) > 0.1))).toEqual([]);
    }
  });

  it('writes new files with no metadata, no thumbnail and nothing after EOI/IEND; originals untouched', () => {
    for (const name of ['face-upright.png', 'face-rotated-exif-thumbnail-trailer.jpg', 'face-off-centre.jpg']) {
      const file = report(name);
      const bytes = readFileSync(file.output!);
      expect(extrasInImageFile(bytes, name.endsWith('.png') ? 'png' : 'jpeg')).toEqual([]);
      const tags = exiftoolJson(file.output!);
      const groups = new Set(Object.keys(tags).filter((key) => key.includes(':')).map((key) => key.split(':')[0]));
      expect([...groups].filter((group) => !['ExifTool', 'System', 'File', 'Composite', 'PNG'].includes(group!))).toEqual([]);
      expect(Object.keys(tags).filter((key) => /Thumbnail|Preview|GPS|Make|Model|Artist|Comment|Creator|Orientation|Trailer/.test(key))).toEqual([]);
      // The only PNG tags are the image header's.
      expect(Object.keys(tags).filter((key) => key.startsWith('PNG:')).every((key) => /Width|Height|BitDepth|ColorType|Compression|Filter|Interlace/.test(key))).toBe(true);
      if (name.endsWith('.jpg')) {
        expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
        expect(bytes.indexOf(Buffer.from([0xff, 0xd8]), 2)).toBe(-1); // no embedded JPEG (thumbnail, appended image)
      }
      expect(sha256(fixture(name))).toBe(originals.get(name));
      const expected: Record<string, RegExp> = {
        'face-upright.png': /new PNG/,
        'face-rotated-exif-thumbnail-trailer.jpg': /quality 95 .*EXIF orientation 6/, // rotation: re-encoded
        'face-off-centre.jpg': /DCT domain/,
      };
      expect(file.notes.join(' ')).toMatch(expected[name]!);
    }
  });

  it('edits an upright JPEG in the DCT domain: pixels outside the painted MCUs are unchanged', async () => {
    const file = report('face-off-centre.jpg');
    const before = await rgba(fixture('face-off-centre.jpg'));
    const after = await rgba(file.output!);
    const region = enlargeBox(file.painted[0]!, before.width, before.height)!;
    // Painted MCUs (8 px here: 4:4:4) contain the grown box; allow one MCU of margin for decoders'
    // chroma upsampling across the edge.
    const margin = 16;
    let changedOutside = 0;
    let changedInside = 0;
    for (let y = 0; y < before.height; y++) {
      for (let x = 0; x < before.width; x++) {
        const near = x >= region.x - margin && x < region.x + region.width + margin && y >= region.y - margin && y < region.y + region.height + margin;
        const p = (y * before.width + x) * 4;
        const same = before.data[p] === after.data[p] && before.data[p + 1] === after.data[p + 1] && before.data[p + 2] === after.data[p + 2];
        if (!near && !same) changedOutside++;
        if (near && !same) changedInside++;
      }
    }
    expect(changedOutside).toBe(0);
    expect(changedInside).toBeGreaterThan(region.width * region.height * 0.9);
  });

  it('writes a contact sheet PNG with the boxes', async () => {
    expect(result.report.contactSheets).toHaveLength(1);
    const sheet = result.report.contactSheets[0]!;
    expect(existsSync(sheet)).toBe(true);
    const meta = await sharp(sheet).metadata();
    expect(meta.format).toBe('png');
    expect(sheet.startsWith(join(out, 'red-review'))).toBe(true);
  });

  it('applies --boxes corrections: remove a detection, add a box', async () => {
    const boxes = join(out, 'boxes.json');
    writeFileSync(boxes, JSON.stringify({ 'face-upright.png': { remove: [1], add: [{ x: 20, y: 20, width: 40, height: 40 }] } }));
    const corrected = run([fixture('face-upright.png'), '--out', join(out, 'corrected'), '--boxes', boxes]);
    expect(corrected.status).toBe(0);
    const file = corrected.report.files[0]!;
    expect(file.painted).toEqual([{ x: 20, y: 20, width: 40, height: 40, score: 1 }]);
    const image = await rgba(file.output!);
    const at = (x: number, y: number): number[] => [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];
    expect(at(30, 30)).toEqual([...FILL_RGB]);
    expect(at(240, 236)).not.toEqual([...FILL_RGB]); // the face was deliberately left (box 1 removed)
  });

  it('marks mosaic as reversible, and reports unusable files with exit 1', () => {
    const mosaic = run([fixture('face-upright.png'), fixture('not-an-image.jpg'), '--out', join(out, 'mosaic'), '--method', 'mosaic']);
    expect(mosaic.status).toBe(1);
    expect(mosaic.report.files.find((file) => file.path.endsWith('face-upright.png'))!.notes.join(' ')).toMatch(/WARNING: mosaic/);
    const bad = mosaic.report.files.find((file) => file.path.endsWith('not-an-image.jpg'))!;
    expect(bad.status).toBe('unsupported');
    expect(bad.output).toBeNull();
    expect(existsSync(join(out, 'mosaic', 'not-an-image.jpg'))).toBe(false);
  });

  it('refuses bad usage with exit 2', () => {
    expect(lowprofile(['redact', fixture('face-upright.png')]).status).toBe(2);
    expect(lowprofile(['redact', fixture('face-upright.png'), '--out', out, '--method', 'smudge']).status).toBe(2);
    expect(lowprofile(['redact', fixture('face-upright.png'), '--out', out, '--model', 'x.onnx']).status).toBe(2);
  });

  it('mirrored passes map boxes back onto the same face', async () => {
    const loaded = await loadDetector();
    const { image } = await decodeImage(readFileSync(fixture('face-off-centre.jpg')));
    const plain = await loaded.detector.detect(image, { tileSizes: [] });
    const both = await loaded.detector.detect(image, { tileSizes: [], mirror: true });
    expect(plain).toHaveLength(1);
    expect(both).toHaveLength(1); // the mirrored detection of the same face is merged, not added
    expect(iou(both[0]!, plain[0]!)).toBeGreaterThan(0.8);
  });

  it('redacts a WebP into a new PNG', () => {
    const webp = run([fixture('face.webp'), '--out', join(out, 'webp')]);
    expect(webp.status).toBe(0);
    const file = webp.report.files[0]!;
    expect(file.detected).toHaveLength(1);
    expect(file.output!.endsWith('face.png')).toBe(true);
    expect(extrasInImageFile(readFileSync(file.output!), 'png')).toEqual([]);
    expect(file.notes.join(' ')).toMatch(/WebP input written as PNG/);
  });

  it('countFaces counts faces for the audit', async () => {
    expect(await countFaces(readFileSync(fixture('face-rotated-exif-thumbnail-trailer.jpg')))).toBe(1);
    expect(await countFaces(readFileSync(fixture('no-face.png')))).toBe(0);
    await expect(countFaces(readFileSync(fixture('not-an-image.jpg')))).rejects.toThrow(/not a JPEG/);
  });
});
