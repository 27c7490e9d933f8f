/**
 * The QuickTime family: MP4, MOV, M4V, 3GP and M4A. One scrubber (`isobmff/file.ts` and
 * `isobmff/movie.ts`) serves them all; the modules differ only in how they are recognised (the
 * `ftyp` major brand, or a QuickTime file with no `ftyp`) and named. M4A is in the audio family.
 */
import { looksLikeQuickTime, readFileType } from '../../isobmff/boxes/ftyp.js';
import { scrubIsobmff } from '../../isobmff/file.js';
import { inspectIsobmff } from '../../isobmff/inspect.js';
import type { FormatModule, MediaFamily, SniffConfidence } from '../../registry.js';

type Kind = 'mov' | 'm4a' | '3gp' | 'm4v' | 'mp4';
/** Other ISOBMFF-based formats that are not movies (Canon CR3 raw, JPEG 2000/XL, HEIF handled elsewhere). */
const NOT_MOVIES = new Set(['crx ', 'jp2 ', 'jpx ', 'jpm ', 'mjp2', 'jxl ']);
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'mmp4', 'MSNV', 'XAVC', 'NDAS', 'f4v ', 'hvc1']);

function kindOf(head: Uint8Array, size: number): { kind: Kind; confidence: SniffConfidence } | undefined {
  const type = readFileType(head);
  if (type === undefined) return looksLikeQuickTime(head, size) ? { kind: 'mov', confidence: 'imprecise' } : undefined;
  const major = type.major;
  if (NOT_MOVIES.has(major)) return undefined;
  if (major === 'qt  ') return { kind: 'mov', confidence: 'confident' };
  if (/^(M4A |M4B |M4P |F4A )$/.test(major)) return { kind: 'm4a', confidence: 'confident' };
  if (/^3g[p2]/.test(major)) return { kind: '3gp', confidence: 'confident' };
  if (/^(M4V |M4VH|M4VP|F4V )$/.test(major)) return { kind: 'm4v', confidence: 'confident' };
  return { kind: 'mp4', confidence: MP4_BRANDS.has(major) ? 'confident' : 'imprecise' };
}

function module(kind: Kind, label: string, family: MediaFamily, mediaType: string, extensions: string[]): FormatModule {
  return {
    id: kind,
    label,
    family,
    mediaType,
    extensions,
    sniff: (head, size) => {
      const found = kindOf(head, size);
      return found?.kind === kind ? found.confidence : undefined;
    },
    inspect: inspectIsobmff,
    scrub: scrubIsobmff,
  };
}

export const mov = module('mov', 'QuickTime MOV', 'video', 'video/quicktime', ['mov', 'qt']);
export const m4a = module('m4a', 'M4A audio', 'audio', 'audio/mp4', ['m4a', 'm4b']);
export const threeGp = module('3gp', '3GP', 'video', 'video/3gpp', ['3gp', '3g2']);
export const m4v = module('m4v', 'M4V', 'video', 'video/x-m4v', ['m4v']);
export const mp4 = module('mp4', 'MP4', 'video', 'video/mp4', ['mp4']);
