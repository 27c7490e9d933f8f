// Decoders checked on hand-made output tensors (one strong anchor each), so the geometry of every
// model kind is pinned even where no weights are available to the tests (YuNet, SCRFD).
import { describe, expect, it } from 'vitest';
import { blazeFaceSpec, retinaFaceSpec, scrfdSpec, yuNetSpec, type Tensor } from './models.js';

function zeros(n: number, fill = 0): Float32Array {
  return new Float32Array(n).fill(fill);
}

describe('model decoders', () => {
  it('BlazeFace: anchor cell centre plus offsets, sizes in input pixels', () => {
    const spec = blazeFaceSpec(256);
    const s0 = zeros(512, -10);
    const r0 = zeros(512 * 16);
    // Anchor 2·(row 3 · 16 + col 5) + 1 → centre ((5 + 0.5)/16, (3 + 0.5)/16) of 256.
    const i = 2 * (3 * 16 + 5) + 1;
    s0[i] = 5;
    r0.set([4, -2, 40, 50], i * 16);
    const outputs: Record<string, Tensor> = {
      a: { data: s0, dims: [1, 512, 1] },
      b: { data: zeros(384, -10), dims: [1, 384, 1] },
      c: { data: r0, dims: [1, 512, 16] },
      d: { data: zeros(384 * 16), dims: [1, 384, 16] },
    };
    const [box, ...rest] = spec.decode(outputs, ['a', 'b', 'c', 'd'], 0.5);
    expect(rest).toEqual([]);
    expect(box!.x + box!.width / 2).toBeCloseTo(88 + 4);
    expect(box!.y + box!.height / 2).toBeCloseTo(56 - 2);
    expect(box!.width).toBeCloseTo(40);
    expect(box!.height).toBeCloseTo(50);
    expect(box!.score).toBeGreaterThan(0.99);
  });

  it('RetinaFace: anchor (j·s + 7.5) with size-scaled deltas', () => {
    const spec = retinaFaceSpec(640);
    const names: string[] = [];
    const outputs: Record<string, Tensor> = {};
    for (const [stride, grid] of [[32, 20], [16, 40], [8, 80]] as const) {
      const plane = grid * grid;
      outputs[`cls${stride}`] = { data: zeros(4 * plane), dims: [1, 4, grid, grid] };
      outputs[`reg${stride}`] = { data: zeros(8 * plane), dims: [1, 8, grid, grid] };
      outputs[`lmk${stride}`] = { data: zeros(20 * plane), dims: [1, 20, grid, grid] };
      names.push(`cls${stride}`, `reg${stride}`, `lmk${stride}`);
    }
    // Stride 16, second anchor (size 64), cell (row 2, col 3): centre (55.5, 39.5).
    const plane = 40 * 40;
    const p = 2 * 40 + 3;
    outputs.cls16!.data[(2 + 1) * plane + p] = 0.9;
    outputs.reg16!.data[4 * plane + p] = 0.5; // dx
    outputs.reg16!.data[6 * plane + p] = Math.log(2); // dw
    const [box] = spec.decode(outputs, names, 0.5);
    expect(box!.x + box!.width / 2).toBeCloseTo(55.5 + 32);
    expect(box!.y + box!.height / 2).toBeCloseTo(39.5);
    expect(box!.width).toBeCloseTo(128);
    expect(box!.height).toBeCloseTo(64);
  });

  it('YuNet: score √(cls·obj), centre (col + dx)·s, size e^d·s', () => {
    const spec = yuNetSpec(640);
    const outputs: Record<string, Tensor> = {};
    for (const s of [8, 16, 32]) {
      const n = (640 / s) ** 2;
      outputs[`cls_${s}`] = { data: zeros(n), dims: [1, n, 1] };
      outputs[`obj_${s}`] = { data: zeros(n), dims: [1, n, 1] };
      outputs[`bbox_${s}`] = { data: zeros(4 * n), dims: [1, n, 4] };
    }
    const i = 4 * 20 + 7; // stride 32: row 4, col 7
    outputs.cls_32!.data[i] = 0.81;
    outputs.obj_32!.data[i] = 1;
    outputs.bbox_32!.data.set([0.5, 0.25, 0, Math.log(2)], i * 4);
    const [box] = spec.decode(outputs, [], 0.5);
    expect(box!.score).toBeCloseTo(0.9);
    expect(box!.x + box!.width / 2).toBeCloseTo(7.5 * 32);
    expect(box!.y + box!.height / 2).toBeCloseTo(4.25 * 32);
    expect(box!.width).toBeCloseTo(32);
    expect(box!.height).toBeCloseTo(64);
  });

  it('SCRFD: distances from the anchor point in strides, two anchors per cell', () => {
    const spec = scrfdSpec(640);
    const names = ['s8', 's16', 's32', 'b8', 'b16', 'b32'];
    const outputs: Record<string, Tensor> = {};
    [8, 16, 32].forEach((s) => {
      const n = 2 * (640 / s) ** 2;
      outputs[`s${s}`] = { data: zeros(n), dims: [n, 1] };
      outputs[`b${s}`] = { data: zeros(4 * n), dims: [n, 4] };
    });
    const i = 2 * (3 * 40 + 10) + 1; // stride 16, row 3, col 10, second anchor
    outputs.s16!.data[i] = 0.7;
    outputs.b16!.data.set([1, 2, 3, 4], i * 4);
    const [box] = spec.decode(outputs, names, 0.5);
    expect(box).toEqual({ x: 160 - 16, y: 48 - 32, width: 64, height: 96, score: expect.closeTo(0.7, 5) });
  });
});
