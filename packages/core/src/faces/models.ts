/**
 * Face-detection models as data: how each wants its input tensor, and how its raw outputs decode
 * into boxes. No runtime here: the tensors are run by whatever `ModelRunner` the caller injects
 * (onnxruntime-node in the CLI, onnxruntime-web in the browser).
 */
import type { FaceBox } from './geometry.js';
import type { TensorFormat } from './image.js';

export interface Tensor {
  readonly data: Float32Array;
  readonly dims: readonly number[];
}

/** Runs one input tensor through a loaded model; outputs keyed by name, in the model's order. */
export interface ModelRunner {
  run(input: Tensor): Promise<Record<string, Tensor>>;
  /** Output names in the order the model declares them. */
  readonly outputNames: readonly string[];
}

export type ModelKind = 'blazeface' | 'retinaface' | 'yunet' | 'scrfd';
export const MODEL_KINDS: readonly ModelKind[] = ['blazeface', 'retinaface', 'yunet', 'scrfd'];

export interface ModelSpec {
  readonly kind: ModelKind;
  readonly input: TensorFormat;
  /** Score below which detections are dropped. */
  readonly threshold: number;
  /** IoU above which overlapping detections are merged. */
  readonly nmsIoU: number;
  /** Decodes raw outputs into boxes in tensor pixels (before any threshold). */
  decode(outputs: Record<string, Tensor>, outputNames: readonly string[], minScore: number): FaceBox[];
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, x))));
}

function output(outputs: Record<string, Tensor>, names: readonly string[], index: number): Tensor {
  const name = names[index];
  const tensor = name === undefined ? undefined : outputs[name];
  if (tensor === undefined) throw new Error(`model output #${index} is missing`);
  return tensor;
}

/**
 * MediaPipe BlazeFace, as the ONNX conversions of `face_detection_back_256x256` (strides 16/32)
 * and `face_detection_front_128x128` (strides 8/16): outputs are scores [1,512,1], [1,384,1] and
 * regressors [1,512,16], [1,384,16] for 16×16×2 and 8×8×6 anchors of unit size. Input NHWC RGB in
 * [−1, 1].
 */
export function blazeFaceSpec(size: 128 | 256 = 256): ModelSpec {
  return {
    kind: 'blazeface',
    input: { size, layout: 'nhwc', channels: 'rgb', mean: 127.5, scale: 1 / 127.5 },
    threshold: 0.5,
    nmsIoU: 0.3,
    decode(outputs, names, minScore) {
      const boxes: FaceBox[] = [];
      const layers: [Tensor, Tensor, number, number][] = [
        [output(outputs, names, 0), output(outputs, names, 2), 16, 2],
        [output(outputs, names, 1), output(outputs, names, 3), 8, 6],
      ];
      for (const [scores, regressors, grid, perCell] of layers) {
        const count = grid * grid * perCell;
        if (scores.data.length < count || regressors.data.length < count * 16) throw new Error('BlazeFace outputs have an unexpected shape');
        for (let i = 0; i < count; i++) {
          const score = sigmoid(scores.data[i]!);
          if (score < minScore) continue;
          const cell = Math.floor(i / perCell);
          const ax = ((cell % grid) + 0.5) / grid;
          const ay = (Math.floor(cell / grid) + 0.5) / grid;
          const r = i * 16;
          const cx = (regressors.data[r]! / size + ax) * size;
          const cy = (regressors.data[r + 1]! / size + ay) * size;
          const w = regressors.data[r + 2]!;
          const h = regressors.data[r + 3]!;
          if (!(w > 0 && h > 0)) continue;
          boxes.push({ x: cx - w / 2, y: cy - h / 2, width: w, height: h, score });
        }
      }
      return boxes;
    },
  };
}

/**
 * RetinaFace MobileNet-0.25 as in InsightFace's `mnet.25` (and the `retinaface` npm package):
 * input NCHW RGB 0–255, 640×640; per stride 32/16/8 two anchors per cell of sizes 512/256,
 * 128/64, 32/16 centred at (j·s + 7.5, i·s + 7.5); outputs in the order cls, bbox, landmarks
 * per stride. Score = channels A..2A of the softmaxed class map.
 */
export function retinaFaceSpec(size = 640): ModelSpec {
  const strides: [number, number[]][] = [
    [32, [512, 256]],
    [16, [128, 64]],
    [8, [32, 16]],
  ];
  return {
    kind: 'retinaface',
    input: { size, layout: 'nchw', channels: 'rgb', mean: 0, scale: 1 },
    threshold: 0.5,
    nmsIoU: 0.4,
    decode(outputs, names, minScore) {
      const boxes: FaceBox[] = [];
      strides.forEach(([stride, sizes], level) => {
        const cls = output(outputs, names, level * 3);
        const reg = output(outputs, names, level * 3 + 1);
        const a = sizes.length;
        const gh = cls.dims[2] ?? 0;
        const gw = cls.dims[3] ?? 0;
        const plane = gh * gw;
        if (cls.data.length < 2 * a * plane || reg.data.length < 4 * a * plane) throw new Error('RetinaFace outputs have an unexpected shape');
        for (let k = 0; k < a; k++) {
          const anchor = sizes[k]!;
          for (let i = 0; i < gh; i++) {
            for (let j = 0; j < gw; j++) {
              const p = i * gw + j;
              const score = cls.data[(a + k) * plane + p]!;
              if (score < minScore) continue;
              const dx = reg.data[(4 * k) * plane + p]!;
              const dy = reg.data[(4 * k + 1) * plane + p]!;
              const dw = reg.data[(4 * k + 2) * plane + p]!;
              const dh = reg.data[(4 * k + 3) * plane + p]!;
              const cx = j * stride + 7.5 + anchor * dx;
              const cy = i * stride + 7.5 + anchor * dy;
              const w = anchor * Math.exp(Math.min(dw, 10));
              const h = anchor * Math.exp(Math.min(dh, 10));
              boxes.push({ x: cx - w / 2, y: cy - h / 2, width: w, height: h, score });
            }
          }
        }
      });
      return boxes;
    },
  };
}

/**
 * YuNet (OpenCV Zoo `face_detection_yunet_2023mar.onnx`): input NCHW BGR 0–255, 640×640; outputs
 * cls_8/16/32, obj_8/16/32 ([1,N,1]), bbox_8/16/32 ([1,N,4]), kps_* , one anchor-free point per
 * cell; score = √(cls·obj); box centre (col + dx, row + dy)·s, size e^dw·s × e^dh·s (decoding as
 * in OpenCV's FaceDetectorYN). Outputs are looked up by name.
 */
export function yuNetSpec(size = 640): ModelSpec {
  return {
    kind: 'yunet',
    input: { size, layout: 'nchw', channels: 'bgr', mean: 0, scale: 1 },
    threshold: 0.6,
    nmsIoU: 0.3,
    decode(outputs, _names, minScore) {
      const boxes: FaceBox[] = [];
      for (const stride of [8, 16, 32]) {
        const cls = outputs[`cls_${stride}`];
        const obj = outputs[`obj_${stride}`];
        const bbox = outputs[`bbox_${stride}`];
        if (cls === undefined || obj === undefined || bbox === undefined) throw new Error(`YuNet output cls/obj/bbox_${stride} is missing`);
        const cols = Math.floor(size / stride);
        const n = cls.data.length;
        for (let i = 0; i < n; i++) {
          const c = Math.min(1, Math.max(0, cls.data[i]!));
          const o = Math.min(1, Math.max(0, obj.data[i]!));
          const score = Math.sqrt(c * o);
          if (score < minScore) continue;
          const row = Math.floor(i / cols);
          const col = i % cols;
          const cx = (col + bbox.data[i * 4]!) * stride;
          const cy = (row + bbox.data[i * 4 + 1]!) * stride;
          const w = Math.exp(Math.min(bbox.data[i * 4 + 2]!, 10)) * stride;
          const h = Math.exp(Math.min(bbox.data[i * 4 + 3]!, 10)) * stride;
          boxes.push({ x: cx - w / 2, y: cy - h / 2, width: w, height: h, score });
        }
      }
      return boxes;
    },
  };
}

/**
 * SCRFD (InsightFace `scrfd_*_bnkps.onnx` and similar): input NCHW RGB (p − 127.5)/128, 640×640;
 * outputs in order scores 8/16/32, boxes 8/16/32 (distances l, t, r, b in strides), then
 * landmarks; two anchor points per cell at (col·s, row·s).
 */
export function scrfdSpec(size = 640): ModelSpec {
  return {
    kind: 'scrfd',
    input: { size, layout: 'nchw', channels: 'rgb', mean: 127.5, scale: 1 / 128 },
    threshold: 0.5,
    nmsIoU: 0.4,
    decode(outputs, names, minScore) {
      const boxes: FaceBox[] = [];
      [8, 16, 32].forEach((stride, level) => {
        const scores = output(outputs, names, level);
        const dist = output(outputs, names, level + 3);
        const cols = Math.floor(size / stride);
        const cells = cols * Math.floor(size / stride);
        const perCell = Math.max(1, Math.round(scores.data.length / cells));
        for (let i = 0; i < scores.data.length; i++) {
          const score = scores.data[i]!;
          if (score < minScore) continue;
          const cell = Math.floor(i / perCell);
          const cx = (cell % cols) * stride;
          const cy = Math.floor(cell / cols) * stride;
          const x0 = cx - dist.data[i * 4]! * stride;
          const y0 = cy - dist.data[i * 4 + 1]! * stride;
          const x1 = cx + dist.data[i * 4 + 2]! * stride;
          const y1 = cy + dist.data[i * 4 + 3]! * stride;
          boxes.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0, score });
        }
      });
      return boxes;
    },
  };
}

export function specForKind(kind: ModelKind): ModelSpec {
  switch (kind) {
    case 'blazeface':
      return blazeFaceSpec(256);
    case 'retinaface':
      return retinaFaceSpec(640);
    case 'yunet':
      return yuNetSpec(640);
    case 'scrfd':
      return scrfdSpec(640);
  }
}
