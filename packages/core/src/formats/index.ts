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

export const FORMATS: readonly FormatModule[] = [jpeg, png, webp, gif, tiff];
