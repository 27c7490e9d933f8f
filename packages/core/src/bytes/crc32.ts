/**
 * CRC-32 (ISO 3309 / ITU-T V.42), as used by PNG chunks, ZIP entries and gzip. Slicing-by-8: eight
 * 256-entry tables let the loop consume 8 bytes per step (about 4× the byte-at-a-time speed, which
 * matters for multi-megabyte PNG IDAT chunks).
 */
const TABLES = (() => {
  const tables = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let slice = 1; slice < 8; slice++) {
      const previous = tables[(slice - 1) * 256 + n]!;
      tables[slice * 256 + n] = (previous >>> 8) ^ tables[previous & 0xff]!;
    }
  }
  return tables;
})();

export function crc32(bytes: Uint8Array, seed = 0): number {
  const t = TABLES;
  let crc = (seed ^ 0xffffffff) >>> 0;
  let index = 0;
  const end8 = bytes.length - 7;
  for (; index < end8; index += 8) {
    const low = crc ^ (bytes[index]! | (bytes[index + 1]! << 8) | (bytes[index + 2]! << 16) | (bytes[index + 3]! << 24));
    const high = bytes[index + 4]! | (bytes[index + 5]! << 8) | (bytes[index + 6]! << 16) | (bytes[index + 7]! << 24);
    crc =
      t[1792 + (low & 0xff)]! ^
      t[1536 + ((low >>> 8) & 0xff)]! ^
      t[1280 + ((low >>> 16) & 0xff)]! ^
      t[1024 + (low >>> 24)]! ^
      t[768 + (high & 0xff)]! ^
      t[512 + ((high >>> 8) & 0xff)]! ^
      t[256 + ((high >>> 16) & 0xff)]! ^
      t[high >>> 24]!;
  }
  for (; index < bytes.length; index++) crc = t[(crc ^ bytes[index]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
