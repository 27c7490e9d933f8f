/**
 * Bad input: every hostile or damaged archive member is reported and skipped, and the good file
 * beside it is still imported. Plus the streaming promise: a Records.json far larger than the heap
 * growth it causes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExports, type ImportIssue } from '@lowprofile/core';
import { importPaths } from './helpers/import.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'generated', 'exports-hostile');

function reasons(issues: ImportIssue[], archive: string): Record<string, string> {
  return Object.fromEntries(issues.filter((i) => i.archive.endsWith(archive)).map((i) => [i.file, i.reason]));
}

describe('hostile and damaged archives', () => {
  it('refuses each bad member with a clear reason and imports the good one beside it', async () => {
    const result = await importPaths([DIR]);
    const slip = reasons(result.issues, 'zip-slip.zip');
    expect(slip['../../etc/evil.json']).toMatch(/zip-slip/);
    expect(slip['/abs/evil.json']).toMatch(/absolute path/);
    expect(slip['C:/Windows/evil.json']).toMatch(/drive-letter/);
    expect(slip['folder\\..\\evil.json']).toMatch(/backslash/);
    const special = reasons(result.issues, 'special-entries.zip');
    expect(special['link-to-passwd']).toMatch(/symbolic link/);
    expect(special['a-fifo']).toMatch(/device, FIFO/);
    expect(special['secret.json']).toMatch(/encrypted/);
    expect(special['bzip2.json']).toMatch(/compression method 12/);
    expect(reasons(result.issues, 'bomb-ratio.zip')['Records.json']).toMatch(/ratio 10\d\d:1 .*zip bomb/);
    expect(reasons(result.issues, 'bomb-lying-size.zip')['data/tweets.js']).toMatch(/inflates past its declared size/);
    expect(reasons(result.issues, 'bad-crc.zip')['Settings.json']).toMatch(/CRC mismatch/);
    expect(reasons(result.issues, 'truncated.zip')['']).toMatch(/could not be opened/);
    expect(reasons(result.issues, 'not-a-zip.zip')['']).toMatch(/not a ZIP/);
    expect(reasons(result.issues, 'records-truncated.zip')['Takeout/Location History/Records.json']).toMatch(/truncated/);
    // The good chat in each of the five readable hostile zips still came through.
    const good = result.records.filter((r) => r.source.platform === 'whatsapp');
    expect(new Set(good.map((r) => r.source.archive)).size).toBe(5);
    expect(good).toHaveLength(10);
    // A truncated Records.json keeps every location before the cut.
    expect(result.points.filter((p) => p.source.archive.endsWith('records-truncated.zip')).length).toBe(49);
  });
});

describe('streaming Records.json', () => {
  it('imports 256 MB with heap growth bounded by one item, not the file', async () => {
    const target = 256 * 1024 * 1024;
    const encoder = new TextEncoder();
    const line = (i: number): string => `{"latitudeE7":${340000000 + (i % 100000)},"longitudeE7":${-1180000000 - (i % 77777)},"accuracy":${i % 50},"source":"WIFI","deviceTag":1234567890,"platformType":"ANDROID","timestamp":"2024-03-04T08:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z"}`;
    const itemBytes = line(0).length + 2;
    const count = Math.floor(target / itemBytes);
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield encoder.encode('{\n  "locations": [\n');
      const perChunk = 4096;
      for (let i = 0; i < count; i += perChunk) {
        const parts: string[] = [];
        for (let k = i; k < Math.min(count, i + perChunk); k++) parts.push(k === 0 ? line(k) : `,\n${line(k)}`);
        yield encoder.encode(parts.join(''));
      }
      yield encoder.encode('\n  ]\n}\n');
    }
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let points = 0;
    let lastIndex = -1;
    const summary = await importExports([{ kind: 'files', name: 'big', files: [{ path: 'Takeout/Location History/Records.json', size: count * itemBytes, stream: chunks, read: () => Promise.reject(new Error('must stream, not read whole')) }] }], {
      record: () => undefined,
      point: (point) => {
        points++;
        lastIndex = point.index;
        if ((points & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
      issue: (issue) => {
        throw new Error(issue.reason);
      },
    });
    expect(summary.points).toBe(count);
    expect(points).toBe(count);
    expect(lastIndex).toBe(count - 1);
    // The input is 256 MB; the heap may not grow by anything near it.
    expect(peak - baseline).toBeLessThan(96 * 1024 * 1024);
  });
});
