/**
 * PDF format module. The cleaner (clean.ts) pulls in pdf-lib, a large library; it is loaded only
 * when a PDF is actually inspected or scrubbed, so every other run of the CLI (and the web app's
 * initial bundle) starts without it.
 */
import { indexOfBytes } from '../../bytes/view.js';
import type { FormatModule } from '../../registry.js';
import { HEADER_SEARCH_BYTES, PDF_SIGNATURE } from './signature.js';

export const pdf: FormatModule = {
  id: 'pdf',
  label: 'PDF',
  family: 'document',
  mediaType: 'application/pdf',
  extensions: ['pdf'],
  sniff: (head) => (indexOfBytes(head.subarray(0, HEADER_SEARCH_BYTES + PDF_SIGNATURE.length), PDF_SIGNATURE) >= 0 ? 'confident' : undefined),
  inspect: async (source) => (await import('./clean.js')).inspectPdf(source),
  scrub: async (source) => (await import('./clean.js')).scrubPdf(source),
};
