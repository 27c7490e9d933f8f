/**
 * Every format lowprofile can clean, in sniffing order (common and confident signatures first).
 * Adding a format: write `formats/<id>/index.ts` exporting a FormatModule, and add it here.
 */
import type { FormatModule } from '../registry.js';
import { jpeg } from './jpeg/index.js';
import { png } from './png/index.js';
import { avif, heic } from './heif/index.js';
import { m4a, m4v, mov, mp4, threeGp } from './mp4/index.js';

export const FORMATS: readonly FormatModule[] = [jpeg, png, heic, avif, mov, m4a, threeGp, m4v, mp4];
