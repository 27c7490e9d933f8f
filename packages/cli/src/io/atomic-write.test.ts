import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { piecesToBytes, PieceBuilder } from '@lowprofile/core';
import { asPatchedCopy, discardTemporary, writePatchedCopyToTemporary, writePiecesToTemporary } from './atomic-write.js';
import { openFileSource } from './file-source.js';

describe('writePiecesToTemporary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lowprofile-pieces-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams copy, zeros and bytes pieces from a file exactly as piecesToBytes lays them out', async () => {
    const inputPath = join(dir, 'input.bin');
    writeFileSync(inputPath, randomBytes(11 * 1024 * 1024 + 123)); // several 4 MB chunks, odd tail
    const pieces = new PieceBuilder()
      .copy(0, 100)
      .bytes(Uint8Array.from([1, 2, 3]))
      .copy(100, 5 * 1024 * 1024)
      .zeros(9 * 1024 * 1024 + 7) // more than two chunks of zeros
      .copy(6 * 1024 * 1024, 5 * 1024 * 1024 + 123).pieces;
    const source = await openFileSource(inputPath);
    try {
      const expected = await piecesToBytes(pieces, source);
      const temporary = await writePiecesToTemporary(join(dir, 'out.bin'), pieces, source);
      expect(Buffer.compare(readFileSync(temporary), Buffer.from(expected))).toBe(0);
      await discardTemporary(temporary);
    } finally {
      await source.close();
    }
  });
});

describe('patched copies (kernel copy + patches)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lowprofile-patched-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const size = 14 * 1024 * 1024 + 77;

  it('recognises "the input with ranges overwritten" and nothing else', () => {
    const patched = new PieceBuilder().copy(0, 100).bytes(Uint8Array.from([1, 2, 3])).copy(103, 1000).zeros(500).copy(1603, 100).pieces;
    expect(asPatchedCopy(patched, 10_000)).toEqual({ length: 1703, patches: [expect.objectContaining({ at: 100 }), expect.objectContaining({ at: 1103 })] });
    // A copy that moved (a box before it shrank) is not a patch.
    expect(asPatchedCopy(new PieceBuilder().copy(0, 100).bytes(Uint8Array.from([1])).copy(100, 1000).pieces, 10_000)).toBeUndefined();
    // Longer than the input, or mostly new bytes.
    expect(asPatchedCopy(new PieceBuilder().copy(0, 100).zeros(20).pieces, 110)).toBeUndefined();
    expect(asPatchedCopy(new PieceBuilder().copy(0, 10).zeros(1000).pieces, 10_000)).toBeUndefined();
  });

  it('writes exactly what piecesToBytes lays out, cut to length, from a read-only input', async () => {
    const inputPath = join(dir, 'input.bin');
    writeFileSync(inputPath, randomBytes(size));
    chmodSync(inputPath, 0o444);
    const pieces = new PieceBuilder()
      .copy(0, 50)
      .bytes(Uint8Array.from([9, 8, 7, 6]))
      .copy(54, 8 * 1024 * 1024)
      .zeros(5 * 1024 * 1024 + 3) // more than one zero chunk
      .copy(54 + 8 * 1024 * 1024 + 5 * 1024 * 1024 + 3, 1000).pieces;
    const source = await openFileSource(inputPath);
    try {
      const plan = asPatchedCopy(pieces, size)!;
      expect(plan.length).toBeLessThan(size);
      const temporary = await writePatchedCopyToTemporary(join(dir, 'out.bin'), inputPath, source.stats, plan);
      expect(Buffer.compare(readFileSync(temporary), Buffer.from(await piecesToBytes(pieces, source)))).toBe(0);
      await discardTemporary(temporary);
    } finally {
      await source.close();
    }
  });

  it('keeps nothing when the input changed after it was planned', async () => {
    const inputPath = join(dir, 'changing.bin');
    writeFileSync(inputPath, randomBytes(1024));
    const source = await openFileSource(inputPath);
    try {
      utimesSync(inputPath, new Date(2000, 1, 1), new Date(2000, 1, 1));
      const plan = asPatchedCopy(new PieceBuilder().copy(0, 1000).zeros(24).pieces, 1024)!;
      await expect(writePatchedCopyToTemporary(join(dir, 'changed-out.bin'), inputPath, source.stats, plan)).rejects.toThrow(/changed/);
      expect(readdirSync(dir).filter((name) => name.includes('changed-out'))).toEqual([]);
    } finally {
      await source.close();
    }
  });
});
