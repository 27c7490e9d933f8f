/**
 * Harness for the web app tests: serves the built app with `lowprofile app` on a random port of
 * 127.0.0.1, drives Debian's Chromium through playwright-core (no browser download, ever), and
 * intercepts every request so that any request to another origin fails the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CLI } from '../helpers/cli.js';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB_DIST = join(import.meta.dirname, '..', '..', 'packages', 'web', 'dist');

export interface AppServer {
  readonly url: string;
  readonly origin: string;
  stop(): Promise<void>;
}

export async function startApp(): Promise<AppServer> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('the web app is not built: run "npm run build" first');
  const child: ChildProcess = spawn(process.execPath, [CLI, 'app', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`lowprofile app did not start: ${output}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`lowprofile app exited (${code}): ${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface Browser {
  readonly context: BrowserContext;
  /** Requests to other origins (each one fails the test). */
  readonly foreign: string[];
  /** Console errors and CSP violations reported by the page. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export async function launch(origin: string, viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lowprofile-chromium-'));
  const downloads = mkdtempSync(join(tmpdir(), 'lowprofile-downloads-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    viewport,
    acceptDownloads: true,
    downloadsPath: downloads,
    locale: 'en-US',
  });
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin) {
      foreign.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  context.on('page', (page) => watch(page, pageErrors));
  for (const page of context.pages()) watch(page, pageErrors);
  return {
    context,
    foreign,
    pageErrors,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

function watch(page: import('playwright-core').Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
}
