/**
 * Decoded pixels as the detector and the redactor see them: 8-bit RGBA, row-major, no padding
 * (the layout of ImageData in browsers and of sharp's `.ensureAlpha().raw()` in Node). Always the
 * displayed orientation: callers apply EXIF orientation before handing pixels over.
 */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** A region of an image, in pixels. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function checkImage(image: RgbaImage): void {
  if (!Number.isInteger(image.width) || !Number.isInteger(image.height) || image.width < 1 || image.height < 1) {
    throw new RangeError(`image size ${image.width}×${image.height} is not a positive whole size`);
  }
  if (image.data.length !== image.width * image.height * 4) {
    throw new RangeError(`image data has ${image.data.length} bytes, expected ${image.width * image.height * 4} (RGBA)`);
  }
}

/**
 * Area-averaging downscale so the long side is at most `maxSide`; returns the image itself when it
 * is already small enough. Box filter: every source pixel contributes once, so fine detail is not
 * aliased away as in plain bilinear sampling.
 */
export function downscaleToFit(image: RgbaImage, maxSide: number): { image: RgbaImage; factor: number } {
  const longSide = Math.max(image.width, image.height);
  if (longSide <= maxSide) return { image, factor: 1 };
  const factor = maxSide / longSide;
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const out = new Uint8Array(width * height * 4);
  const sums = new Float64Array(width * 4);
  const counts = new Float64Array(width);
  const src = image.data;
  // Source column → destination column, computed once.
  const columnOf = new Int32Array(image.width);
  for (let x = 0; x < image.width; x++) columnOf[x] = Math.min(width - 1, Math.floor((x * width) / image.width));
  let sy = 0;
  for (let dy = 0; dy < height; dy++) {
    const syEnd = Math.min(image.height, Math.max(sy + 1, Math.round(((dy + 1) * image.height) / height)));
    sums.fill(0);
    counts.fill(0);
    for (; sy < syEnd; sy++) {
      let p = sy * image.width * 4;
      for (let x = 0; x < image.width; x++, p += 4) {
        const dx = columnOf[x]!;
        const q = dx * 4;
        sums[q] = sums[q]! + src[p]!;
        sums[q + 1] = sums[q + 1]! + src[p + 1]!;
        sums[q + 2] = sums[q + 2]! + src[p + 2]!;
        sums[q + 3] = sums[q + 3]! + src[p + 3]!;
        counts[dx]! += 1;
      }
    }
    const row = dy * width * 4;
    for (let dx = 0; dx < width; dx++) {
      const n = counts[dx]! || 1;
      const q = dx * 4;
      out[row + q] = sums[q]! / n + 0.5;
      out[row + q + 1] = sums[q + 1]! / n + 0.5;
      out[row + q + 2] = sums[q + 2]! / n + 0.5;
      out[row + q + 3] = sums[q + 3]! / n + 0.5;
    }
  }
  return { image: { width, height, data: out }, factor: width / image.width };
}

/** How a model wants its input tensor laid out and scaled: value = (pixel − mean) × scale. */
export interface TensorFormat {
  readonly size: number;
  readonly layout: 'nchw' | 'nhwc';
  readonly channels: 'rgb' | 'bgr';
  readonly mean: number;
  readonly scale: number;
}

/**
 * Samples `region` of the image into a square `size`×`size` float tensor, letterboxed at the top
 * left (aspect kept, the rest padded with the value of a mid-grey pixel). Each output pixel is the
 * mean of up to 4×4 samples over its footprint, so downscaling does not alias. Returns the tensor
 * and the factor from region pixels to tensor pixels.
 */
export function regionToTensor(image: RgbaImage, region: Region, format: TensorFormat, mirror = false): { data: Float32Array; dims: number[]; scale: number } {
  const { size } = format;
  const scale = size / Math.max(region.width, region.height);
  const outW = Math.min(size, Math.round(region.width * scale));
  const outH = Math.min(size, Math.round(region.height * scale));
  const data = new Float32Array(3 * size * size);
  const pad = (128 - format.mean) * format.scale;
  data.fill(pad);
  const step = 1 / scale;
  const taps = Math.max(1, Math.min(4, Math.ceil(step)));
  const src = image.data;
  const plane = size * size;
  const [c0, c2] = format.channels === 'rgb' ? [0, 2] : [2, 0];
  const maxX = image.width - 1;
  const maxY = image.height - 1;
  const sampleX = new Int32Array(outW * taps);
  for (let ox = 0; ox < outW; ox++) {
    for (let t = 0; t < taps; t++) {
      const sx = mirror ? region.x + region.width - (ox + (t + 0.5) / taps) * step : region.x + (ox + (t + 0.5) / taps) * step;
      sampleX[ox * taps + t] = Math.min(maxX, Math.max(0, Math.floor(sx)));
    }
  }
  const inv = 1 / (taps * taps);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let ty = 0; ty < taps; ty++) {
        const sy = Math.min(maxY, Math.max(0, Math.floor(region.y + (oy + (ty + 0.5) / taps) * step)));
        const rowBase = sy * image.width;
        for (let tx = 0; tx < taps; tx++) {
          const p = (rowBase + sampleX[ox * taps + tx]!) * 4;
          r += src[p]!;
          g += src[p + 1]!;
          b += src[p + 2]!;
        }
      }
      const v0 = ((r * inv) - format.mean) * format.scale;
      const v1 = ((g * inv) - format.mean) * format.scale;
      const v2 = ((b * inv) - format.mean) * format.scale;
      const first = c0 === 0 ? v0 : v2;
      const last = c2 === 2 ? v2 : v0;
      if (format.layout === 'nchw') {
        const i = oy * size + ox;
        data[i] = first;
        data[plane + i] = v1;
        data[2 * plane + i] = last;
      } else {
        const i = (oy * size + ox) * 3;
        data[i] = first;
        data[i + 1] = v1;
        data[i + 2] = last;
      }
    }
  }
  const dims = format.layout === 'nchw' ? [1, 3, size, size] : [1, size, size, 3];
  return { data, dims, scale };
}

/** A copy of `region` (clamped to the image) as its own image. */
export function cropImage(image: RgbaImage, region: Region): RgbaImage {
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const x1 = Math.min(image.width, Math.ceil(region.x + region.width));
  const y1 = Math.min(image.height, Math.ceil(region.y + region.height));
  if (x1 <= x0 || y1 <= y0) throw new RangeError('crop region lies outside the image');
  const width = x1 - x0;
  const data = new Uint8Array(width * (y1 - y0) * 4);
  for (let y = y0; y < y1; y++) data.set(image.data.subarray((y * image.width + x0) * 4, (y * image.width + x1) * 4), (y - y0) * width * 4);
  return { width, height: y1 - y0, data };
}
