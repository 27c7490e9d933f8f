/**
 * Reusable byte buffers for the photo fast path. Reading each photo into a fresh allocation, and
 * assembling each output into another, costs a page fault per 4 KiB touched and a zero-fill pass;
 * reusing a few buffers per thread removes both. Memory stays bounded: only buffers up to
 * POOLED_BUFFER_MAX_BYTES are kept, at most POOLED_BUFFER_COUNT of them.
 */
const POOLED_BUFFER_MAX_BYTES = 32 * 1024 * 1024;
const POOLED_BUFFER_COUNT = 12;
/** Capacities are rounded up so buffers fit many similar photos. */
const ROUNDING_BYTES = 1024 * 1024;

const free: Buffer[] = [];

/** A buffer of exactly `size` bytes (contents undefined). Give it back with `releaseBuffer`. */
export function acquireBuffer(size: number): Buffer {
  let best = -1;
  for (let index = 0; index < free.length; index++) {
    const candidate = free[index]!;
    if (candidate.length >= size && (best === -1 || candidate.length < free[best]!.length)) best = index;
  }
  if (best !== -1) return free.splice(best, 1)[0]!.subarray(0, size);
  const capacity = Math.max(ROUNDING_BYTES, Math.ceil(size / ROUNDING_BYTES) * ROUNDING_BYTES);
  return Buffer.allocUnsafeSlow(capacity).subarray(0, size);
}

export function releaseBuffer(buffer: Buffer): void {
  // Recover the whole allocation behind a subarray view.
  const whole = Buffer.from(buffer.buffer, 0, buffer.buffer.byteLength);
  if (whole.length > POOLED_BUFFER_MAX_BYTES) return;
  if (free.length >= POOLED_BUFFER_COUNT) free.shift();
  free.push(whole);
}
