/**
 * Fresh random bytes for the PDF trailer `/ID`. Web Crypto's `getRandomValues` is a web-standard
 * global in browsers and in Node ≥ 19, so core can use it without importing anything platform
 * specific. Core's TypeScript lib is plain ES2022, hence the narrow declaration here.
 */
import { fail } from '../../issues.js';

interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

export function randomBytes(length: number): Uint8Array {
  const crypto = (globalThis as { crypto?: WebCrypto }).crypto;
  if (crypto === undefined || typeof crypto.getRandomValues !== 'function') {
    fail('unsupported_feature', 0, 'no secure random source (Web Crypto) in this runtime for a fresh document ID');
  }
  return crypto.getRandomValues(new Uint8Array(length));
}
