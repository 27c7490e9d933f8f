#!/usr/bin/env node
// Streaming import benchmark: generates a Records.json of the size asked for (MB), imports it the
// way `lowprofile audit` will (file handle → importExports → a sink that stores points compactly in
// typed arrays, as the dossier does), and measures wall time and peak resident memory in a fresh
// process. Where the file fits a V8 string (< ~512 MB), it also runs the naive alternative:
// readFileSync + JSON.parse of the whole file. Optionally the same file zipped (inflate + CRC).
//
//   node bench/import.mjs --size 1024            # 1 GB, streaming only (JSON.parse cannot hold it)
//   node bench/import.mjs --size 256 --zip        # streaming, JSON.parse, and from a zip
//
// Needs `npm run build` first (uses packages/*/dist). Files go to .bench/ (gitignored).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { optionValue } from './lib/options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = optionValue;
const sizeMb = Number(arg('size', '256'));
const withZip = args.includes('--zip');
const dir = join(root, '.bench');

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

async function main() {
  mkdirSync(dir, { recursive: true });
if (args[0] === '--child') {
  await child(args[1], args[2]);
  process.exit(0);
}

const file = join(dir, `Records-${sizeMb}MB.json`);
if (!existsSync(file) || statSync(file).size < sizeMb * 1024 * 1024 * 0.99) await generate(file, sizeMb);
const bytes = statSync(file).size;
console.log(`Records.json: ${(bytes / 1024 / 1024).toFixed(0)} MB (${file})`);

const results = [];
results.push(run('stream', file));
if (bytes < 500 * 1024 * 1024) results.push(run('json-parse', file));
else results.push({ mode: 'json-parse', skipped: 'file too large for one V8 string (limit ~512 MB): JSON.parse cannot read it at all' });
if (withZip) {
  const zipFile = join(dir, `Records-${sizeMb}MB.zip`);
  if (!existsSync(zipFile)) spawnSync('zip', ['-j', '-1', '-q', zipFile, file], { stdio: 'inherit' });
  if (existsSync(zipFile)) results.push(run('stream-zip', zipFile));
}
console.log(`\nload average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
console.log('\n| mode | points | wall time (s) | CPU time (s) | MB/s (wall) | peak RSS (MB) |\n|---|---|---|---|---|---|');
for (const r of results) {
  if (r.skipped) console.log(`| ${r.mode} | — | — | — | — | ${r.skipped} |`);
  else console.log(`| ${r.mode} | ${r.points} | ${(r.ms / 1000).toFixed(1)} | ${(r.cpuMs / 1000).toFixed(1)} | ${(bytes / 1024 / 1024 / (r.ms / 1000)).toFixed(0)} | ${(r.maxRssKb / 1024).toFixed(0)} |`);
}
}

function run(mode, path) {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, path], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) {
    console.error(result.stderr);
    return { mode, skipped: `failed (${result.stderr.split('\n').find((l) => l.includes('Error')) ?? result.status})` };
  }
  const out = JSON.parse(result.stdout.trim().split('\n').pop());
  return { mode, ...out };
}

async function child(mode, path) {
  const t0 = performance.now();
  let points = 0;
  if (mode === 'json-parse') {
    const data = JSON.parse(readFileSync(path, 'utf8'));
    for (const location of data.locations) if (location.latitudeE7 !== undefined) points++;
  } else {
    const { importExports } = await import(join(root, 'packages', 'core', 'dist', 'index.js'));
    const { openExportInputs } = await import(join(root, 'packages', 'cli', 'dist', 'io', 'export-inputs.js'));
    const { inputs, close } = await openExportInputs([path]);
    // A compact trail store, like the dossier's: typed arrays grown by doubling.
    let capacity = 1 << 20;
    let lat = new Float64Array(capacity);
    let lon = new Float64Array(capacity);
    let time = new Float64Array(capacity);
    const grow = () => {
      capacity *= 2;
      const next = (old) => { const a = new Float64Array(capacity); a.set(old); return a; };
      lat = next(lat); lon = next(lon); time = next(time);
    };
    const summary = await importExports(inputs, {
      record() {},
      point(p) {
        if (points === capacity) grow();
        lat[points] = p.lat; lon[points] = p.lon; time[points] = p.epochMs;
        points++;
      },
      issue(issue) { console.error(issue); },
    });
    await close();
    if (summary.points !== points) throw new Error('point count mismatch');
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ points, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS }));
}

/**
 * Writes a Records.json of about mb MB to path (streamed). Points are scattered over a few km,
 * unless `routine` is set: then weekdays 09:00–17:00 (Los Angeles) are spent at one place and the
 * rest at another, so the dossier finds a home and a workplace (bench/web-big.mjs uses that).
 */
export async function generate(path, mb, { routine = false } = {}) {
  console.log(`generating ${mb} MB Records.json …`);
  const out = createWriteStream(path);
  const write = (s) => new Promise((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  await write('{\n  "locations": [');
  const target = mb * 1024 * 1024;
  let written = 20;
  let i = 0;
  let t = Date.UTC(2015, 0, 1);
  while (written < target) {
    const parts = [];
    for (let k = 0; k < 5000; k++, i++) {
      t += 30_000 + (i % 97) * 1000;
      const local = new Date(t - 8 * 3600_000); // Los Angeles, ignoring summer time
      const working = local.getUTCDay() % 6 !== 0 && local.getUTCHours() >= 9 && local.getUTCHours() < 17;
      const [lat0, lon0] = !routine ? [340000000, -1180000000] : working ? [340736000, -1184004000] : [340522000, -1182437000];
      const spread = routine ? 3000 : 200000; // E7 units: 3000 ≈ 30 m
      const item = { latitudeE7: lat0 + ((i * 7919) % spread), longitudeE7: lon0 - ((i * 104729) % (spread * 1.5)), accuracy: 5 + (i % 60), source: i % 3 ? 'WIFI' : 'GPS', deviceTag: 1234567890, platformType: 'ANDROID' };
      if (i % 9 === 0) item.activity = [{ timestamp: new Date(t).toISOString(), activity: [{ type: 'STILL', confidence: 75 }, { type: 'ON_FOOT', confidence: 10 }] }];
      if (i % 2) item.timestamp = new Date(t).toISOString();
      else item.timestampMs = String(t);
      parts.push(`${i === 0 ? '' : ','}\n    ${JSON.stringify(item)}`);
    }
    const chunk = parts.join('');
    written += chunk.length;
    await write(chunk);
  }
  await write('\n  ]\n}\n');
  await new Promise((resolve) => out.end(resolve));
}
