/**
 * The initial download budget: the JavaScript the page loads before anyone clicks anything (the
 * entry script and every chunk it preloads) must stay at or under 300 KB gzipped. Heavy parts (zip,
 * face model and ONNX runtime, video, the dossier engine) must load lazily, so they are not counted
 * and must not be in the initial chunks. Reads packages/web/dist (npm test builds it first; this
 * builds it when missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from './browser.js';

const BUDGET_GZIP_BYTES = 300 * 1024;

function initialScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]!);
  return [...new Set([...scripts, ...preloads])];
}

function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

describe('web app bundle', () => {
  let html: string;

  beforeAll(() => {
    if (!existsSync(join(WEB_DIST, 'index.html'))) {
      const build = spawnSync('npm', ['run', 'build', '-w', '@lowprofile/web'], { stdio: 'inherit' });
      if (build.status !== 0) throw new Error('web build failed');
    }
    html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  });

  it(`loads at most ${BUDGET_GZIP_BYTES / 1024} KB of gzipped JavaScript up front`, () => {
    const scripts = initialScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((src) => ({ src, gzip: gzipSize(join(WEB_DIST, src)) }));
    const total = sizes.reduce((sum, entry) => sum + entry.gzip, 0);
    console.log(`initial JS: ${(total / 1024).toFixed(1)} KB gzipped (${sizes.map((entry) => `${entry.src} ${(entry.gzip / 1024).toFixed(1)} KB`).join(', ')})`);
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('keeps heavy parts out of the initial chunks and uses no inline scripts or styles', () => {
    const initial = initialScripts(html).map((src) => readFileSync(join(WEB_DIST, src), 'utf8')).join('\n');
    for (const heavy of ['onnxruntime', 'InferenceSession', 'invalid zip data' /* fflate */]) expect(initial).not.toContain(heavy);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('lists every built file for the service worker to cache, with relative URLs', () => {
    const sw = readFileSync(join(WEB_DIST, 'sw.js'), 'utf8');
    const list = (name: string) => JSON.parse(new RegExp(`const ${name} = (\\[[^\\]]*\\]);`).exec(sw)![1]!) as string[];
    const listed = [...list('PRECACHE'), ...list('HEAVY')];
    expect(list('PRECACHE')).toContain('./index.html');
    const built = [...readdirSync(WEB_DIST).filter((name) => name !== 'sw.js' && name !== 'assets'), ...readdirSync(join(WEB_DIST, 'assets')).map((name) => `assets/${name}`)];
    for (const name of built) expect(listed).toContain(`./${name}`);
    for (const url of listed) expect(url.startsWith('./')).toBe(true);
  });
});
