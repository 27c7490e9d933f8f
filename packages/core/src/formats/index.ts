/**
 * Every format lowprofile can clean, in sniffing order (common and confident signatures first).
 * Adding a format: write `formats/<id>/index.ts` exporting a FormatModule, and add it here.
 */
import type { FormatModule } from '../registry.js';
import { jpeg } from './jpeg/index.js';
import { png } from './png/index.js';
import { webp } from './webp/index.js';
import { gif } from './gif/index.js';
import { tiff } from './tiff/index.js';
import { avif, heic } from './heif/index.js';
import { m4a, m4v, mov, mp4, threeGp } from './mp4/index.js';
import { pdf } from './pdf/index.js';
import { odf } from './odf/index.js';
import { ooxml } from './ooxml/index.js';
import { svg } from './svg/index.js';
import { aiff } from './aiff/index.js';
import { flac } from './flac/index.js';
import { mp3 } from './mp3/index.js';
import { ogg } from './ogg/index.js';
import { wav } from './wav/index.js';

// ISOBMFF brands before the generic mp4 catch-all; MP3 last: a bare MPEG frame sync is the weakest signature.
export const FORMATS: readonly FormatModule[] = [jpeg, png, webp, gif, tiff, heic, avif, mov, m4a, threeGp, m4v, mp4, pdf, odf, ooxml, svg, flac, ogg, wav, aiff, mp3];
