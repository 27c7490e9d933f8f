/**
 * Named limits for ZIP-based documents (OOXML, ODF). They bound what a hostile package can make us
 * allocate: a "zip bomb" declares or inflates to far more than a document ever holds.
 */

/** Entries in one document package. Large workbooks have a few thousand. */
export const MAX_ZIP_ENTRIES = 20_000;
/** One entry's inflated size. */
export const MAX_ZIP_ENTRY_BYTES = 512 * 1024 * 1024;
/** All entries' inflated sizes together. */
export const MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024;
/** Inflated/compressed ratio allowed for entries bigger than MAX_ZIP_RATIO_FREE_BYTES (XML rarely passes 100). */
export const MAX_ZIP_RATIO = 1000;
export const MAX_ZIP_RATIO_FREE_BYTES = 1024 * 1024;
/** Length of one entry name. */
export const MAX_ZIP_NAME_BYTES = 1024;
