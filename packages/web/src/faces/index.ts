/**
 * Automatic face finding plugs in here. The detector (model and ONNX runtime) is heavy, so it is
 * only ever loaded by a dynamic import when the person asks for it. Until the core detector is in
 * this build, `loadFaceDetector` answers undefined and the review screen works with manual boxes.
 */

/** A face box in fractions of the (upright) image size. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FaceFinder {
  detect(image: ImageBitmap): Promise<Box[]>;
}

export function loadFaceDetector(): Promise<FaceFinder | undefined> {
  return Promise.resolve(undefined);
}

export function faceDetectionAvailable(): boolean {
  return false;
}
