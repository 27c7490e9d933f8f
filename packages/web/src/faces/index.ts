/**
 * Automatic face finding for the review screen. The detector (core's model-agnostic detector, the
 * bundled BlazeFace model and onnxruntime-web) runs in a worker that is created only when the
 * person asks for it, so none of it is in the initial download.
 */

/** A box in fractions of the upright image's size. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FaceFinder {
  detect(image: ImageBitmap): Promise<Box[]>;
}

/** Detection runs on a copy at most this long on its long side (core downsizes further anyway). */
const MAX_SIDE = 2048;

let worker: Worker | undefined;

/** True in builds that carry the detector (this one does). */
export function faceDetectionAvailable(): boolean {
  return true;
}

export function loadFaceDetector(): Promise<FaceFinder | undefined> {
  worker ??= new Worker(new URL('./faces-worker.ts', import.meta.url), { type: 'module' });
  const active = worker;
  return Promise.resolve({
    async detect(image) {
      const scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height));
      const width = Math.max(1, Math.round(image.width * scale));
      const height = Math.max(1, Math.round(image.height * scale));
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (context === null) throw new Error('no 2D canvas');
      context.drawImage(image, 0, 0, width, height);
      const pixels = context.getImageData(0, 0, width, height).data;
      const reply = await new Promise<import('./faces-worker.js').DetectReply>((resolve) => {
        active.onmessage = (event: MessageEvent<import('./faces-worker.js').DetectReply>) => resolve(event.data);
        active.onerror = (event) => resolve({ ok: false, error: event.message });
        active.postMessage({ width, height, pixels }, [pixels.buffer]);
      });
      if (!reply.ok) throw new Error(reply.error);
      return reply.boxes.map((box) => ({ x: box.x / width, y: box.y / height, w: box.width / width, h: box.height / height }));
    },
  });
}
