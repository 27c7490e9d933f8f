/**
 * The CLI's face module. Besides `lowprofile redact`, it offers `countFaces` to other commands
 * (the audit counts faces in the photos it finds, when this module is present):
 *
 * ```ts
 * import { countFaces } from '../faces/index.js';
 * const n = await countFaces(bytes); // JPEG, PNG or WebP bytes; EXIF orientation applied
 * ```
 * The bundled default model (BlazeFace, Apache-2.0) is loaded once and reused. It rejects with an
 * Error when the bytes are not a decodable image. Detectors miss faces: treat the count as a
 * lower bound.
 */
import { decodeImage } from './decode.js';
import { loadDetector, type LoadedDetector } from './runtime.js';

export { decodeImage, encodeImage, sniffImage } from './decode.js';
export { loadDetector, DEFAULT_MODEL, defaultModelPath } from './runtime.js';

let shared: Promise<LoadedDetector> | undefined;

export async function countFaces(imageBytes: Uint8Array): Promise<number> {
  shared ??= loadDetector();
  const loaded = await shared;
  const { image } = await decodeImage(imageBytes);
  return (await loaded.detector.detect(image)).length;
}
