/**
 * HEIC and AVIF: HEIF still images (and image sequences) in the ISO base media file format. The
 * work is done by the shared ISOBMFF layer (`isobmff/items.ts` for the item metadata, and
 * `isobmff/movie.ts` when a sequence also has a `moov`). Thumbnail items are kept and reported:
 * they are smaller copies of the same picture, which viewers use for previews.
 */
import { readFileType } from '../../isobmff/boxes/ftyp.js';
import { scrubIsobmff } from '../../isobmff/file.js';
import { inspectIsobmff } from '../../isobmff/inspect.js';
import type { FormatModule, SniffConfidence } from '../../registry.js';

const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2', 'miaf']);

function heifKind(head: Uint8Array): 'avif' | 'heic' | undefined {
  const type = readFileType(head);
  if (type === undefined) return undefined;
  const all = [type.major, ...type.compatible];
  if (AVIF_BRANDS.has(type.major) || ((type.major === 'mif1' || type.major === 'msf1' || type.major === 'miaf') && all.some((brand) => AVIF_BRANDS.has(brand)))) return 'avif';
  if (HEIC_BRANDS.has(type.major)) return 'heic';
  return undefined;
}

function sniffFor(kind: 'avif' | 'heic') {
  return (head: Uint8Array): SniffConfidence | undefined => (heifKind(head) === kind ? 'confident' : undefined);
}

const common = { family: 'photo', inspect: inspectIsobmff, scrub: scrubIsobmff, reviewableCategories: ['thumbnail'] } as const;

export const heic: FormatModule = { ...common, id: 'heic', label: 'HEIC', mediaType: 'image/heic', extensions: ['heic', 'heif', 'hif'], sniff: sniffFor('heic') };
export const avif: FormatModule = { ...common, id: 'avif', label: 'AVIF', mediaType: 'image/avif', extensions: ['avif'], sniff: sniffFor('avif') };
