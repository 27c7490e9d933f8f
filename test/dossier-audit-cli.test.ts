import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distanceM, type DossierReport } from '@lowprofile/core';
import { lowprofile } from './helpers/cli.js';

const DEMO = join(import.meta.dirname, '..', 'demo', 'persona');
const truth = JSON.parse(readFileSync(join(DEMO, 'ground-truth.json'), 'utf8')) as { home: { lat: number; lon: number }; work: { lat: number; lon: number }; closestPerson: string };

describe('lowprofile audit', () => {
  it('audits the demo persona through the importers: home, work, people, report files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lowprofile-audit-'));
    const html = join(dir, 'report.html');
    const result = lowprofile(['audit', DEMO, '--html', html, '--json', '-']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as DossierReport;
    const home = report.places.find((p) => p.role === 'home');
    const work = report.places.find((p) => p.role === 'work');
    expect(home && distanceM(home.lat, home.lon, truth.home.lat, truth.home.lon)).toBeLessThan(150);
    expect(work && distanceM(work.lat, work.lon, truth.work.lat, truth.work.lon)).toBeLessThan(300);
    expect(report.people[0]?.name).toBe(truth.closestPerson);
    expect(report.flaggedPosts.length).toBeGreaterThan(0);
    expect(report.plan[0]?.id).toBe('delete-location-history');
    expect(result.stderr).toContain('Your report:');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<!doctype html>');
    expect(page).not.toMatch(/<script|\s(src|href)=/i);
  });

  it('reports a damaged archive and a missing path, never a stack trace, and still writes the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lowprofile-audit-bad-'));
    const bad = join(dir, 'broken.zip');
    writeFileSync(bad, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    copyFileSync(join(DEMO, 'twitter-2024-06-01-5f2c9e.zip'), join(dir, 'twitter.zip'));
    const html = join(dir, 'r.html');
    const result = lowprofile(['audit', bad, join(dir, 'twitter.zip'), join(dir, 'missing'), '--html', html], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/skipped .*broken\.zip/);
    expect(result.stdout).toMatch(/skipped .*missing: not found/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(existsSync(html)).toBe(true);
  });
});
