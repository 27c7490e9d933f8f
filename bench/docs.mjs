#!/usr/bin/env node
// Throughput of PDF and document cleaning: lowprofile (built CLI, one process for the batch) against
// `exiftool -all=` (one process for the batch) and mat2 (one process for the batch). Short on purpose:
// inputs are the generated fixtures (npm run fixtures) plus, if present, ../shared/corpora documents.
// Usage: node bench/docs.mjs [rounds]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 3);
const CLI = join(root, 'packages', 'cli', 'bin', 'lowprofile.js');
const fixtures = join(root, 'fixtures', 'generated', 'docs');
const corpus = join(root, '..', '..', 'shared', 'corpora');

const pdfs = [
  ...(existsSync(fixtures) ? readdirSync(fixtures).filter((name) => name.endsWith('.pdf')).map((name) => join(fixtures, name)) : []),
  ...['mat2-tests-data/dirty.pdf', 'exiftool-t-images/PDF.pdf', 'exiftool-t-images/PDF2.pdf'].map((name) => join(corpus, name)).filter((path) => existsSync(path)),
];
if (pdfs.length === 0) throw new Error('no PDFs: run `npm run fixtures` first');
const bytes = pdfs.reduce((total, path) => total + statSync(path).size, 0);

function time(label, prepare, command, args) {
  const samples = [];
  for (let round = 0; round < rounds; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-docs-'));
    const inputs = prepare(dir);
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args(dir, inputs), { encoding: 'utf8', maxBuffer: 1 << 26 });
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.error) throw result.error;
    rmSync(dir, { recursive: true, force: true });
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`| ${label} | ${pdfs.length} | ${(bytes / 1024).toFixed(0)} KiB | ${median.toFixed(0)} ms | ${((pdfs.length / median) * 1000).toFixed(1)} files/s |`);
}

const copies = (dir) => {
  mkdirSync(join(dir, 'in'));
  return pdfs.map((path, index) => {
    const copy = join(dir, 'in', `${index}-${path.split('/').pop()}`);
    copyFileSync(path, copy);
    return copy;
  });
};

console.log('| tool | PDFs | input | median wall time | throughput |');
console.log('|---|---|---|---|---|');
time('lowprofile scrub', copies, process.execPath, (dir, inputs) => [CLI, 'scrub', ...inputs, '--out', join(dir, 'out')]);
time('exiftool -all=', copies, 'exiftool', (dir, inputs) => ['-all=', '-q', '-q', '-o', join(dir, 'out') + '/', '--', ...inputs]);
time('mat2 (rasterises)', copies, 'mat2', (_dir, inputs) => ['--', ...inputs]);
