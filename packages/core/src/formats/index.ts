/**
 * Every format lowprofile can clean, in sniffing order (common and confident signatures first).
 * Adding a format: write `formats/<id>/index.ts` exporting a FormatModule, and add it here.
 */
import type { FormatModule } from '../registry.js';
import { jpeg } from './jpeg/index.js';
import { png } from './png/index.js';
import { pdf } from './pdf/index.js';
import { ooxml } from './ooxml/index.js';
import { odf } from './odf/index.js';
import { svg } from './svg/index.js';

export const FORMATS: readonly FormatModule[] = [jpeg, png, pdf, odf, ooxml, svg];
