#!/usr/bin/env node
// Throughput of PDF and document cleaning: lowprofile (built CLI, one process for the batch) against
// `exiftool -all=` (PDFs only: it cannot write DOCX/ODT) and mat2, one process per tool per batch. Short on purpose:
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

const office = [
  ...(existsSync(fixtures) ? readdirSync(fixtures).filter((name) => /\.(docx|xlsx|pptx|odt)$/.test(name)).map((name) => join(fixtures, name)) : []),
  ...['mat2-tests-data/dirty.docx', 'mat2-tests-data/revision.docx', 'mat2-tests-data/dirty.odt', 'mat2-tests-data/revision.odt', 'exiftool-t-images/OOXML.docx', 'exiftool-t-images/OpenDoc.ods'].map((name) => join(corpus, name)).filter((path) => existsSync(path)),
];
const pdfs = [
  ...(existsSync(fixtures) ? readdirSync(fixtures).filter((name) => name.endsWith('.pdf')).map((name) => join(fixtures, name)) : []),
  ...['mat2-tests-data/dirty.pdf', 'exiftool-t-images/PDF.pdf', 'exiftool-t-images/PDF2.pdf'].map((name) => join(corpus, name)).filter((path) => existsSync(path)),
];
if (pdfs.length === 0) throw new Error('no PDFs: run `npm run fixtures` first');
function time(label, prepare, command, args, files) {
  const bytes = files.reduce((total, path) => total + statSync(path).size, 0);
  const samples = [];
  const cpu = [];
  for (let round = 0; round < rounds; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-docs-'));
    const inputs = prepare(dir);
    const started = process.hrtime.bigint();
    // bash's `times` gives the CPU time of the tool (user + system), which a busy machine does not inflate.
    const result = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1; times', 'bench', command, ...args(dir, inputs)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.error) throw result.error;
    const children = result.stdout.trim().split('\n').pop().match(/(\d+)m([\d.]+)s/g).map((part) => {
      const [, minutes, seconds] = /(\d+)m([\d.]+)s/.exec(part);
      return Number(minutes) * 60 + Number(seconds);
    });
    cpu.push((children[0] + children[1]) * 1000);
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const wall = median(samples);
  const used = median(cpu);
  console.log(`| ${label} | ${files.length} | ${(bytes / 1024).toFixed(0)} KiB | ${wall.toFixed(0)} ms | ${used.toFixed(0)} ms | ${((files.length / used) * 1000).toFixed(1)} files/CPU-s |`);
}

const copiesOf = (files) => (dir) => {
  mkdirSync(join(dir, 'in'));
  return files.map((path, index) => {
    const copy = join(dir, 'in', `${index}-${path.split('/').pop()}`);
    copyFileSync(path, copy);
    return copy;
  });
};

console.log('| tool | PDFs | input | median wall time | median CPU time | throughput |');
console.log('|---|---|---|---|---|---|');
time('lowprofile scrub', copiesOf(pdfs), process.execPath, (dir, inputs) => [CLI, 'scrub', ...inputs, '--out', join(dir, 'out')], pdfs);
time('exiftool -all=', copiesOf(pdfs), 'exiftool', (dir, inputs) => ['-all=', '-q', '-q', '-o', join(dir, 'out') + '/', '--', ...inputs], pdfs);
time('mat2 (rasterises)', copiesOf(pdfs), 'mat2', (_dir, inputs) => ['--', ...inputs], pdfs);
if (office.length > 0) {
  console.log('\n| tool | Office/ODF files | input | median wall time | median CPU time | throughput |');
  console.log('|---|---|---|---|---|---|');
  time('lowprofile scrub', copiesOf(office), process.execPath, (dir, inputs) => [CLI, 'scrub', ...inputs, '--out', join(dir, 'out')], office);
  time('mat2', copiesOf(office), 'mat2', (_dir, inputs) => ['--', ...inputs], office);
}
