export { importExports } from './import.js';
export type { ImportInput, ImportOptions, ImportSummary, PlatformSummary, VirtualFile, ReadableStreamLike } from './types.js';
export { JsonSplitter } from './json-stream.js';
export type { JsonSplitterOptions, JsonValueHandler } from './json-stream.js';
export { fixMojibake } from './text.js';
export { parseYtd } from './x/index.js';
export { readZipDirectory, zipEntryChunks, unsafeNameReason, looksLikeZip, DEFAULT_ZIP_LIMITS } from '../archive/zip.js';
export type { ZipEntry, ZipDirectory, ZipLimits, RefusedZipEntry } from '../archive/zip.js';
export * from '../dossier/model.js';
