import { useByteSearch } from '@lowprofile/core';

/**
 * Lets core scan with Node's memchr-backed Buffer#indexOf. The Buffer view over the same memory is
 * cached per array, so a scan of one file allocates one view.
 */
export function installFastByteSearch(): void {
  let lastArray: Uint8Array | undefined;
  let lastView: Buffer | undefined;
  useByteSearch((bytes, value, from) => {
    if (bytes !== lastArray) {
      lastArray = bytes;
      lastView = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return lastView!.indexOf(value, from);
  });
}
