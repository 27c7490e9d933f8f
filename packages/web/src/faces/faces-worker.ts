/**
 * The face-finding worker: loads the two bundled BlazeFace models (Apache-2.0, shipped by core)
 * into onnxruntime-web and runs core's default ensemble — the same detector and passes as
 * `lowprofile redact` — on the pixels it is sent. Detection is CPU-heavy; in a worker the page
 * stays responsive.
 */
import { blazeFaceSpec, createEnsembleDetector, createFaceDetector, DEFAULT_ENLARGEMENT, DEFAULT_ENSEMBLE, enlargeBox, type FaceDetector } from '@lowprofile/core';
import backModelUrl from '@lowprofile/core/models/blazeface-back-256.onnx?url';
import frontModelUrl from '@lowprofile/core/models/blazeface-front-128.onnx?url';
import { createOrtRunner } from './ort-runner.js';

export interface DetectRequest {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray;
}

export type DetectReply = { readonly ok: true; readonly boxes: { x: number; y: number; width: number; height: number; score: number }[] } | { readonly ok: false; readonly error: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<DetectRequest>) => void) | null;
  postMessage(message: DetectReply): void;
}
const scope = self as unknown as WorkerScope;

let detector: Promise<FaceDetector> | undefined;

function load(): Promise<FaceDetector> {
  detector ??= (async () => {
    const [back, front] = await Promise.all([backModelUrl, frontModelUrl].map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`the face model could not be read (${response.status})`);
      return createOrtRunner(new Uint8Array(await response.arrayBuffer()));
    }));
    return createEnsembleDetector([
      { detector: createFaceDetector(blazeFaceSpec(256), back!), options: DEFAULT_ENSEMBLE.back },
      { detector: createFaceDetector(blazeFaceSpec(128), front!), options: DEFAULT_ENSEMBLE.front },
    ]);
  })();
  return detector;
}

scope.onmessage = (event) => {
  const { width, height, pixels } = event.data;
  void load()
    .then((found) => found.detect({ width, height, data: pixels }))
    .then((faces) => {
      // Grown as the CLI paints them (hair, chin, ears), so the review shows exactly what will be covered.
      const boxes = [];
      for (const face of faces) {
        const area = enlargeBox(face, width, height, DEFAULT_ENLARGEMENT);
        if (area !== undefined) boxes.push({ x: area.x, y: area.y, width: area.width, height: area.height, score: face.score });
      }
      scope.postMessage({ ok: true, boxes });
    })
    .catch((error: unknown) => {
      detector = undefined;
      scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
    });
};
