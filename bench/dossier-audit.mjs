#!/usr/bin/env node
// End to end: a generated Google Records.json of the given size (default 1 GB) audited by the built
// CLI (`lowprofile audit`), timed, with the audit's peak resident memory read from /usr/bin/time.
// Usage: node bench/dossier-audit.mjs [sizeMB]   (writes into .bench/, which is gitignored)
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sizeMB = Number(process.argv[2] ?? 1024);
const dir = join(root, '.bench', `records-${sizeMB}mb`);
const file = join(dir, 'Records.json');
mkdirSync(dir, { recursive: true });

async function generate() {
  // A life in Los Angeles over years: home, weekday work, Friday bar; a sample every 30 s, some with
  // activity guesses, as Takeout writes them (new "timestamp" era).
  const out = createWriteStream(file, { highWaterMark: 1 << 22 });
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  const home = [340522000, -1182437000];
  const work = [340900000, -1181800000];
  const bar = [340600000, -1182600000];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  const target = sizeMB * 1024 * 1024;
  let written = 0;
  let t = Date.UTC(2014, 0, 6, 8);
  let n = 0;
  await write('{\n  "locations": [');
  let batch = '';
  while (written < target) {
    const local = new Date(t - 8 * 3_600_000);
    const h = local.getUTCHours();
    const d = local.getUTCDay();
    const at = d >= 1 && d <= 5 && h >= 9 && h < 17 ? work : d === 5 && h >= 20 && h < 23 ? bar : home;
    const activity = rand() < 0.25 ? `,\n    "activity": [{\n      "activity": [{\n        "type": "STILL",\n        "confidence": ${60 + Math.floor(rand() * 40)}\n      }, {\n        "type": "ON_FOOT",\n        "confidence": ${Math.floor(rand() * 10)}\n      }],\n      "timestamp": "${new Date(t + 1500).toISOString()}"\n    }]` : '';
    batch += `${n === 0 ? '' : ','}{\n    "latitudeE7": ${at[0] + Math.floor((rand() - 0.5) * 4000)},\n    "longitudeE7": ${at[1] + Math.floor((rand() - 0.5) * 4000)},\n    "accuracy": ${5 + Math.floor(rand() * 40)},\n    "source": "${rand() < 0.6 ? 'WIFI' : 'GPS'}",\n    "deviceTag": 1234567890,\n    "timestamp": "${new Date(t).toISOString()}"${activity}\n  }`;
    n++;
    t += 30_000;
    if (batch.length > 1 << 20) {
      written += batch.length;
      await write(batch);
      batch = '';
    }
  }
  await write(`${batch}]\n}\n`);
  await new Promise((r) => out.end(r));
  return n;
}

if (!existsSync(file) || Math.abs(statSync(file).size / 1048576 - sizeMB) > sizeMB * 0.05) {
  const started = Date.now();
  const n = await generate();
  console.log(`generated ${file}: ${(statSync(file).size / 1e9).toFixed(2)} GB, ${n.toLocaleString('en-US')} locations, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const cli = join(root, 'packages', 'cli', 'bin', 'lowprofile.js');
const run = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, 'audit', file, '--html', join(dir, 'report.html'), '--json', join(dir, 'report.json')], { encoding: 'utf8' });
const field = (name) => run.stderr.match(new RegExp(`${name}: (.*)`))?.[1]?.trim();
console.log(run.stdout);
console.log(JSON.stringify({ file: `${(statSync(file).size / 1e9).toFixed(2)} GB`, exit: run.status, wallClock: field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)'), maxRssMB: Math.round(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024) }, null, 1));
