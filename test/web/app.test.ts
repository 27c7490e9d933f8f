/// <reference lib="dom" />
// (DOM types for the callbacks that run inside the page via page.evaluate.)
/**
 * The web app, as a person would use it, in Debian's Chromium: clean a photo and check the download
 * with exiftool; redact a face with a box drawn by hand and check the pixels and metadata; switch to
 * Spanish; reload with the network off and keep working. Every request is intercepted, and any
 * request to another origin fails the run. Screenshots of each screen, in both languages, at phone
 * and desktop widths, go to test-artifacts/screens/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { FILL_RGB } from '@lowprofile/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowprofile } from '../helpers/cli.js';
import { exiftoolJson, leakedTags } from '../helpers/oracle.js';
import { decodeErrors, leakedVideoTags, streamHash } from '../helpers/video-oracle.js';
import { launch, startApp, WEB_DIST, type AppServer, type Browser } from './browser.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PHOTOS = join(ROOT, 'fixtures', 'generated', 'photos');
const GPS_PHOTO = join(PHOTOS, 'jpeg-everything-rotated-trailer.jpg');
const GPS_VIDEO = join(ROOT, 'fixtures', 'generated', 'video', 'mov-phone-mebx-gpmd.mov');
const FACE_PHOTO = join(ROOT, 'fixtures', 'generated', 'faces', 'face-upright.png');
const PERSONA = join(ROOT, 'demo', 'persona');
/** The dossier screen works once core's importers and report are in the build (its worker is then emitted). */
const BUILD_HAS_DOSSIER = existsSync(join(WEB_DIST, 'assets')) && readdirSync(join(WEB_DIST, 'assets')).some((name) => name.startsWith('dossier-worker'));
/** Automatic face finding is in the build once core's detector is (its worker is then emitted). */
const BUILD_HAS_FACE_FINDER = existsSync(join(WEB_DIST, 'assets')) && readdirSync(join(WEB_DIST, 'assets')).some((name) => name.startsWith('faces-worker'));
const SCREENS_DIR = join(ROOT, 'test-artifacts', 'screens');
const SCREENS = ['clean', 'redact', 'dossier', 'plan'] as const;
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

describe('web app in Chromium', () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launch(app.origin);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${app.url}#/clean`);
    await page.getByRole('heading', { level: 2, name: 'Clean photos and videos' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('is served with the same strict CSP as a header and in the page', async () => {
    const response = await fetch(app.url);
    const header = response.headers.get('content-security-policy');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(join(WEB_DIST, 'index.html'), 'utf8'))?.[1];
    expect(header).toBe(meta);
    expect(header).toContain("default-src 'self'");
    expect(header).toContain("connect-src 'self'");
    expect(header).not.toContain('unsafe-inline');
    expect(header).not.toMatch(/'unsafe-eval'/);
    // Only the built app is served: no way out of dist/.
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
      const status = await new Promise<number>((resolve, reject) => get({ host: '127.0.0.1', port: new URL(app.url).port, path }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject));
      expect(status, path).toBe(404);
    }
  });

  it('cleans a photo with GPS, and the download has nothing left for exiftool to find', async () => {
    const before = leakedTags(exiftoolJson(GPS_PHOTO));
    expect(before.some((tag) => /GPS/.test(tag))).toBe(true);
    await page.getByTestId('clean-drop-files').setInputFiles(GPS_PHOTO);
    const card = page.locator('li.file', { hasText: 'jpeg-everything-rotated-trailer.jpg' });
    await card.locator('[data-status="clean"]').or(card.and(page.locator('[data-status="clean"]'))).waitFor({ timeout: 20_000 });
    await expect(card.locator('.before [data-category="location"]').textContent()).resolves.toContain('Location');
    await expect(card.locator('.after [data-category="orientation"]').count()).resolves.toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /Download clean copy/ }).click()]);
    const saved = await download.path();
    expect(download.suggestedFilename()).toBe('jpeg-everything-rotated-trailer.jpg');
    const tags = exiftoolJson(saved);
    expect(leakedTags(tags)).toEqual([]);
    expect(tags['IFD0:Orientation']).toBeDefined(); // kept on purpose: the photo still shows upright
  });

  it('cleans a whole folder and a zip, and downloads everything as one zip', async () => {
    await page.getByRole('button', { name: 'Clear the list' }).click();
    await page.getByTestId('clean-drop-folder').setInputFiles(PHOTOS);
    const names = readdirSync(PHOTOS);
    const zipped = zipSync({ 'inside/a.jpg': readFileSync(join(PHOTOS, 'jpeg-gps-upright.jpg')), 'b.png': readFileSync(join(PHOTOS, 'png-text-exif-time.png')) });
    await page.getByTestId('clean-drop-files').setInputFiles({ name: 'holiday.zip', mimeType: 'application/zip', buffer: Buffer.from(zipped) });
    const total = names.length + 2;
    await page.waitForFunction((count) => document.querySelectorAll('li.file[data-status]').length === count, total, { timeout: 30_000 });
    await expect(page.locator('li.file', { hasText: 'holiday.zip/inside/a.jpg' }).getAttribute('data-status')).resolves.toBe('clean');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all as a zip' }).click()]);
    expect(download.suggestedFilename()).toBe('lowprofile-clean.zip');
    const entries = unzipSync(readFileSync(await download.path()));
    expect(Object.keys(entries).length).toBe(total);
    const out = mkdtempSync(join(tmpdir(), 'lowprofile-web-zip-'));
    try {
      for (const [name, bytes] of Object.entries(entries)) {
        const path = join(out, name.replaceAll('/', '_'));
        writeFileSync(path, bytes);
        expect(leakedTags(exiftoolJson(path)), name).toEqual([]);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(GPS_VIDEO))('cleans a phone video with GPS tracks, streamed from slices of the original', async () => {
    expect(leakedVideoTags(GPS_VIDEO).length).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Clear the list' }).click();
    await page.getByTestId('clean-drop-files').setInputFiles(GPS_VIDEO);
    const card = page.locator('li.file[data-status]');
    await card.waitFor({ timeout: 30_000 });
    await expect(card.getAttribute('data-status')).resolves.toBe('clean');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /Download clean copy/ }).click()]);
    const saved = await download.path();
    expect(leakedVideoTags(saved)).toEqual([]);
    expect(decodeErrors(saved)).toBe(''); // it still plays
    expect(streamHash(saved)).toBe(streamHash(GPS_VIDEO)); // the picture and sound are untouched
  });

  it('redacts a face with a box drawn by hand: solid fill, upright, no metadata', async () => {
    await go(page, 'redact');
    await page.getByTestId('redact-drop-files').setInputFiles(GPS_PHOTO);
    const stage = page.getByTestId('redact-stage');
    await stage.locator('img').waitFor();
    await page.waitForFunction(() => (document.querySelector<HTMLImageElement>('.redact-image')?.naturalWidth ?? 0) > 0);
    await detectionDone(page);
    await expect(page.getByTestId('redact-box').count()).resolves.toBe(0); // no face in this photo
    const rect = (await stage.boundingBox())!;
    // Draw a box from 20% to 60% of the photo with the mouse.
    await page.mouse.move(rect.x + rect.width * 0.2, rect.y + rect.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(rect.x + rect.width * 0.4, rect.y + rect.height * 0.4, { steps: 4 });
    await page.mouse.move(rect.x + rect.width * 0.6, rect.y + rect.height * 0.6, { steps: 4 });
    await page.mouse.up();
    await expect(page.getByTestId('redact-box').count()).resolves.toBe(1);
    // Keyboard: add a second box, nudge it, then delete it.
    await page.getByTestId('redact-add').click();
    await expect(page.getByTestId('redact-box').count()).resolves.toBe(2);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('redact-box').count()).resolves.toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('redact-save').click()]);
    const saved = await download.path();
    expect(download.suggestedFilename()).toBe('jpeg-everything-rotated-trailer-redacted.jpg');
    expect(leakedTags(exiftoolJson(saved))).toEqual([]);
    expect(exiftoolJson(saved)['IFD0:Orientation']).toBeUndefined(); // orientation is baked into the pixels
    // The source is 320x240 with orientation 6: the redacted copy is upright, 240x320.
    const size = magick([saved, '-format', '%w %h', 'info:']);
    expect(size).toBe('240 320');
    // Inside the box (20%–60%, with a margin for JPEG edges): the fill, flat mid-grey. Outside: the photo.
    const [mean, deviation] = magick([saved, '-crop', '72x96+60+80', '+repage', '-format', '%[fx:mean] %[fx:standard_deviation]', 'info:']).split(' ').map(Number);
    expect(Math.abs(mean! - FILL_RGB[0] / 255)).toBeLessThan(0.02);
    expect(deviation).toBeLessThan(0.02);
    const outside = magick([saved, '-crop', '40x40+190+260', '+repage', '-format', '%[fx:mean]', 'info:']);
    expect(Number(outside)).toBeGreaterThan(0.1);
    await page.getByTestId('redact-result').waitFor();
  });

  it.skipIf(!BUILD_HAS_FACE_FINDER)('finds a face by itself, and the saved copy has it filled', async () => {
    await page.getByTestId('redact-drop-files').setInputFiles(FACE_PHOTO);
    await detectionDone(page);
    await expect(page.getByTestId('redact-message').textContent()).resolves.toMatch(/^Found 1 face/);
    await expect(page.getByTestId('redact-box').count()).resolves.toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('redact-save').click()]);
    const saved = await download.path();
    expect(download.suggestedFilename()).toBe('face-upright-redacted.png');
    expect(leakedTags(exiftoolJson(saved))).toEqual([]);
    // Eyes, nose and mouth of the drawn face (centre 240,185 in a 480x360 picture) are exactly the fill (lossless PNG).
    expect(magick([saved, '-crop', '80x90+200+150', '+repage', '-format', '%[fx:minima] %[fx:maxima]', 'info:'])).toBe(`${(FILL_RGB[0] / 255).toFixed(6)} ${(FILL_RGB[0] / 255).toFixed(6)}`);
    expect(Number(magick([saved, '-crop', '40x40+420+10', '+repage', '-format', '%[fx:mean]', 'info:']))).toBeGreaterThan(0.3);
  }, 60_000);

  it.skipIf(!BUILD_HAS_DOSSIER || !existsSync(PERSONA))('audits the demo persona and shows home on the map', async () => {
    await go(page, 'dossier');
    await page.getByTestId('dossier-drop-folder').setInputFiles(PERSONA);
    const report = page.getByTestId('dossier-report');
    const home = report.locator('svg.map g', { has: page.locator('text', { hasText: /^H$/ }) }).locator('title');
    await home.waitFor({ state: 'attached', timeout: 90_000 });
    const title = (await home.textContent()) ?? '';
    const match = /(-?\d+\.\d+), (-?\d+\.\d+)\s*$/.exec(title);
    expect(match, title).not.toBeNull();
    const truth = JSON.parse(readFileSync(join(PERSONA, 'ground-truth.json'), 'utf8')) as { home: { lat: number; lon: number } };
    expect(metres(Number(match![1]), Number(match![2]), truth.home.lat, truth.home.lon)).toBeLessThan(150);
    // The same report as `lowprofile audit` on the same folder: same summary, line for line.
    const out = mkdtempSync(join(tmpdir(), 'lowprofile-web-audit-'));
    try {
      const cli = lowprofile(['audit', PERSONA, '--json', '-', '--html', join(out, 'report.html')]);
      expect(cli.status, cli.stderr).toBe(0);
      const points = (JSON.parse(cli.stdout) as { summary: { points: string[] } }).summary.points;
      expect(points.length).toBeGreaterThan(3);
      await expect(report.locator('section#summary li').allTextContents()).resolves.toEqual(points);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('shows the plan and keeps nothing on the device unless asked', async () => {
    await go(page, 'plan');
    await page.getByLabel('Turn off location history', { exact: true }).check();
    // With the demo dossier made above, its own plan (ranked by effect) comes before the 8 general steps.
    const personal = BUILD_HAS_DOSSIER && existsSync(PERSONA) ? await page.getByTestId('dossier-plan').locator('li').count() : 0;
    if (BUILD_HAS_DOSSIER && existsSync(PERSONA)) expect(personal).toBeGreaterThan(2);
    await expect(page.getByTestId('plan-progress').textContent()).resolves.toBe(`1 of ${8 + personal} done`);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.getByTestId('remember').check();
    expect(await page.evaluate(() => localStorage.getItem('lowprofile.plan'))).toBe('["location"]');
    await page.getByTestId('remember').uncheck();
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  });

  it('switches to Spanish, and takes screenshots of every screen in both languages', async () => {
    mkdirSync(SCREENS_DIR, { recursive: true });
    for (const lang of ['en', 'es'] as const) {
      await page.getByTestId('lang').selectOption(lang);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      for (const [width, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        for (const screen of SCREENS) {
          await go(page, screen);
          // The dossier report runs to many screens: keep its top (summary, map, first findings).
          const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), screen === 'dossier' ? 3200 : 20_000);
          await page.screenshot({ path: join(SCREENS_DIR, `${screen}-${lang}-${width}.png`), fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height } });
        }
      }
    }
    await go(page, 'clean');
    await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Limpiar fotos y videos');
    await expect(page.getByTestId('nav-redact').textContent()).resolves.toBe('Ocultar rostros');
    if (BUILD_HAS_DOSSIER && existsSync(PERSONA)) {
      // The dossier made in English is shown again in Spanish, from the same analysis.
      await go(page, 'dossier');
      await page.getByTestId('dossier-report').locator('h1', { hasText: /^Tu expediente/ }).waitFor({ timeout: 30_000 });
    }
    // Only the visible choice changed: nothing was stored.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  }, 90_000);

  it('reloads with the network off and keeps working (service worker)', async () => {
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.getByTestId('offline-status').and(page.locator('.offline-ready')).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    await browser.context.setOffline(true);
    try {
      await page.goto(`${app.url}?lang=es#/clean`);
      await page.getByRole('heading', { level: 2, name: 'Limpiar fotos y videos' }).waitFor();
      await page.getByTestId('clean-drop-files').setInputFiles(join(PHOTOS, 'jpeg-gps-upright.jpg'));
      await page.locator('li.file[data-status="clean"]').waitFor({ timeout: 20_000 });
      await expect(page.locator('li.file .badge').textContent()).resolves.toBe('Limpio');
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it('made no request to any other origin and broke no content-security rule', () => {
    expect(browser.foreign).toEqual([]);
    expect(browser.pageErrors.filter((message) => /Content Security Policy|Refused/i.test(message))).toEqual([]);
    expect(existsSync(join(SCREENS_DIR, 'plan-es-phone.png'))).toBe(true);
  });
});

/** Waits until automatic face finding (when the build has it) has finished on the open photo. */
async function detectionDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="redact-stage"]:not([data-detecting])') !== null, undefined, { timeout: 45_000 });
}

/** Follows a navigation link and waits until that screen is the one shown. */
async function go(page: Page, screen: (typeof SCREENS)[number]): Promise<void> {
  await page.getByTestId(`nav-${screen}`).click();
  await page.locator(`[data-testid="nav-${screen}"][aria-current="page"]`).waitFor();
  await page.locator(`main h2#${screen}-title`).waitFor();
  if (screen === 'dossier') await page.waitForFunction(() => document.querySelector('[data-testid="dossier-progress"]') === null, undefined, { timeout: 30_000 });
}

/** Great-circle distance in metres. */
function metres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

function magick(args: readonly string[]): string {
  const result = spawnSync('convert', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`convert failed: ${result.stderr}`);
  return result.stdout.trim();
}
