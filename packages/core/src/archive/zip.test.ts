import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { bytesSource } from '../bytes/source.js';
import { bytesEqual } from '../bytes/view.js';
import { nativeInflate, readZipDirectory, setNativeInflate, unsafeNameReason, zipEntryChunks, type ZipEntry } from './zip.js';

async function read(source: ReturnType<typeof bytesSource>, entry: ZipEntry): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of zipEntryChunks(source, entry)) parts.push(chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('zip reader', () => {
  it('lists and streams stored and deflated entries (several MB, many chunks)', async () => {
    const big = new Uint8Array(3 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 10)) & 0xff;
    const zip = zipSync({ 'a/stored.txt': [strToU8('hello'), { level: 0 }], 'a/big.bin': [big, { level: 6 }], 'empty/': new Uint8Array(0), 'ünïcode.json': strToU8('{}') });
    const source = bytesSource(zip);
    const { entries, refused } = await readZipDirectory(source);
    expect(refused).toEqual([]);
    expect(entries.map((e) => e.name).sort()).toEqual(['a/big.bin', 'a/stored.txt', 'empty/', 'ünïcode.json']);
    expect(await read(source, entries.find((e) => e.name === 'a/stored.txt')!)).toEqual(strToU8('hello'));
    // bytesEqual, not toEqual: deep-equality of MB-sized typed arrays takes vitest tens of seconds.
    expect(bytesEqual(await read(source, entries.find((e) => e.name === 'a/big.bin')!), big)).toBe(true);
  });

  it('inflates the same bytes with fflate when there is no native DecompressionStream', async () => {
    const text = strToU8('{"locations":[' + Array.from({ length: 20000 }, (_, i) => `{"i":${i}}`).join(',') + ']}');
    const zip = zipSync({ 'Records.json': [text, { level: 9 }] });
    const source = bytesSource(zip);
    const [entry] = (await readZipDirectory(source)).entries;
    expect(nativeInflate()).not.toBeNull(); // Node 20.12+ has DecompressionStream('deflate-raw')
    const native = await read(source, entry!);
    setNativeInflate(false);
    try {
      expect(bytesEqual(await read(source, entry!), native)).toBe(true);
      expect(bytesEqual(native, text)).toBe(true);
    } finally {
      setNativeInflate(true);
    }
  });

  it('judges names', () => {
    expect(unsafeNameReason('Takeout/Location History/Records.json')).toBeUndefined();
    expect(unsafeNameReason('a/../../b')).toMatch(/zip-slip/);
    expect(unsafeNameReason('/etc/passwd')).toMatch(/absolute/);
    expect(unsafeNameReason('C:/x')).toMatch(/drive/);
    expect(unsafeNameReason('a\\b')).toMatch(/backslash/);
    expect(unsafeNameReason('..foo/bar')).toBeUndefined();
  });

  it('applies per-entry, total and ratio limits from the central directory, before inflating', async () => {
    const zip = zipSync({ 'zeros.bin': [new Uint8Array(4 * 1024 * 1024), { level: 9 }], 'small.txt': strToU8('x'.repeat(100)) });
    const ratio = await readZipDirectory(bytesSource(zip));
    expect(ratio.refused.map((r) => r.name)).toEqual(['zeros.bin']);
    expect(ratio.refused[0]!.reason).toMatch(/compression ratio/);
    const perEntry = await readZipDirectory(bytesSource(zip), { maxEntries: 10, maxEntryBytes: 50, maxTotalBytes: 1e12, maxRatio: 1e9 });
    expect(perEntry.refused.map((r) => r.name).sort()).toEqual(['small.txt', 'zeros.bin']);
    const total = await readZipDirectory(bytesSource(zip), { maxEntries: 10, maxEntryBytes: 1e12, maxTotalBytes: 4 * 1024 * 1024 + 50, maxRatio: 1e9 });
    expect(total.entries).toHaveLength(1);
    expect(total.refused[0]!.reason).toMatch(/total/);
    await expect(readZipDirectory(bytesSource(zip), { maxEntries: 1, maxEntryBytes: 1e12, maxTotalBytes: 1e12, maxRatio: 1e9 })).rejects.toThrow(/entries/);
  });

  it('refuses what is not a zip', async () => {
    await expect(readZipDirectory(bytesSource(strToU8('not a zip')))).rejects.toThrow(/end-of-central-directory/);
  });
});
