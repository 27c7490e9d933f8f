import { asciiBytes } from '../../bytes/view.js';

export const PDF_SIGNATURE = asciiBytes('%PDF-');
/** The header may follow up to 1024 bytes of junk (PDF 32000-1 §7.5.2, implementation note). */
export const HEADER_SEARCH_BYTES = 1024;
