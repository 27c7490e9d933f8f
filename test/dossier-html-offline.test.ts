import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { analyse, buildReport, renderReportHtml } from '@lowprofile/core';
import { loadBasemap, loadGeocoder } from '../packages/cli/src/audit/geodata.js';
import { richPersona } from './helpers/synthetic-persona.js';
import { launchChromium } from './helpers/chromium.js';
import { openOffline } from './helpers/chromium.js';
import { lowprofile } from './helpers/cli.js';

describe('the HTML report makes no network request', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads in Chromium with every request intercepted, and only the file itself is requested', async () => {
    const { sink } = richPersona();
    const geocoder = loadGeocoder();
    const report = buildReport(analyse(sink), { generatedAt: '2024-06-01T12:00:00.000Z', archives: ['synthetic'], ...(geocoder ? { geocoder } : {}) });
    // A hostile string in the data must not become markup that loads something.
    const html = renderReportHtml({ ...report, summary: { ...report.summary, points: [...report.summary.points, '<img src="http://127.0.0.1:9/x.png"><link rel=stylesheet href="//127.0.0.1:9/a.css">'] } }, { basemap: await loadBasemap() });
    mkdirSync('test-artifacts', { recursive: true });
    const file = resolve('test-artifacts', 'synthetic-report.html');
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const { foreign, title } = await openOffline(browser, url, join('test-artifacts', 'synthetic-report.png'));
    expect(title).toContain('dossier');
    expect(foreign).toEqual([]);
    expect(report.places[0]?.near?.name).toBeTruthy();
  });

  it("the demo persona's report, as `lowprofile audit demo/persona` writes it, makes no request (screenshot in test-artifacts/)", async () => {
    const file = resolve('test-artifacts', 'demo-report.html');
    const result = lowprofile(['audit', join(import.meta.dirname, '..', 'demo', 'persona'), '--html', file]);
    expect(result.status, result.stderr).toBe(0);
    const { foreign } = await openOffline(browser, pathToFileURL(file).href, join('test-artifacts', 'demo-report.png'));
    expect(foreign).toEqual([]);
  });

  it('control: the same interception does catch a page that loads something', async () => {
    const file = resolve('test-artifacts', 'control.html');
    writeFileSync(file, '<!doctype html><title>control</title><img src="http://127.0.0.1:9/x.png">');
    const url = pathToFileURL(file).href;
    const { foreign } = await openOffline(browser, url);
    expect(foreign).toContain('http://127.0.0.1:9/x.png');
  });
});
