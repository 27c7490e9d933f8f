/**
 * Named limits for every untrusted length, count and depth we read. A file that crosses one is
 * refused with `limit_exceeded` rather than being allowed to exhaust memory or time.
 */

/** Bytes read from the start of a file to decide its format. */
export const SNIFF_HEAD_BYTES = 4096;

/** Largest photo/document we load whole into memory (photos are parsed in memory; video streams). */
export const MAX_IN_MEMORY_FILE_BYTES = 1024 * 1024 * 1024;

/** JPEG: segments before the first SOS, and APP/COM segments in total. */
export const MAX_JPEG_SEGMENT_COUNT = 65_536;

/** PNG: chunk count (APNG files can have thousands of frames, each two chunks). */
export const MAX_PNG_CHUNK_COUNT = 1_000_000;
/** PNG: one chunk's declared length (the spec caps it at 2^31 - 1). */
export const MAX_PNG_CHUNK_BYTES = 0x7fff_ffff;

/** TIFF/EXIF: entries in one IFD, and IFDs followed in one file (pages, sub-IFDs). */
export const MAX_TIFF_IFD_ENTRIES = 4096;
export const MAX_TIFF_IFD_COUNT = 10_000;
/** TIFF: strips or tiles in one image. */
export const MAX_TIFF_STRIP_COUNT = 1_000_000;
/** TIFF: nesting depth of sub-IFDs. */
export const MAX_TIFF_IFD_DEPTH = 8;

/** Any container: how deep nested structures may go before we refuse. */
export const MAX_NESTING_DEPTH = 32;

/** ISOBMFF: boxes in one container (a trak, an iinf…) and at the top level of a file. */
export const MAX_ISOBMFF_BOX_COUNT = 1_000_000;
/** ISOBMFF: the `moov` or `meta` box we load into memory to rewrite (sample tables of long videos run to tens of MB). */
export const MAX_ISOBMFF_HEADER_BOX_BYTES = 512 * 1024 * 1024;
/** ISOBMFF: entries in one sample table (stco, stsz, stsc), items in iinf/iloc/ipma. */
export const MAX_ISOBMFF_TABLE_ENTRIES = 50_000_000;
/** ISOBMFF: nesting depth of boxes (moov/trak/mdia/minf/stbl/stsd/entry/… is about 8). */
export const MAX_ISOBMFF_DEPTH = 16;
