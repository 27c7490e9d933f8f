import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { piecesToBytes, PieceBuilder } from '@lowprofile/core';
import { discardTemporary, writePiecesToTemporary } from './atomic-write.js';
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
