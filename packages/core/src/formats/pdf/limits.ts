/**
 * Named limits for PDF parsing (kept beside the PDF module so the format's limits read together).
 */

/** Indirect objects in one PDF. A 10,000-page report has well under a million. */
export const MAX_PDF_OBJECTS = 2_000_000;
/** How deep direct dictionaries and arrays may nest inside one object before we refuse. */
export const MAX_PDF_NESTING = 64;
/** Inflated size of one object stream. qpdf and Acrobat pack ~100 small objects per stream. */
export const MAX_PDF_OBJECT_STREAM_BYTES = 64 * 1024 * 1024;
