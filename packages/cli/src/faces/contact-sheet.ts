/**
 * Contact sheets for review: thumbnails of the ORIGINAL photos (so a person can see what was and
 * was not found) with every box outlined and numbered as in the report. They show unredacted
 * faces: they are written apart from the redacted outputs and must not be shared.
 */
import { downscaleToFit, type FaceBox, type RgbaImage } from '@lowprofile/core';

export interface SheetEntry {
  /** 1-based file number as in the report. */
  readonly number: number;
  readonly image: RgbaImage;
  readonly boxes: readonly FaceBox[];
}

export const THUMB_SIDE = 640;
export const SHEET_COLUMNS = 3;
export const FILES_PER_SHEET = 12;

// 3×5 bitmap digits, rows top to bottom, 3 bits per row (MSB left).
const DIGITS: readonly number[][] = [
  [7, 5, 5, 5, 7], [2, 6, 2, 2, 7], [7, 1, 7, 4, 7], [7, 1, 7, 1, 7], [5, 5, 7, 1, 1],
  [7, 4, 7, 1, 7], [7, 4, 7, 5, 7], [7, 1, 1, 1, 1], [7, 5, 7, 5, 7], [7, 5, 7, 1, 7],
];
// A '#' sign (5 wide) to mark file numbers.
const HASH = [0b01010, 0b11111, 0b01010, 0b11111, 0b01010];

type Rgb = readonly [number, number, number];

function setPixel(image: RgbaImage, x: number, y: number, rgb: Rgb): void {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
  const p = (y * image.width + x) * 4;
  image.data[p] = rgb[0];
  image.data[p + 1] = rgb[1];
  image.data[p + 2] = rgb[2];
  image.data[p + 3] = 255;
}

function fillRect(image: RgbaImage, x: number, y: number, w: number, h: number, rgb: Rgb): void {
  for (let yy = Math.max(0, y); yy < Math.min(image.height, y + h); yy++) for (let xx = Math.max(0, x); xx < Math.min(image.width, x + w); xx++) setPixel(image, xx, yy, rgb);
}

function strokeRect(image: RgbaImage, x: number, y: number, w: number, h: number, thickness: number, rgb: Rgb): void {
  fillRect(image, x, y, w, thickness, rgb);
  fillRect(image, x, y + h - thickness, w, thickness, rgb);
  fillRect(image, x, y, thickness, h, rgb);
  fillRect(image, x + w - thickness, y, thickness, h, rgb);
}

/** Draws `text` (digits and '#') with a dark backing plate; returns the drawn width. */
function drawLabel(image: RgbaImage, text: string, x: number, y: number, scale: number, rgb: Rgb): number {
  const glyphs = [...text].map((ch) => (ch === '#' ? { rows: HASH, width: 5 } : { rows: DIGITS[Number(ch)] ?? DIGITS[0]!, width: 3 }));
  const width = glyphs.reduce((n, g) => n + (g.width + 1) * scale, scale);
  fillRect(image, x, y, width, 7 * scale, [0, 0, 0]);
  let cx = x + scale;
  for (const glyph of glyphs) {
    glyph.rows.forEach((row, ry) => {
      for (let bit = 0; bit < glyph.width; bit++) {
        if (row & (1 << (glyph.width - 1 - bit))) fillRect(image, cx + bit * scale, y + scale + ry * scale, scale, scale, rgb);
      }
    });
    cx += (glyph.width + 1) * scale;
  }
  return width;
}

/** One sheet: a grid of thumbnails with numbered boxes (yellow) and file numbers (white). */
export function renderContactSheet(entries: readonly SheetEntry[]): RgbaImage {
  const cell = THUMB_SIDE + 16;
  const columns = Math.min(SHEET_COLUMNS, Math.max(1, entries.length));
  const rows = Math.ceil(entries.length / columns);
  const sheet: RgbaImage = { width: columns * cell, height: rows * cell, data: new Uint8Array(columns * cell * rows * cell * 4) };
  fillRect(sheet, 0, 0, sheet.width, sheet.height, [40, 40, 40]);
  entries.forEach((entry, index) => {
    const { image: thumb, factor } = downscaleToFit(entry.image, THUMB_SIDE);
    const ox = (index % columns) * cell + 8;
    const oy = Math.floor(index / columns) * cell + 8;
    for (let y = 0; y < thumb.height; y++) {
      const from = y * thumb.width * 4;
      sheet.data.set(thumb.data.subarray(from, from + thumb.width * 4), ((oy + y) * sheet.width + ox) * 4);
    }
    entry.boxes.forEach((box, i) => {
      const bx = ox + Math.round(box.x * factor);
      const by = oy + Math.round(box.y * factor);
      const bw = Math.max(3, Math.round(box.width * factor));
      const bh = Math.max(3, Math.round(box.height * factor));
      strokeRect(sheet, bx, by, bw, bh, 2, [255, 220, 0]);
      drawLabel(sheet, String(i + 1), bx, Math.max(oy, by - 14), 2, [255, 220, 0]);
    });
    drawLabel(sheet, `#${entry.number}`, ox, oy, 3, [255, 255, 255]);
  });
  return sheet;
}
