/**
 * Ogg page CRC (RFC 3533 §6): CRC-32 with polynomial 0x04C11DB7, initial value 0, no reflection of
 * input or output, no final XOR, computed over the whole page with the CRC field set to zero.
 * Unlike zlib's CRC-32 (reflected, 0xEDB88320), so it has its own table.
 */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n << 24;
    for (let k = 0; k < 8; k++) c = c & 0x8000_0000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Continues `crc` over `bytes` (start with 0). */
export function oggCrc(bytes: Uint8Array, crc = 0): number {
  let value = crc >>> 0;
  for (let index = 0; index < bytes.length; index++) value = ((value << 8) ^ TABLE[((value >>> 24) ^ bytes[index]!) & 0xff]!) >>> 0;
  return value;
}
