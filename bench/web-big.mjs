#!/usr/bin/env node
/* global window */
// Big files in the web app, in Debian's Chromium (headless, the test suite's launch flags):
//  (a) cleans a big MOV chosen through the file input, saves it both ways the app can
//      (an ordinary <a download> of the assembled Blob, and the File System Access path:
//      showSaveFilePicker + Blob.stream().pipeTo(), pointed at the origin-private file system),
//      and checks the tab survives and each saved copy has the input's size;
//  (b) builds the dossier from a big Records.json chosen as a plain file (not zipped) and checks
//      the tab survives and the report shows a home.
// Peak memory is sampled from /proc (VmRSS) every 200 ms: the renderer process (the page and its
// workers) and all Chromium processes together (browser process included, which holds Blob data).
//
//   node bench/web-big.mjs                                  # 512 MB video, 256 MB Records.json
//   node bench/web-big.mjs --video-mb 2048 --records-mb 1024  # the issue's sizes (~8 GB free disk)
//   node bench/web-big.mjs --only video|dossier --no-build --keep
//
// Not part of `npm test` (minutes of work and gigabytes of disk). Files go to .bench/web-big/
// (gitignored) and are deleted at the end unless --keep.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { makeBigMov } from './video.mjs';
import { generate as generateRecords } from './import.mjs';
import { optionValue } from './lib/options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = optionValue;
const videoMb = Number(arg('video-mb', '512'));
const recordsMb = Number(arg('records-mb', '256'));
const only = arg('only', 'all');
const keep = args.includes('--keep');
const dir = join(root, '.bench', 'web-big');
const cli = join(root, 'packages', 'cli', 'bin', 'lowprofile.js');
const MB = 2 ** 20;

if (!args.includes('--no-build')) {
  console.log('building …');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build failed');
}
mkdirSync(dir, { recursive: true });

/** `lowprofile app --port 0` on 127.0.0.1; resolves to its URL. */
async function startApp() {
  const child = spawn(process.execPath, [cli, 'app', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`lowprofile app exited ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Every Chromium process under pid, with its RSS (MB) and whether it is a renderer. */
function processTree(pid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(Number(name), ppid);
    } catch {
      // gone
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of children) if (parent === tree[i]) tree.push(child);
  return tree.flatMap((p) => {
    try {
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      const cmdline = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (!cmdline.includes('chromium')) return []; // Chromium is a child of this script, as is the app server
      return [{ pid: p, rss, renderer: cmdline.includes('--type=renderer') }];
    } catch {
      return [];
    }
  });
}

/** Samples memory until stopped; returns peaks in MB. */
function sampler(pid) {
  const peak = { renderer: 0, total: 0 };
  const timer = setInterval(() => {
    const tree = processTree(pid);
    peak.renderer = Math.max(peak.renderer, ...tree.filter((p) => p.renderer).map((p) => p.rss), 0);
    peak.total = Math.max(peak.total, tree.reduce((sum, p) => sum + p.rss, 0));
  }, 200);
  return { peak, reset: () => Object.assign(peak, { renderer: 0, total: 0 }), stop: () => clearInterval(timer) };
}

async function withBrowser(app, work) {
  const downloads = join(dir, 'downloads');
  mkdirSync(downloads, { recursive: true });
  // A persistent profile on disk, as in the tests (an off-the-record context keeps OPFS in memory).
  const profile = join(dir, 'profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    downloadsPath: downloads,
    acceptDownloads: true,
    locale: 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let crashed = false;
  page.on('crash', () => (crashed = true));
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  const memory = sampler(process.pid);
  try {
    await page.goto(`${app.url}#/clean`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = processTree(process.pid);
    const baseline = { renderer: Math.max(...idle.filter((p) => p.renderer).map((p) => p.rss)), total: idle.reduce((s, p) => s + p.rss, 0) };
    memory.reset();
    return await work({ page, memory, baseline, crashed: () => crashed });
  } finally {
    memory.stop();
    await context.close();
    rmSync(downloads, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);
const results = [];

async function benchVideo(app) {
  const big = makeBigMov(dir, videoMb);
  const size = statSync(big).size;
  // The picture and sound of a saved copy must be those of the input, untouched.
  const streams = (path) => spawnSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-map', '0:v', '-map', '0:a?', '-c', 'copy', '-f', 'streamhash', '-'], { encoding: 'utf8' }).stdout;
  const inputStreams = streams(big);
  console.log(`\n(a) video: ${big} (${(size / MB).toFixed(0)} MB)`);
  await withBrowser(app, async ({ page, memory, baseline, crashed }) => {
    // The app asks where to save for outputs of 512 MB or more when showSaveFilePicker exists.
    // Headless Chromium cannot show that dialog, so: first without it, as in other browsers
    // (a picker that fails makes the app fall back to an ordinary download)…
    await page.evaluate(() => {
      window.showSaveFilePicker = async () => {
        throw new TypeError('no save dialog in this run');
      };
    });
    let t0 = performance.now();
    await page.getByTestId('clean-drop-files').setInputFiles(big);
    const card = page.locator('li.file[data-status]');
    await card.waitFor({ timeout: 30 * 60_000 });
    const status = await card.getAttribute('data-status');
    const cleanSeconds = seconds(t0);
    const cleanPeak = { ...memory.peak };
    console.log(`  cleaned: ${status} in ${cleanSeconds} s`);
    if (status !== 'clean') throw new Error(`not cleaned: ${status} ${await card.textContent()}`);
    memory.reset();
    t0 = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /Download clean copy/ }).click()]);
    const saved = await download.path();
    const downloadSeconds = seconds(t0);
    const downloadSize = statSync(saved).size;
    const downloadSame = streams(saved) === inputStreams;
    const probe = spawnSync('exiftool', ['-q', '-q', '-api', 'largefilesupport=1', '-GPSCoordinates', '-Make', '-Model', '-s3', saved], { encoding: 'utf8' }).stdout.trim();
    await download.delete();
    const downloadPeak = { ...memory.peak };
    console.log(`  downloaded: ${downloadSize} bytes in ${downloadSeconds} s`);
    // …then through the File System Access path, with the picker answering a file in the
    // origin-private file system (real disk, same createWritable() stream as a picked file).
    await page.evaluate(() => {
      window.showSaveFilePicker = async ({ suggestedName }) => {
        window.__picked = suggestedName;
        const handle = await (await navigator.storage.getDirectory()).getFileHandle(suggestedName, { create: true });
        return {
          createWritable: () =>
            handle.createWritable().catch((error) => {
              window.__error = String(error);
              throw error;
            }),
        };
      };
    });
    memory.reset();
    t0 = performance.now();
    const fallback = page.waitForEvent('download', { timeout: 0 }).then(async (d) => (await d.delete(), 'the app fell back to an ordinary download'));
    await card.getByRole('button', { name: /Download clean copy/ }).click();
    const polled = page.evaluate(async (size) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      if (window.__picked === undefined) return 'not asked (output under the 512 MB threshold)';
      const root = await navigator.storage.getDirectory();
      let file;
      for (let i = 0; i < 360; i++) {
        if (window.__error !== undefined) return `createWritable failed: ${window.__error}`;
        file = await (await root.getFileHandle(window.__picked)).getFile();
        if (file.size === size) return file.size; // createWritable() swaps the file in on close
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return `stalled: ${file.size} bytes after 90 s`;
    }, downloadSize);
    const streamedSize = await Promise.race([polled, fallback]);
    const streamSeconds = seconds(t0);
    const streamPeak = { ...memory.peak };
    await page.evaluate(async () => window.__picked && (await navigator.storage.getDirectory()).removeEntry(window.__picked));
    const alive = !crashed() && (await page.evaluate(() => 1 + 1)) === 2;
    results.push(
      { step: `clean ${(size / MB).toFixed(0)} MB MOV (plan + verify)`, seconds: cleanSeconds, ok: status === 'clean', detail: status, baseline, peak: cleanPeak },
      { step: 'save: <a download> of the assembled Blob', seconds: downloadSeconds, ok: downloadSame && probe === '', detail: `${downloadSize} bytes (input ${size}), streams ${downloadSame ? 'identical to the input' : 'DIFFERENT'}, ${probe === '' ? 'no location or make/model left (exiftool)' : `LEFT: ${probe.replace(/\n/g, '; ')}`}`, baseline, peak: downloadPeak },
      { step: 'save: showSaveFilePicker stream (OPFS)', seconds: streamSeconds, ok: streamedSize === downloadSize || (typeof streamedSize === 'string' && streamedSize.startsWith('not asked')), detail: typeof streamedSize === 'string' ? streamedSize : `${streamedSize} bytes, as the download`, baseline, peak: streamPeak },
      { step: 'tab alive after video', ok: alive, detail: alive ? 'yes' : 'CRASHED', baseline, peak: { ...memory.peak } },
    );
  });
  if (!keep) rmSync(big, { force: true });
}

async function benchDossier(app) {
  const file = join(dir, 'Records.json');
  if (!existsSync(file) || Math.abs(statSync(file).size - recordsMb * MB) > 0.02 * recordsMb * MB) {
    rmSync(file, { force: true });
    await generateRecords(file, recordsMb, { routine: true });
  }
  const size = statSync(file).size;
  console.log(`\n(b) dossier: ${file} (${(size / MB).toFixed(0)} MB)`);
  await withBrowser(app, async ({ page, memory, baseline, crashed }) => {
    await page.goto(`${app.url}#/dossier`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    memory.reset();
    const t0 = performance.now();
    await page.getByTestId('dossier-drop-files').setInputFiles(file);
    const report = page.getByTestId('dossier-report');
    const outcome = await Promise.race([
      report.locator('section#summary').waitFor({ state: 'attached', timeout: 60 * 60_000 }).then(() => 'report'),
      page.locator('[role="alert"], .error').first().waitFor({ timeout: 60 * 60_000 }).then(async () => `error: ${await page.locator('[role="alert"], .error').first().textContent()}`),
    ]);
    const took = seconds(t0);
    const home = await report.locator('svg.map g', { has: page.locator('text', { hasText: /^H$/ }) }).locator('title').first().textContent({ timeout: 5000 }).catch(() => null);
    const alive = !crashed() && (await page.evaluate(() => 1 + 1)) === 2;
    results.push(
      { step: `dossier from a ${(size / MB).toFixed(0)} MB Records.json`, seconds: took, ok: outcome === 'report', detail: outcome, baseline, peak: { ...memory.peak } },
      { step: 'report shows a home', ok: home !== null, detail: home ?? 'no home on the map' },
      { step: 'tab alive after dossier', ok: alive, detail: alive ? 'yes' : 'CRASHED' },
    );
  });
  if (!keep) rmSync(file, { force: true });
}

const app = await startApp();
try {
  if (only === 'all' || only === 'video') await benchVideo(app);
  if (only === 'all' || only === 'dossier') await benchDossier(app);
} finally {
  app.stop();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
console.log('\n| step | ok | seconds | renderer RSS idle → peak (MB) | all Chromium RSS idle → peak (MB) | detail |');
console.log('|---|---|---:|---:|---:|---|');
for (const r of results) {
  const mem = (key) => (r.peak ? `${r.baseline[key].toFixed(0)} → ${r.peak[key].toFixed(0)}` : '—');
  console.log(`| ${r.step} | ${r.ok ? 'yes' : 'NO'} | ${r.seconds ?? '—'} | ${mem('renderer')} | ${mem('total')} | ${r.detail} |`);
}
if (results.some((r) => !r.ok)) process.exitCode = 1;
