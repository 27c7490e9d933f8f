/**
 * The default face detector, shared by the CLI and the web app so both find the same faces: two
 * MediaPipe BlazeFace models (Apache-2.0, shipped in `@lowprofile/core/models/`), merged by NMS.
 * Measured in docs/faces.md: 58.2 % of faces ≥ 32 px on crowd photos vs 54.3 % for the back model
 * alone. The front model runs on a copy of at most 1536 px so a 12-MP photo stays under 2 s.
 */
import type { DetectOptions } from './detector.js';

export const DEFAULT_BACK_MODEL_FILE = 'blazeface-back-256.onnx';
export const DEFAULT_FRONT_MODEL_FILE = 'blazeface-front-128.onnx';

export interface EnsemblePasses {
  readonly back: DetectOptions;
  readonly front: DetectOptions;
}

export const DEFAULT_ENSEMBLE: EnsemblePasses = {
  back: { tileSizes: [384] },
  front: { tileSizes: [224], threshold: 0.55, maxSide: 1536 },
};

/** `--thorough`: the front model on 192-px tiles at 0.5 (62.1 % vs 58.2 %, 3.17 vs 1.74 false boxes per photo). */
export const THOROUGH_ENSEMBLE: EnsemblePasses = {
  back: { tileSizes: [384] },
  front: { tileSizes: [192], threshold: 0.5 },
};
