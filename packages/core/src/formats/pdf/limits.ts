/**
 * Named limits for PDF parsing (kept beside the PDF module so the format's limits read together).
 */

/** Indirect objects in one PDF. A 10,000-page report has well under a million. */
export const MAX_PDF_OBJECTS = 2_000_000;
/** How deep direct dictionaries and arrays may nest inside one object before we refuse. */
export const MAX_PDF_NESTING = 64;
