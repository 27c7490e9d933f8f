/**
 * The face-finding worker: loads the bundled BlazeFace model (Apache-2.0, shipped by core) into
 * onnxruntime-web, and runs core's detector (whole image, then overlapping tiles, merged) on the
 * pixels it is sent. Detection is CPU-heavy; in a worker the page stays responsive.
 */
import { createFaceDetector, DEFAULT_ENLARGEMENT, enlargeBox, specForKind, type FaceDetector } from '@lowprofile/core';
import modelUrl from '@lowprofile/core/models/blazeface-back-256.onnx?url';
import { createOrtRunner } from './ort-runner.js';

/** Tiles in working-image pixels after the whole-image pass, as the CLI's default for BlazeFace (see docs/faces.md). */
const TILE_SIZES = [384];

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
    const response = await fetch(modelUrl);
    if (!response.ok) throw new Error(`the face model could not be read (${response.status})`);
    const runner = await createOrtRunner(new Uint8Array(await response.arrayBuffer()));
    return createFaceDetector(specForKind('blazeface'), runner, { tileSizes: TILE_SIZES });
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
