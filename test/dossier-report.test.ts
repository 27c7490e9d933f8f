import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, buildReport, distanceM, renderReportHtml } from '@lowprofile/core';
import { richPersona } from './helpers/synthetic-persona.js';

describe('dossier report', () => {
  const { sink, home, work } = richPersona();
  const report = buildReport(analyse(sink), { generatedAt: '2024-06-01T12:00:00.000Z', archives: ['takeout.zip'] });

  it('JSON has places with role, position, confidence and evidence, and every section', () => {
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    const h = json.places.find((p) => p.role === 'home');
    const w = json.places.find((p) => p.role === 'work');
    expect(h && distanceM(h.lat, h.lon, home.lat, home.lon)).toBeLessThan(150);
    expect(w && distanceM(w.lat, w.lon, work.lat, work.lon)).toBeLessThan(300);
    for (const p of json.places) {
      expect(p.confidence).toBeGreaterThanOrEqual(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
      expect(p.evidence.length).toBeGreaterThan(0);
    }
    expect(json.people[0]?.name).toBe('Sam Ortiz');
    expect(json.people[0]?.mutual).toBe(true);
    expect(json.identities.links.some((l) => l.reason === 'email-matches-handle' || l.reason === 'same-email')).toBe(true);
    expect(json.flaggedPosts.some((p) => p.reasons.some((r) => r.type === 'negative-about-agency' && r.agency === 'ICE'))).toBe(true);
    expect(json.flaggedPosts.some((p) => p.ref === 'instagram:posts:3' && p.reasons.some((r) => r.type === 'negative-about-agency'))).toBe(true);
    expect(json.media.withSerial).toBe(1);
    expect(json.sensitivePlaces.categories.map((c) => c.category)).toContain('religion');
    expect(json.plan.length).toBeGreaterThan(3);
    expect(json.plan[0]?.impact).toBeGreaterThanOrEqual(json.plan[1]?.impact ?? 0);
    expect(json.couldNotDetermine.length).toBeGreaterThan(0);
  });

  it('no finding without evidence', () => {
    for (const f of report.findings) expect(f.evidence.length, f.id).toBeGreaterThan(0);
  });

  it('Spanish report: headings and main sentences from the catalogue', () => {
    const es = renderReportHtml(buildReport(analyse(sink), { language: 'es', generatedAt: '2024-06-01T12:00:00.000Z' }));
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('Tu expediente');
    expect(es).toContain('El plan: qué hacer primero');
    expect(es).toContain('Dónde es más probable que vivas');
  });

  it('HTML is one self-contained page', () => {
    const html = renderReportHtml(report);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/\s(src|href)=/i);
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(join('test-artifacts', 'synthetic-report.html'), html);
  });
});
