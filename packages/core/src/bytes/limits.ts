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

/** ZIP archives (exports): entries listed, central-directory bytes, one entry's and the whole
 * archive's uncompressed size, and the largest uncompressed/compressed ratio of one entry (deflate
 * tops out near 1032:1; real JSON exports stay under ~50:1, so 250:1 is a bomb). */
export const MAX_ZIP_ENTRIES = 2_000_000;
export const MAX_ZIP_CENTRAL_DIRECTORY_BYTES = 512 * 1024 * 1024;
export const MAX_ZIP_ENTRY_BYTES = 64 * 1024 * 1024 * 1024;
export const MAX_ZIP_TOTAL_BYTES = 256 * 1024 * 1024 * 1024;
export const MAX_ZIP_COMPRESSION_RATIO = 250;
/** Ratio is only judged above this size: tiny entries (a run of spaces) legitimately compress hugely. */
export const ZIP_RATIO_MIN_BYTES = 1024 * 1024;
/** Export files parsed whole with JSON.parse (streamed files have no size limit, only per item). */
export const MAX_WHOLE_JSON_BYTES = 256 * 1024 * 1024;
/** One item (a location, a segment, a chat) cut out of a streamed JSON array. */
export const MAX_JSON_ITEM_BYTES = 64 * 1024 * 1024;
/** Text exports read whole (WhatsApp chats, CSV, GPX). */
export const MAX_TEXT_FILE_BYTES = 512 * 1024 * 1024;
/** Photos read for EXIF (only the head is needed). */
export const EXIF_HEAD_BYTES = 256 * 1024;
/** RIFF/IFF (WebP, WAV, AIFF): chunks in one file (animated WebP has one ANMF per frame). */
export const MAX_RIFF_CHUNK_COUNT = 1_000_000;

/** GIF: blocks (extensions + images) in one file, and sub-blocks in one extension or image. */
export const MAX_GIF_BLOCK_COUNT = 1_000_000;
/** Audio (MP3, FLAC, Ogg, WAV, AIFF). */
/** ID3v2: a whole tag (syncsafe sizes top out at 256 MiB) and frames listed from one tag. */
export const MAX_ID3_TAG_BYTES = 256 * 1024 * 1024;
export const MAX_ID3_FRAME_COUNT = 100_000;
/** ID3v2 tags stacked at the start or end of a file before we refuse. */
export const MAX_ID3_TAG_COUNT = 64;
/** APEv2 tag size and item count. */
export const MAX_APE_TAG_BYTES = 256 * 1024 * 1024;
export const MAX_APE_ITEM_COUNT = 100_000;
/** MP3: how far past the tags we look for the first MPEG audio frame. */
export const MAX_MPEG_SYNC_SEARCH_BYTES = 256 * 1024;
/** FLAC: metadata blocks before the first audio frame. */
export const MAX_FLAC_BLOCK_COUNT = 10_000;
/** Vorbis comments (Ogg, FLAC): fields in one comment block, and one field's length. */
export const MAX_VORBIS_COMMENT_FIELDS = 100_000;
/**
 * Ogg: pages in one file (kept as positions, ~100 bytes each; 4 M pages is 22 hours at 50 pages a
 * second, the densest usual muxing), and header packets (comment + setup) reassembled in memory.
 */
export const MAX_OGG_PAGE_COUNT = 4_000_000;
export const MAX_OGG_HEADER_PACKET_BYTES = 64 * 1024 * 1024;
/** RIFF/IFF (WAV, AIFF): metadata chunks read into memory to list their fields (chunk count: MAX_RIFF_CHUNK_COUNT). */
export const MAX_AUDIO_METADATA_READ_BYTES = 16 * 1024 * 1024;
/** ISOBMFF: boxes in one container (a trak, an iinf…) and at the top level of a file. */
export const MAX_ISOBMFF_BOX_COUNT = 1_000_000;
/** ISOBMFF: the `moov` or `meta` box we load into memory to rewrite (sample tables of long videos run to tens of MB). */
export const MAX_ISOBMFF_HEADER_BOX_BYTES = 512 * 1024 * 1024;
/** ISOBMFF: entries in one sample table (stco, stsz, stsc), items in iinf/iloc/ipma. */
export const MAX_ISOBMFF_TABLE_ENTRIES = 50_000_000;
/** ISOBMFF: nesting depth of boxes (moov/trak/mdia/minf/stbl/stsd/entry/… is about 8). */
export const MAX_ISOBMFF_DEPTH = 16;
