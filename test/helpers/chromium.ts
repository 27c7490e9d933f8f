import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian's Chromium, headless, with everything that phones home switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-default-apps', '--disable-sync'],
  });
}

/**
 * Opens a local HTML file with every request intercepted; returns the URLs of all requests other
 * than the file itself (which must be none) and optionally saves a full-page screenshot.
 */
export async function openOffline(browser: Browser, fileUrl: string, screenshot?: string): Promise<{ foreign: string[]; title: string }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, offline: true });
  const page = await context.newPage();
  const foreign: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === fileUrl) await route.continue();
    else {
      foreign.push(url);
      await route.abort();
    }
  });
  page.on('request', (request) => {
    if (request.url() !== fileUrl && !foreign.includes(request.url())) foreign.push(request.url());
  });
  await page.goto(fileUrl, { waitUntil: 'load' });
  const title = await page.title();
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await context.close();
  return { foreign, title };
}
